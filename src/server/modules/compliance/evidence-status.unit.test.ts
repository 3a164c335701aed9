import { describe, expect, it } from 'vitest';
import { evidenceStatus, isIsoDate, reminderStage } from './evidence-status.js';
import { addDays, localDate as todayInAmsterdam } from '../../../shared/dates.js';

describe('evidence status', () => {
  const today = '2026-03-15';

  it('is onbepaald without an end date', () => {
    expect(evidenceStatus(null, today)).toBe('onbepaald');
    expect(evidenceStatus(undefined, today)).toBe('onbepaald');
    expect(reminderStage(null, today)).toBeNull();
  });

  it('is verlopen only after the last valid day', () => {
    expect(evidenceStatus('2026-03-14', today)).toBe('verlopen');
    expect(evidenceStatus('2025-12-31', today)).toBe('verlopen');
    expect(evidenceStatus('2026-03-15', today)).toBe('verloopt_binnenkort'); // still valid today
  });

  it('verloopt binnenkort within 30 days, geldig after that', () => {
    expect(evidenceStatus('2026-04-14', today)).toBe('verloopt_binnenkort'); // today + 30
    expect(evidenceStatus('2026-04-15', today)).toBe('geldig'); // today + 31
    expect(evidenceStatus('2027-01-01', today)).toBe('geldig');
  });

  it('maps to the reminder stages', () => {
    expect(reminderStage('2026-03-01', today)).toBe('expired');
    expect(reminderStage('2026-03-20', today)).toBe('soon');
    expect(reminderStage('2026-06-20', today)).toBeNull();
  });

  it('does calendar arithmetic across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-15', 30)).toBe('2026-01-14');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
  });

  it('takes today in the Netherlands, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter)
    expect(todayInAmsterdam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 22:30 UTC in summer is 00:30 the next day (UTC+2)
    expect(todayInAmsterdam(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(todayInAmsterdam(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00')).toBe(false);
  });
});
