/** A LIKE/ILIKE pattern that matches `text` anywhere, with its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** drizzle's execute() returns {rows} on both drivers; this keeps call sites short. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/**
 * A uuid[] literal for one bind parameter (`= any($1::uuid[])`), however many ids: an IN list would run
 * into the 65,535-parameter limit. Anything that is not a uuid is dropped, so the literal cannot be bent.
 */
export function uuidArray(ids: Iterable<string>): string {
  const ok = [...ids].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  return `{${ok.join(',')}}`;
}
