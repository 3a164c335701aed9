import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
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

/**
 * The number of rows of `table` that match `filters`, as a column of the page query itself: an
 * uncorrelated sub-select (inside it the table name means its own FROM), which PostgreSQL computes once
 * as an InitPlan. A list page and its total are then one round trip. An empty page carries no total:
 * the caller counts separately in that (rare) case.
 */
export const totalOf = (table: PgTable, filters: SQL | undefined) => sql<number>`(select count(*) from ${table} where ${filters ?? sql`true`})`.mapWith(Number);

/** A json column from a raw statement: the pg driver parses it, some paths hand over the text. */
export const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
