import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { rowsOf } from '../../core/db/rows.js';
import { notFound } from '../../core/http/problem.js';
import { findNode, labelNodes, nodeDto, type GraphNode } from './graph-nodes.js';
import { uuidArray } from '../../core/db/rows.js';
import { reachDependants } from './traverse.js';
import type { PROCESS_STATUSES } from './schemas.js';

export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

/** Worst first: past the maximum tolerable downtime, past the RTO, unknown (no RTO), within the RTO. */
export const STATUS_RANK: Record<ProcessStatus, number> = { mtd_overschreden: 0, rto_overschreden: 1, onbekend: 2, binnen_rto: 3 };
const CRITICALITY_RANK: Record<string, number> = { vitaal: 0, hoog: 1, midden: 2, laag: 3 };
export const CRITICAL = new Set(['hoog', 'vitaal']);
/** Dutch name order; one collator (localeCompare with a locale builds one per call, which shows at 20,000 processes). */
export const byDutchName = new Intl.Collator('nl').compare;

/**
 * A process's state for an outage of `outageHours`: past its MTD, else past its RTO, else within its
 * RTO; 'onbekend' when it has no RTO (and the outage does not pass a known MTD). Equal to the limit is
 * still within it.
 */
export function processStatus(outageHours: number, rtoHours: number | null, mtdHours: number | null): ProcessStatus {
  if (mtdHours != null && outageHours > mtdHours) return 'mtd_overschreden';
  if (rtoHours != null && outageHours > rtoHours) return 'rto_overschreden';
  if (rtoHours != null) return 'binnen_rto';
  return 'onbekend';
}

export interface AffectedProcess {
  id: string;
  name: string;
  criticality: string | null;
  rtoHours: number | null;
  mtdHours: number | null;
  depth: number;
  status: ProcessStatus;
}

/** The processes among labelled nodes, with their status, worst first (then criticality, depth, name). */
export function affectedProcesses(nodes: readonly { node: GraphNode; depth: number }[], outageHours: number): AffectedProcess[] {
  // one numeric key per process (status, criticality, depth ≤ MAX_DEPTH < 100), names only on ties: the
  // CSIRT view sorts tens of thousands of processes
  const keyed: { key: number; p: AffectedProcess }[] = [];
  for (const { node, depth } of nodes) {
    if (node.type !== 'asset' || node.kind !== 'proces') continue;
    const status = processStatus(outageHours, node.rtoHours, node.mtdHours);
    const p: AffectedProcess = { id: node.id, name: node.name, criticality: node.criticality, rtoHours: node.rtoHours, mtdHours: node.mtdHours, depth, status };
    keyed.push({ key: STATUS_RANK[status] * 1000 + (CRITICALITY_RANK[node.criticality ?? ''] ?? 9) * 100 + depth, p });
  }
  keyed.sort((a, b) => a.key - b.key || byDutchName(a.p.name, b.p.name));
  return keyed.map((k) => k.p);
}

export function worstStatus(processes: AffectedProcess[]): ProcessStatus | null {
  return processes.reduce<ProcessStatus | null>((w, p) => (w == null || STATUS_RANK[p.status] < STATUS_RANK[w] ? p.status : w), null);
}

/**
 * "Node X fails for n hours": every node that (transitively) depends on it, once, at its shortest depth
 * with one shortest path; the affected processes against their RTO/MTD; and the affected subgraph.
 * Queries: the start node (≤ 3 label look-ups), the traversal (one recursive CTE), the subgraph's edges,
 * and the labels (≤ 3, batched by node type).
 */
export async function cascade(ctx: OrgCtx, q: { node: string; outageHours: number }) {
  const { tx, org } = ctx;
  const start = await findStart(ctx, q.node);
  const { rows, truncated } = await reachDependants(tx, sql`select ${start.id}::uuid, ${org.id}::uuid, array[${start.id}::uuid]`);

  const parent = new Map(rows.map((r) => [r.id, r.parent]));
  const pathOf = (id: string) => {
    const path = [id];
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) path.push(at);
    if (path.at(-1) !== start.id) path.push(start.id);
    return path;
  };

  const labels = await labelNodes(tx, org.id, rows);
  const ids = [start.id, ...rows.map((r) => r.id)];
  const edges = rowsOf<{ id: string; from_id: string; to_id: string; kind: string }>(
    await tx.execute(sql`
      select id, from_id, to_id, kind from dependencies
      where organisation_id = ${org.id} and from_id = any(${uuidArray(ids)}::uuid[]) and to_id = any(${uuidArray(ids)}::uuid[])
      order by created_at, id`),
  );

  const affected = rows
    .map((r) => ({ ...nodeDto(r, labels.get(r.id)), depth: r.depth, path: pathOf(r.id) }))
    .sort((a, b) => a.depth - b.depth || byDutchName(a.name ?? '', b.name ?? '') || a.id.localeCompare(b.id));
  const labelled = [{ node: start, depth: 0 }, ...rows.flatMap((r) => (labels.has(r.id) ? [{ node: labels.get(r.id)!, depth: r.depth }] : []))];

  return {
    node: nodeDto(start, start),
    outageHours: q.outageHours,
    affected,
    processes: affectedProcesses(labelled, q.outageHours),
    graph: {
      nodes: [{ ...nodeDto(start, start), depth: 0 }, ...affected.map(({ path: _path, ...n }) => n)],
      edges: edges.map((e) => ({ id: e.id, from: e.from_id, to: e.to_id, kind: e.kind as any })),
    },
    truncated: truncated.size > 0,
  };
}

async function findStart(ctx: OrgCtx, id: string): Promise<GraphNode> {
  const node = await findNode(ctx.tx, ctx.org.id, id);
  if (!node) throw notFound('Dit knooppunt bestaat niet in deze organisatie.');
  return node;
}
