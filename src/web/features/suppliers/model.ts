import { addDays, localDate } from '../../../shared/dates';

/*
 * Pure rules of the supplier pages (tested in model.unit.test.ts): money in euros, and the date
 * markers the pages show (a contract ending soon, a council report older than a year).
 */

/** A contract that ends within this many days is marked (the same horizon as the server's warning). */
export const CONTRACT_ENDING_DAYS = 90;

/**
 * Euros as typed by a person ("1.250.000", "1250000,50", "€ 1 250,5", "1250.50") → eurocents;
 * null for an empty field, undefined when it is not an amount.
 */
export function parseEuros(text: string): number | null | undefined {
  let value = text.replace(/€|\s|\u00a0/g, '').trim();
  if (!value) return null;
  if (!/^\d[\d.,]*$/.test(value)) return undefined;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  let decimals = '';
  // The last separator is the decimal one when one or two digits follow it; otherwise every separator groups thousands.
  const last = Math.max(lastComma, lastDot);
  if (last >= 0 && value.length - last - 1 <= 2 && value.length - last - 1 >= 1) {
    decimals = value.slice(last + 1);
    value = value.slice(0, last);
  } else if (last === value.length - 1) {
    return undefined;
  }
  const groups = value.split(/[.,]/);
  if (groups.length > 1 && (groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3))) return undefined;
  const whole = groups.join('');
  if (!/^\d+$/.test(whole) || whole.length > 13) return undefined;
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0') || '0');
}

/** Eurocents as an editable amount in the interface language ("1250,50" / "1250.50"; whole euros without decimals). */
export function centsToInput(cents: number | null, language: string): string {
  if (cents === null) return '';
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return String(euros);
  return `${euros}${language === 'en' ? '.' : ','}${String(rest).padStart(2, '0')}`;
}

/** Eurocents as money, e.g. "€ 184.000" (nl) or "€184,000" (en); cents only when there are any. */
export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** Today in Europe/Amsterdam (YYYY-MM-DD), the day the server judges dates by. */
export const today = () => localDate();

/** The contract has not ended yet and ends within CONTRACT_ENDING_DAYS days of `on`. */
export function endsSoon(endDate: string | null, on: string): boolean {
  return endDate !== null && endDate >= on && endDate <= addDays(on, CONTRACT_ENDING_DAYS);
}

/** The contract's end date has passed. */
export function hasEnded(endDate: string | null, on: string): boolean {
  return endDate !== null && endDate < on;
}

/** A council report dated more than a year before `on` (or none at all) is marked as overdue. */
export function councilReportOverdue(lastReport: string | null, on: string): boolean {
  if (!lastReport) return true;
  const [year, month, day] = on.split('-').map(Number);
  const yearAgo = `${year - 1}-${String(month).padStart(2, '0')}-${String(month === 2 && day === 29 ? 28 : day).padStart(2, '0')}`;
  return lastReport < yearAgo;
}

/** Whole non-negative number of days from a text field; null when empty, undefined when not a number. */
export function parseDays(text: string): number | null | undefined {
  const value = text.trim();
  if (!value) return null;
  return /^\d{1,4}$/.test(value) ? Number(value) : undefined;
}

/** A percentage (0–100, one decimal) in the interface language: "87,5" (nl) or "87.5" (en). */
export function formatPercentage(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(value);
}
