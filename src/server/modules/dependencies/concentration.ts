import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { labelNodes } from './graph-nodes.js';
import { reachDependants } from './traverse.js';
import { CRITICAL } from './cascade.js';

/**
 * Concentration: the organisation's suppliers ranked by how many critical (hoog/vitaal) processes, then
 * processes, then nodes depend on them transitively. One traversal statement for all suppliers at once
 * (one breadth-first walk per supplier that has dependants, cycle-safe), then one label query per node type.
 */
export async function concentration(ctx: OrgCtx, q: { limit: number }) {
  const { tx, org } = ctx;
  const { rows } = await reachDependants(
    tx,
    sql`select d.to_id, d.organisation_id, array[d.to_id]
        from dependencies d where d.organisation_id = ${org.id} and d.to_type = 'supplier'
        group by d.to_id, d.organisation_id`,
  );
  const bySupplier = new Map<string, { assets: string[]; dependants: number }>();
  for (const r of rows) {
    const e = bySupplier.get(r.key) ?? { assets: [], dependants: 0 };
    e.dependants++;
    if (r.type === 'asset') e.assets.push(r.id);
    bySupplier.set(r.key, e);
  }
  const labels = await labelNodes(tx, org.id, [
    ...[...bySupplier.keys()].map((id) => ({ type: 'supplier' as const, id })),
    ...rows.filter((r) => r.type === 'asset'),
  ]);
  const items = [...bySupplier].map(([id, e]) => {
    const processes = e.assets.map((a) => labels.get(a)).filter((n) => n?.kind === 'proces');
    const s = labels.get(id);
    return {
      supplier: { id, name: s?.name ?? null, registrationNumber: s?.registrationNumber ?? null, highRisk: s?.highRisk ?? false },
      criticalProcesses: processes.filter((p) => CRITICAL.has(p!.criticality ?? '')).length,
      processes: processes.length,
      dependants: e.dependants,
    };
  });
  items.sort(
    (a, b) =>
      b.criticalProcesses - a.criticalProcesses ||
      b.processes - a.processes ||
      b.dependants - a.dependants ||
      (a.supplier.name ?? '').localeCompare(b.supplier.name ?? '', 'nl') ||
      a.supplier.id.localeCompare(b.supplier.id),
  );
  return { items: items.slice(0, q.limit) };
}
