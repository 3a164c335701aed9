import { describe, expect, it } from 'vitest';
import { addDays, localDate } from './dates';

describe('dates in Europe/Amsterdam', () => {
  it('uses the Dutch calendar day, not UTC', () => {
    // 23:30 UTC on 31 December is already New Year in Amsterdam (UTC+1)
    expect(localDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // in summer time (UTC+2) 22:30 UTC is the next day, 21:59 is not
    expect(localDate(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(localDate(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
