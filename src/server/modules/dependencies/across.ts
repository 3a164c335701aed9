import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/client.js';
import type { OrgContext } from '../../core/http/pipeline.js';
import { suppliersByRegistration } from '../suppliers/nodes.js';
import { linkedGemeenten } from './linked-gemeenten.js';
import { processNodesQuery } from '../assets/nodes.js';
import { rowsOf, uuidArray } from '../../core/db/rows.js';
import type { GraphNode } from './graph-nodes.js';
import { affectedProcesses, byDutchName, STATUS_RANK } from './cascade.js';
import { ACROSS_PROCESSES_DEFAULT, PROCESS_STATUSES } from './schemas.js';
import type { ProcessStatus } from './cascade.js';

/**
 * The CSIRT's (or veiligheidsregio's) view: "this supplier fails for n hours — which gemeenten and
 * processes?". For every gemeente linked to the viewer (organisation_links.target_id = viewer) that has a
 * supplier with this registration number: the processes that transitively depend on it, with status.
 *
 * Isolation: this runs in a READ ONLY system transaction (the viewer's tenant transaction cannot see the
 * gemeenten's rows, and one tenant transaction per gemeente would cost hundreds of round trips). The set
 * of gemeenten is computed first from organisation_links; every later query gets exactly those
 * organisation ids as an explicit filter (suppliersByRegistration: organisation_id in the set; the
 * processes: of those gemeenten only, each looked up in its own gemeente's reach). Nothing else
 * leaves the gemeenten: names of processes and their RTO/MTD, which a CSIRT needs to act.
 *
 * Queries: linked gemeenten (1), suppliers (1), and the affected processes with their depth (1, all
 * gemeenten at once: the processes joined with the maintained reach of the suppliers, table
 * dependency_reach of migration 0017). Nationally (342 gemeenten, ~24,000 processes) it takes ~0.1 s.
 */
