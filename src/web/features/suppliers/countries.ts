import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import nl from 'i18n-iso-countries/langs/nl.json';

/*
 * Country names in the interface language from the maintained ISO 3166-1 list (the server uses the
 * same package for its Dutch names), so a code never has to be shown on its own.
 */
countries.registerLocale(nl);
countries.registerLocale(en);

const lang = (language: string) => (language === 'en' ? 'en' : 'nl');

/** The everyday name of a country ("CN" → "China"), or the code itself when unknown. */
export function countryName(code: string, language: string): string {
  return countries.getName(code, lang(language), { select: 'alias' }) ?? code;
}

const cache = new Map<string, Array<{ value: string; label: string }>>();

/** Every country as an option (value: alpha-2 code), sorted by name in the interface language. */
export function countryOptions(language: string): Array<{ value: string; label: string }> {
  const key = lang(language);
  let options = cache.get(key);
  if (!options) {
    const names = countries.getNames(key, { select: 'alias' });
    const collator = new Intl.Collator(key === 'en' ? 'en-GB' : 'nl-NL');
    options = Object.entries(names)
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => collator.compare(a.label, b.label));
    cache.set(key, options);
  }
  return options;
}
