import { describe, expect, it } from 'vitest';
import { centsToInput, councilReportOverdue, endsSoon, formatEuros, formatPercentage, hasEnded, parseDays, parseEuros } from './model';

describe('supplier page rules', () => {
  it('reads euros as people type them', () => {
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('  ')).toBeNull();
    expect(parseEuros('1250000')).toBe(125_000_000);
    expect(parseEuros('1.250.000')).toBe(125_000_000);
    expect(parseEuros('1,250,000')).toBe(125_000_000);
    expect(parseEuros('€ 1.250,50')).toBe(125_050);
    expect(parseEuros('1250,5')).toBe(125_050);
    expect(parseEuros('1250.50')).toBe(125_050);
    expect(parseEuros('€ 184 000')).toBe(18_400_000);
    expect(parseEuros('0')).toBe(0);
    expect(parseEuros('12,3456')).toBeUndefined();
    expect(parseEuros('1.25.000')).toBeUndefined();
    expect(parseEuros('-5')).toBeUndefined();
    expect(parseEuros('twaalf')).toBeUndefined();
    expect(parseEuros('5,')).toBeUndefined();
  });

  it('turns cents back into an editable amount and into money', () => {
    expect(centsToInput(null, 'nl')).toBe('');
    expect(centsToInput(18_400_000, 'nl')).toBe('184000');
    expect(centsToInput(125_050, 'nl')).toBe('1250,50');
    expect(centsToInput(125_050, 'en')).toBe('1250.50');
    expect(parseEuros(centsToInput(125_005, 'nl'))).toBe(125_005);
    expect(formatEuros(18_400_000, 'nl').replace(/\s/g, ' ')).toBe('€ 184.000');
    expect(formatEuros(125_050, 'en')).toBe('€1,250.50');
  });

  it('marks a contract that ends within 90 days, not one that ended or ends later', () => {
    expect(endsSoon('2026-03-31', '2026-01-01')).toBe(true);
    expect(endsSoon('2026-01-01', '2026-01-01')).toBe(true);
    expect(endsSoon('2026-04-01', '2026-01-01')).toBe(true);
    expect(endsSoon('2026-04-02', '2026-01-01')).toBe(false);
    expect(endsSoon('2025-12-31', '2026-01-01')).toBe(false);
    expect(endsSoon(null, '2026-01-01')).toBe(false);
    expect(hasEnded('2025-12-31', '2026-01-01')).toBe(true);
    expect(hasEnded(null, '2026-01-01')).toBe(false);
  });

  it('marks a council report older than a year, or none', () => {
    expect(councilReportOverdue('2025-06-15', '2026-06-15')).toBe(false);
    expect(councilReportOverdue('2025-06-14', '2026-06-15')).toBe(true);
    expect(councilReportOverdue('2026-01-10', '2026-06-15')).toBe(false);
    expect(councilReportOverdue('2023-02-28', '2024-02-29')).toBe(false);
    expect(councilReportOverdue(null, '2026-06-15')).toBe(true);
  });

  it('shows a shared compliance percentage with at most one decimal', () => {
    expect(formatPercentage(87.5, 'nl')).toBe('87,5');
    expect(formatPercentage(87.5, 'en')).toBe('87.5');
    expect(formatPercentage(100, 'nl')).toBe('100');
  });

  it('reads a notice period in days', () => {
    expect(parseDays('')).toBeNull();
    expect(parseDays('90')).toBe(90);
    expect(parseDays('9.5')).toBeUndefined();
    expect(parseDays('-1')).toBeUndefined();
  });
});