export async function cascadeAcross(tx: Tx, viewer: OrgContext, q: { registrationNumber: string; outageHours: number; gemeente?: string; processesPerGemeente?: number }) {
  const all = await linkedGemeenten(tx, viewer);
  const linked = q.gemeente ? all.filter((g) => g.slug === q.gemeente) : all;
  const perGemeente = q.gemeente ? Infinity : (q.processesPerGemeente ?? ACROSS_PROCESSES_DEFAULT);
  const base = { registrationNumber: q.registrationNumber, outageHours: q.outageHours, linkedGemeenten: all.length };
  const found = await suppliersByRegistration(
    tx,
    linked.map((g) => g.id),
    q.registrationNumber,
  );
  if (found.length === 0) return { ...base, items: [] };

  // One statement: the processes of the gemeenten that have the supplier (the assets module's query; a
  // partial index on processes answers it), and everything that depends on the found suppliers (the
  // maintained reach, dependency_reach of migration 0017: one index range per supplier), joined by hash
  // at the shortest depth. Both sides are materialised: the planner cannot estimate how much a supplier
  // reaches and would otherwise look up every reached node one by one. One row per gemeente with its
  // processes as JSON: parsing ~25,000 rows costs several times more.
  // no JIT (compiling costs more than this statement), and room to hash ~100,000 reached nodes in memory
  await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
  const pairs = sql`unnest(${uuidArray(found.map((f) => f.organisationId))}::uuid[], ${uuidArray(found.map((f) => f.id))}::uuid[]) as s(org, id)`;
  // Per gemeente the counts per status and the worst processes only (a national outage hits ~25,000 of
  // them; sending them all cost more than finding them). The status in SQL is processStatus() of
  // cascade.ts, as a rank (STATUS_RANK); the worst are taken by (status, criticality, depth) with every
  // tie at the boundary, and ordered exactly (Dutch name order) and cut below.
  const limit = Number.isFinite(perGemeente) ? perGemeente : 2_147_483_647;
  const hours = q.outageHours;
  const rows = rowsOf<{ org: string; packed: string; mtd: number; rto: number; unknown: number; within: number }>(
    await tx.execute(sql`
      with p as materialized (${processNodesQuery([...new Set(found.map((f) => f.organisationId))])}),
           r as materialized (
             select r.organisation_id, r.node_id, r.depth from ${pairs}
             join dependency_reach r on r.organisation_id = s.org and r.source_id = s.id),
           x as (
             select p.organisation_id as org, p.id, p.name, p.criticality, p.rto_hours, p.mtd_hours, min(r.depth) as depth,
                    case when p.mtd_hours is not null and ${hours}::float8 > p.mtd_hours then 0
                         when p.rto_hours is not null and ${hours}::float8 > p.rto_hours then 1
                         when p.rto_hours is not null then 3 else 2 end as status,
                    case p.criticality when 'vitaal' then 0 when 'hoog' then 1 when 'midden' then 2 when 'laag' then 3 else 9 end as crit
             from p join r on r.node_id = p.id
             group by p.organisation_id, p.id, p.name, p.criticality, p.rto_hours, p.mtd_hours),
           y as (select x.*, rank() over (partition by x.org order by x.status, x.crit, x.depth) as rk from x)
      select y.org,
             count(*) filter (where y.status = 0)::int as mtd, count(*) filter (where y.status = 1)::int as rto,
             count(*) filter (where y.status = 2)::int as unknown, count(*) filter (where y.status = 3)::int as within,
             coalesce(json_agg(json_build_array(y.id, y.name, y.criticality, y.rto_hours, y.mtd_hours, y.depth)) filter (where y.rk <= ${limit}), '[]')::text as packed
      from y group by y.org`),
  );
  const byOrg = new Map<string, { worst: { node: GraphNode; depth: number }[]; counts: Record<ProcessStatus, number> }>();
  for (const { org, packed, mtd, rto, unknown, within } of rows) {
    byOrg.set(org, {
      worst: (JSON.parse(packed) as [string, string, string | null, number | null, number | null, number][]).map(([id, name, criticality, rto, mtd, depth]) => ({
        node: { id, type: 'asset' as const, kind: 'proces', name, criticality, rtoHours: rto == null ? null : Number(rto), mtdHours: mtd == null ? null : Number(mtd), registrationNumber: null, highRisk: false },
        depth,
      })),
      counts: { mtd_overschreden: Number(mtd), rto_overschreden: Number(rto), onbekend: Number(unknown), binnen_rto: Number(within) },
    });
  }
  const suppliersOf = new Map<string, { id: string; name: string }[]>();
  for (const f of found) suppliersOf.set(f.organisationId, [...(suppliersOf.get(f.organisationId) ?? []), { id: f.id, name: f.name }]);
  const items = [];
  for (const g of linked) {
    const suppliers = suppliersOf.get(g.id);
    if (!suppliers) continue;
    const hit = byOrg.get(g.id);
    const statusCounts = hit?.counts ?? (Object.fromEntries(PROCESS_STATUSES.map((s) => [s, 0])) as Record<ProcessStatus, number>);
    const total = PROCESS_STATUSES.reduce((n, s) => n + statusCounts[s], 0);
    items.push({
      organisation: { slug: g.slug, name: g.name },
      suppliers,
      affectedProcesses: total,
      worstStatus: PROCESS_STATUSES.find((s) => statusCounts[s] > 0) ?? null,
      statusCounts,
      processes: affectedProcesses(hit?.worst ?? [], q.outageHours).slice(0, perGemeente),
    });
  }
  items.sort(
    (a, b) =>
      (a.worstStatus ? STATUS_RANK[a.worstStatus] : 9) - (b.worstStatus ? STATUS_RANK[b.worstStatus] : 9) ||
      b.affectedProcesses - a.affectedProcesses ||
      byDutchName(a.organisation.name, b.organisation.name),
  );
  return { ...base, items };
}
