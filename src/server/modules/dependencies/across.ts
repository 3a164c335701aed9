import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/client.js';
import type { OrgContext } from '../../core/http/pipeline.js';
import { suppliersByRegistration } from '../suppliers/nodes.js';
import { linkedGemeenten } from './linked-gemeenten.js';
import { processNodesQuery } from '../assets/nodes.js';
import { rowsOf, uuidArray } from '../../core/db/rows.js';
import type { GraphNode } from './graph-nodes.js';
import { affectedProcesses, byDutchName, STATUS_RANK, worstStatus } from './cascade.js';

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
export async function cascadeAcross(tx: Tx, viewer: OrgContext, q: { registrationNumber: string; outageHours: number }) {
  const linked = await linkedGemeenten(tx, viewer);
  const base = { registrationNumber: q.registrationNumber, outageHours: q.outageHours, linkedGemeenten: linked.length };
  const found = await suppliersByRegistration(
    tx,
    linked.map((g) => g.id),
    q.registrationNumber,
  );
  if (found.length === 0) return { ...base, items: [] };

  // One statement: the processes of the gemeenten that have the supplier (the assets module's query),
  // each looked up in the maintained reach of that gemeente's found suppliers (dependency_reach, an
  // index-only lookup per process; no walk per request), at its shortest depth from any of them. One row
  // per gemeente with its processes as JSON: parsing ~25,000 rows costs several times more.
  await tx.execute(sql`set local jit = off`);
  const rows = rowsOf<{ org: string; packed: string }>(
    await tx.execute(sql`
      select p.organisation_id as org,
             json_agg(json_build_array(p.id, p.name, p.criticality, p.rto_hours, p.mtd_hours, d.depth))::text as packed
      from (${processNodesQuery([...new Set(found.map((f) => f.organisationId))])}) p
      join (
        select s.org, array_agg(s.id) as ids
        from unnest(${uuidArray(found.map((f) => f.organisationId))}::uuid[], ${uuidArray(found.map((f) => f.id))}::uuid[]) as s(org, id)
        group by s.org
      ) s on s.org = p.organisation_id
      cross join lateral (
        select min(r.depth) as depth from dependency_reach r
        where r.organisation_id = p.organisation_id and r.source_id = any(s.ids) and r.node_id = p.id
      ) d
      where d.depth is not null
      group by p.organisation_id`),
  );
  const byOrg = new Map<string, { node: GraphNode; depth: number }[]>();
  for (const { org, packed } of rows) {
    byOrg.set(org, (JSON.parse(packed) as [string, string, string | null, number | null, number | null, number][]).map(([id, name, criticality, rto, mtd, depth]) => ({
      node: { id, type: 'asset' as const, kind: 'proces', name, criticality, rtoHours: rto == null ? null : Number(rto), mtdHours: mtd == null ? null : Number(mtd), registrationNumber: null, highRisk: false },
      depth,
    })));
  }
  const suppliersOf = new Map<string, { id: string; name: string }[]>();
  for (const f of found) suppliersOf.set(f.organisationId, [...(suppliersOf.get(f.organisationId) ?? []), { id: f.id, name: f.name }]);
  const items = [];
  for (const g of linked) {
    const suppliers = suppliersOf.get(g.id);
    if (!suppliers) continue;
    const affected = affectedProcesses(byOrg.get(g.id) ?? [], q.outageHours);
    items.push({ organisation: { slug: g.slug, name: g.name }, suppliers, affectedProcesses: affected.length, worstStatus: worstStatus(affected), processes: affected });
  }
  items.sort(
    (a, b) =>
      (a.worstStatus ? STATUS_RANK[a.worstStatus] : 9) - (b.worstStatus ? STATUS_RANK[b.worstStatus] : 9) ||
      b.affectedProcesses - a.affectedProcesses ||
      byDutchName(a.organisation.name, b.organisation.name),
  );
  return { ...base, items };
}
