/** `value` when it is one of `values` (e.g. a filter read from the URL), otherwise ''. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

/** Search parameters for filters, in the order given: empty and false values are left out, true is "true". */
export function searchParamsOf(values: Record<string, string | boolean | null>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === true) params.set(key, 'true');
    else if (value) params.set(key, value);
  }
  return params;
}
