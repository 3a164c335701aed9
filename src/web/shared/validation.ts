import type { TFunction } from 'i18next';

export const MIN_PASSWORD_LENGTH = 12;

export function requiredError(value: string, t: TFunction): string | null {
  return value.trim() ? null : t('errors.required');
}

export function passwordError(value: string, t: TFunction): string | null {
  if (!value) return t('errors.required');
  return value.length >= MIN_PASSWORD_LENGTH ? null : t('errors.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
}

export function confirmError(password: string, confirmation: string, t: TFunction): string | null {
  if (!confirmation) return t('errors.required');
  return password === confirmation ? null : t('errors.passwordMismatch');
}

export function codeError(value: string, t: TFunction): string | null {
  return /^\d{6}$/.test(value.trim()) ? null : t('errors.codeFormat');
}

/** Keeps only the errors that are set; returns null when there are none. */
export function collectErrors(errors: Record<string, string | null>): Record<string, string> | null {
  const set = Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return Object.keys(set).length > 0 ? set : null;
}

/** Moves focus to the first field with an error (its input id is `${prefix}-${field}`). */
export function focusFirstError(prefix: string, errors: Record<string, string>): void {
  const first = Object.keys(errors)[0];
  if (first) document.getElementById(`${prefix}-${first}`)?.focus();
}
