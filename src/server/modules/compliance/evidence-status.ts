/**
 * Evidence validity, computed from the dates (never stored): an ISO date compared with "today" in
 * Europe/Amsterdam, so a certificate that ends on 31 December is still valid that whole Dutch day.
 */
import { addDays } from '../../../shared/dates.js';

export const EVIDENCE_STATUSES = ['geldig', 'verloopt_binnenkort', 'verlopen', 'onbepaald'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** Within this many days of validUntil, evidence "verloopt binnenkort". */
export const SOON_DAYS = 30;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}


export function evidenceStatus(validUntil: string | null | undefined, today: string): EvidenceStatus {
  if (!validUntil) return 'onbepaald';
  if (validUntil < today) return 'verlopen';
  if (validUntil <= addDays(today, SOON_DAYS)) return 'verloopt_binnenkort';
  return 'geldig';
}

/** The reminder due for this evidence today: 'soon', 'expired' or none. */
export function reminderStage(validUntil: string | null | undefined, today: string): 'soon' | 'expired' | null {
  const s = evidenceStatus(validUntil, today);
  return s === 'verlopen' ? 'expired' : s === 'verloopt_binnenkort' ? 'soon' : null;
}
