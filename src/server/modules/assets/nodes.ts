import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { assets } from '../../core/db/schema.js';

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

/** The organisation's assets among `ids` (unknown or foreign ids are simply absent), as graph nodes. */
export async function assetNodes(tx: Executor, organisationId: string, ids: string[]): Promise<AssetNode[]> {
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
    .where(and(eq(assets.organisationId, organisationId), inArray(assets.id, unique)));
  return rows.map((r) => ({ ...r, type: 'asset' as const }));
}
