import { describe, expect, it } from 'vitest';
import { formatMoment, isoToLocalInput, isValidLocalInput, localInputToIso, nowLocalInput, remaining } from './time';

describe('incident moments in Europe/Amsterdam', () => {
  it('reads a datetime-local value as Amsterdam time, winter and summer', () => {
    expect(localInputToIso('2026-11-23T09:30')).toBe('2026-11-23T09:30:00+01:00');
    expect(localInputToIso('2026-07-01T09:30')).toBe('2026-07-01T09:30:00+02:00');
    expect(new Date(localInputToIso('2026-07-01T09:30')).toISOString()).toBe('2026-07-01T07:30:00.000Z');
  });

  it('refuses a time in the spring-forward gap and reads the autumn hour as the earlier instant', () => {
    expect(isValidLocalInput('2026-03-29T02:30')).toBe(false);
    expect(() => localInputToIso('2026-03-29T02:30')).toThrow();
    expect(localInputToIso('2026-10-25T02:30')).toBe('2026-10-25T02:30:00+02:00');
  });

  it('shows an instant as the Amsterdam input value and text', () => {
    expect(isoToLocalInput('2026-11-24T13:30:00Z')).toBe('2026-11-24T14:30');
    expect(isoToLocalInput(null)).toBe('');
    expect(nowLocalInput(new Date('2026-06-30T22:15:40Z'))).toBe('2026-07-01T00:15');
    expect(formatMoment('2026-11-24T13:30:00Z', 'nl')).toBe('di 24 nov 2026 14:30');
    expect(formatMoment('2026-11-24T13:30:00Z', 'en')).toBe('Tue 24 Nov 2026 14:30');
  });

  it('says how far away a moment is', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(remaining('2026-11-24T23:40:00Z', now)).toEqual({ past: false, unit: 'hours', count: 11 });
    expect(remaining('2026-11-24T08:59:00Z', now)).toEqual({ past: true, unit: 'hours', count: 3 });
    expect(remaining('2026-11-24T12:45:00Z', now)).toEqual({ past: false, unit: 'minutes', count: 45 });
    expect(remaining('2026-11-27T13:00:00Z', now)).toEqual({ past: false, unit: 'days', count: 3 });
  });
});
