import { asc } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { threats } from '../../core/db/schema.js';

/** The threat catalog (installation-wide), in Dutch, in catalog order. */
export async function listThreats(ctx: OrgCtx) {
  const rows = await ctx.tx.select().from(threats).orderBy(asc(threats.position), asc(threats.id));
  return { items: rows.map((t) => ({ id: t.id, name: (t.name as { nl?: string }).nl ?? t.id, category: t.category, description: t.description })) };
}
