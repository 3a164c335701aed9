import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES } from './resources';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'weerbaar.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'nl';
  } catch {
    return 'nl';
  }
}

/** Keeps <html lang> and the stored preference in step with i18next. */
function applyLanguage(language: string): void {
  const lang = isLanguage(language) ? language : 'nl';
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the language still applies to this page.
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: RESOURCES.nl }, en: { translation: RESOURCES.en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
});
applyLanguage(i18n.language);

export default i18n;
