import { badRequest } from './problem.js';

/**
 * Keyset-paging cursors: the sort key of the last item of a page, as opaque base64url JSON.
 * Each list says what its key looks like, so a forged or stale cursor is a 400, never a query error.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export const CURSOR_PART = {
  any: /^[\s\S]{0,400}$/,
  uuid: /^[0-9a-f-]{36}$/i,
  timestamp: /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/,
} as const;

export function decodeCursor<N extends number>(cursor: string, shape: readonly RegExp[] & { length: N }): string[] & { length: N } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === shape.length && v.every((part, i) => typeof part === 'string' && shape[i].test(part))) return v as string[] & { length: N };
  } catch {
    /* fall through */
  }
  throw badRequest('Ongeldige cursor.', [{ path: 'query.cursor', message: 'ongeldig' }]);
}
