import { sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { rowsOf, uuidArray } from '../../core/db/rows.js';
import { PROCUREMENT_KIND } from './package.js';

export interface SharedFrameworkProgress {
  id: string;
  name: string;
  /** share of the applicable requirements that voldoet, one decimal */
  percentage: number;
}

/**
 * The compliance picture an organisation shares with others (a joint arrangement with its participating
 * gemeenten): per framework of its most recent verantwoordingsjaar, the share of applicable requirements
 * that voldoet — from the maintained progress numbers, nothing else. The caller decides who may see it
 * and passes exactly those organisation ids (a system transaction: explicit filter here).
 */
export async function latestProgressOf(tx: Executor, organisationIds: readonly string[]): Promise<Map<string, SharedFrameworkProgress[]>> {
  const out = new Map<string, SharedFrameworkProgress[]>();
  if (organisationIds.length === 0) return out;
  const rows = rowsOf<{ organisationId: string; id: string; name: string; applicable: number; voldoet: number }>(
    await tx.execute(sql`
      select p.organisation_id as "organisationId", p.framework_id as id, f.name, p.applicable::int as applicable, p.voldoet::int as voldoet
      from compliance_progress p
      join frameworks f on f.id = p.framework_id and f.kind <> ${PROCUREMENT_KIND}
      where p.organisation_id = any(${uuidArray(organisationIds)}::uuid[])
        and p.year = (select max(q.year) from compliance_progress q where q.organisation_id = p.organisation_id)
      order by p.organisation_id, f.name, p.framework_id`),
  );
  for (const r of rows) {
    const list = out.get(r.organisationId) ?? [];
    list.push({ id: r.id, name: r.name, percentage: r.applicable ? Math.round((1000 * r.voldoet) / r.applicable) / 10 : 0 });
    out.set(r.organisationId, list);
  }
  return out;
}
