import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/client.js';
import type { OrgContext } from '../../core/http/pipeline.js';
import { organisationLinks, organisations } from '../../core/db/schema.js';
import { forbidden } from '../../core/http/problem.js';
import { suppliersByRegistration } from '../suppliers/nodes.js';
import { labelAssets } from './graph-nodes.js';
import { uuidArray } from '../../core/db/rows.js';
import { reachDependants } from './traverse.js';
import { affectedProcesses, STATUS_RANK, worstStatus } from './cascade.js';

/**
 * The CSIRT's (or veiligheidsregio's) view: "this supplier fails for n hours — which gemeenten and
 * processes?". For every gemeente linked to the viewer (organisation_links.target_id = viewer) that has a
 * supplier with this registration number: the processes that transitively depend on it, with status.
 *
 * Isolation: this runs in a READ ONLY system transaction (the viewer's tenant transaction cannot see the
 * gemeenten's rows, and one tenant transaction per gemeente would cost hundreds of round trips). The set
 * of gemeenten is computed first from organisation_links; every later query gets exactly those
 * organisation ids as an explicit filter (suppliersByRegistration: organisation_id in the set; the
 * traversal: each walk confined to its own gemeente's edges; labels: per gemeente id). Nothing else
 * leaves the gemeenten: names of processes and their RTO/MTD, which a CSIRT needs to act.
 *
 * Queries: linked gemeenten (1), suppliers (1), traversal (1, all gemeenten at once), labels of the
 * reached assets (1, over the affected gemeenten).
 */
export async function cascadeAcross(tx: Tx, viewer: OrgContext, q: { registrationNumber: string; outageHours: number }) {
  if (viewer.kind !== 'csirt' && viewer.kind !== 'veiligheidsregio')
    throw forbidden('Dit overzicht is er voor een CSIRT of veiligheidsregio, over de gemeenten die bij haar zijn aangesloten.');
  const linked = await tx
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisationLinks)
    .innerJoin(organisations, eq(organisations.id, organisationLinks.organisationId))
    .where(and(eq(organisationLinks.targetId, viewer.id), eq(organisations.kind, 'gemeente')))
    .orderBy(asc(organisations.name));
  const base = { registrationNumber: q.registrationNumber, outageHours: q.outageHours, linkedGemeenten: linked.length };
  const found = await suppliersByRegistration(
    tx,
    linked.map((g) => g.id),
    q.registrationNumber,
  );
  if (found.length === 0) return { ...base, items: [] };

  const { rows } = await reachDependants(
    tx,
    sql`select s.org, s.org, array_agg(s.id)
        from unnest(${uuidArray(found.map((f) => f.organisationId))}::uuid[], ${uuidArray(found.map((f) => f.id))}::uuid[]) as s(org, id)
        group by s.org`,
  );
  const reachedByOrg = new Map<string, { id: string; depth: number }[]>();
  for (const r of rows) {
    if (r.type !== 'asset') continue;
    const list = reachedByOrg.get(r.organisationId) ?? [];
    list.push({ id: r.id, depth: r.depth });
    reachedByOrg.set(r.organisationId, list);
  }

  // labels of every reached asset in one query over the affected gemeenten; ids are per-gemeente walks
  const labels = await labelAssets(
    tx,
    [...reachedByOrg.keys()],
    [...reachedByOrg.values()].flatMap((list) => list.map((r) => r.id)),
  );
  const items = [];
  for (const g of linked) {
    const suppliers = found.filter((f) => f.organisationId === g.id).map((f) => ({ id: f.id, name: f.name }));
    if (suppliers.length === 0) continue;
    const reached = reachedByOrg.get(g.id) ?? [];
    const processes = affectedProcesses(
      reached.flatMap((r) => (labels.has(r.id) ? [{ node: labels.get(r.id)!, depth: r.depth }] : [])),
      q.outageHours,
    );
    items.push({ organisation: { slug: g.slug, name: g.name }, suppliers, affectedProcesses: processes.length, worstStatus: worstStatus(processes), processes });
  }
  items.sort(
    (a, b) =>
      (a.worstStatus ? STATUS_RANK[a.worstStatus] : 9) - (b.worstStatus ? STATUS_RANK[b.worstStatus] : 9) ||
      b.affectedProcesses - a.affectedProcesses ||
      a.organisation.name.localeCompare(b.organisation.name, 'nl'),
  );
  return { ...base, items };
}
