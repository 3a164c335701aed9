import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

/*
 * ISO 3166-1 alpha-2 codes with their Dutch names, from the maintained i18n-iso-countries list
 * (so a new or renamed country arrives with a package update, not with an edit here).
 */
const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/nl.json'));

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** The everyday Dutch name of a country code ("CN" → "China", not the official "Volksrepubliek China"); the code itself when unknown. */
export function countryName(code: string): string {
  return countries.getName(code, 'nl', { select: 'alias' }) ?? code;
}

export const country = (code: string) => ({ code, name: countryName(code) });
