import type { OrgCtx } from '../../core/http/pipeline.js';
import { labelNodes } from './graph-nodes.js';
import { supplierDependants } from './traverse.js';
import { byDutchName, CRITICAL } from './cascade.js';

/**
 * Concentration: the organisation's suppliers ranked by how many critical (hoog/vitaal) processes, then
 * processes, then nodes depend on them transitively. Reads the maintained reach of every supplier that
 * something depends on (table dependency_reach: cycle-safe, shortest depth, up to MAX_DEPTH; see
 * traverse.ts) in one grouped query, then one label query per node type.
 */
export async function concentration(ctx: OrgCtx, q: { limit: number }) {
  const { tx, org } = ctx;
  const bySupplier = await supplierDependants(tx, org.id);
  const labels = await labelNodes(tx, org.id, [
    ...bySupplier.map((e) => ({ type: 'supplier' as const, id: e.supplierId })),
    ...bySupplier.flatMap((e) => e.assets.map((id) => ({ type: 'asset' as const, id }))),
  ]);
  const items = bySupplier.map(({ supplierId: id, ...e }) => {
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
      byDutchName(a.supplier.name ?? '', b.supplier.name ?? '') ||
      a.supplier.id.localeCompare(b.supplier.id),
  );
  return { items: items.slice(0, q.limit) };
}
