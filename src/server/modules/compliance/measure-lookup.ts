import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { measures } from '../../core/db/schema.js';
import { uuidArray } from '../../core/db/rows.js';

/*
 * What other modules (the risk register) may know about measures: title and status, by id. They never
 * read the measures table themselves.
 */

export interface MeasureState {
  id: string;
  title: string;
  /** gepland | in_uitvoering | geimplementeerd | vervallen */
  status: string;
}

/** The organisation's measures among `ids` (unknown or foreign ids are simply absent), sorted by title. */
export async function measureStates(tx: Executor, organisationId: string, ids: readonly string[]): Promise<MeasureState[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return tx
    .select({ id: measures.id, title: measures.title, status: measures.status })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), sql`${measures.id} = any(${uuidArray(unique)}::uuid[])`))
    .orderBy(measures.title, measures.id);
}
