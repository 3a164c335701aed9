import i18n from '../i18n/setup';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'nl-NL';
}

/** Date and time in the user's language, e.g. "23 nov 2026, 10:40". Empty input gives an empty string. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
}
