import { DateTime } from 'luxon';
import { parseMoment } from '../../../shared/deadlines';

/*
 * Moments in the incident pages. The law counts in Europe/Amsterdam, so every moment is shown and
 * entered in that zone, whatever the browser's own zone is. Pure functions (unit-tested).
 */

export const ZONE = 'Europe/Amsterdam';

/** A datetime-local value ("2026-11-23T09:30") read as Amsterdam time → ISO 8601 with its offset. Throws on a time that does not exist there (DST gap). */
export function localInputToIso(value: string): string {
  const instant = parseMoment(value.trim(), ZONE);
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
}

/** Whether a datetime-local value is a time that exists in Amsterdam. */
export function isValidLocalInput(value: string): boolean {
  try {
    localInputToIso(value);
    return true;
  } catch {
    return false;
  }
}

/** An instant → the datetime-local value in Amsterdam ("2026-11-23T09:30"). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { zone: ZONE });
  return dt.isValid ? dt.toFormat("yyyy-LL-dd'T'HH:mm") : '';
}

/** Now as a datetime-local value in Amsterdam (to the minute). */
export function nowLocalInput(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** "di 24 nov 2026 14:30" / "Tue 24 Nov 2026 14:30", Amsterdam time. */
export function formatMoment(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { zone: ZONE });
  if (!dt.isValid) return iso;
  return dt.setLocale(lang === 'en' ? 'en-GB' : 'nl').toFormat('ccc d LLL yyyy HH:mm');
}

export interface Remaining {
  /** true: the moment has passed */
  past: boolean;
  unit: 'minutes' | 'hours' | 'days';
  count: number;
}

/** How far a moment is from now, in whole minutes (under an hour), hours (under two days) or days. */
export function remaining(iso: string, now: Date = new Date()): Remaining {
  const ms = new Date(iso).getTime() - now.getTime();
  const past = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return { past, unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { past, unit: 'hours', count: hours };
  return { past, unit: 'days', count: Math.floor(hours / 24) };
}
