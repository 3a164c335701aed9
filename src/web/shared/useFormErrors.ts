import { useState } from 'react';
import { collectErrors, focusFirstError } from './validation';

/**
 * The client-side errors of a form whose inputs have the ids `${idPrefix}-${field}`. `check` shows
 * the given errors (null where a field is fine), moves focus to the first, and returns whether
 * there were none.
 */
export function useFormErrors(idPrefix: string) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = (candidates: Record<string, string | null>): boolean => {
    const invalid = collectErrors(candidates);
    setErrors(invalid ?? {});
    if (invalid) focusFirstError(idPrefix, invalid);
    return !invalid;
  };
  return { errors, check };
}
