import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { assets } from '../../core/db/schema.js';
import { uuidArray } from '../../core/db/rows.js';

/** An asset as a node of the dependency graph (what the dependencies module may know of it). */
export interface AssetNode {
  id: string;
  type: 'asset';
  kind: string;
  name: string;
  criticality: string | null;
  rtoHours: number | null;
  mtdHours: number | null;
}

/**
 * The organisation's assets among `ids` (unknown or foreign ids are simply absent), as graph nodes.
 * Several organisations at once for the CSIRT view across its gemeenten (one query, not one each).
 */
export async function assetNodes(tx: Executor, organisationId: string | readonly string[], ids: string[]): Promise<AssetNode[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx
    .select({
      id: assets.id,
      kind: assets.kind,
      name: assets.name,
      criticality: assets.criticality,
      rtoHours: assets.rtoHours,
      mtdHours: assets.mtdHours,
    })
    .from(assets)
    .where(
      and(
        typeof organisationId === 'string' ? eq(assets.organisationId, organisationId) : sql`${assets.organisationId} = any(${uuidArray(organisationId)}::uuid[])`,
        sql`${assets.id} = any(${uuidArray(unique)}::uuid[])`,
      ),
    );
  return rows.map((r) => ({ ...r, type: 'asset' as const }));
}

/**
 * The processes of the given organisations as an SQL subquery with the columns organisation_id, id,
 * name, criticality, rto_hours and mtd_hours. For the CSIRT view across gemeenten, which joins them
 * with the dependency graph's maintained reach in one statement (~25,000 processes nationally: a
 * label query by id list plus a second round trip costs more than the rest of the request).
 */
export function processNodesQuery(organisationIds: readonly string[]): SQL {
  return sql`select organisation_id, id, name, criticality, rto_hours, mtd_hours from assets
             where organisation_id = any(${uuidArray(organisationIds)}::uuid[]) and kind = 'proces'`;
}
