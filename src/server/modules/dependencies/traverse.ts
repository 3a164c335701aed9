import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/client.js';
import { rowsOf } from '../../core/db/rows.js';
import type { NodeType } from './dependants.js';

/**
 * How far a cascade is followed. Deeper chains are cut off and reported as truncated. The maintained
 * reach of suppliers (table dependency_reach, migration 0017) uses the same limit in SQL.
 */
export const MAX_DEPTH = 25;

export interface Reached {
  /** which traversal this row belongs to (the start node, a supplier, or an organisation) */
  key: string;
  organisationId: string;
  /** shortest distance from the start set */
  depth: number;
  id: string;
  type: NodeType;
  /** the node it depends on one step closer to the start (one shortest path, deterministic) */
  parent: string;
}

/**
 * Every node that transitively depends on a start set ("from depends on to", followed in reverse), in
 * ONE statement: a breadth-first recursive CTE. Each recursion step is one level for every traversal at
 * once; the lateral subquery takes the edges pointing into the frontier (index dependencies_to_idx:
 * organisation_id, to_id = any(frontier)), drops nodes already visited (the cycle guard: a visited-array,
 * so every node appears once, at its shortest depth, and a cycle ends the walk) and keeps one parent per
 * new node. The walk stops at an empty frontier or after MAX_DEPTH levels; level MAX_DEPTH + 1 is
 * fetched only to tell the caller the cascade was cut off.
 *
 * `starts` is a SELECT of (key uuid, org uuid, ids uuid[]): one traversal per row, each confined to
 * its own organisation's edges (explicit filter, on top of row-level security where it applies).
 */
export async function reachDependants(tx: Tx, starts: SQL): Promise<{ rows: Reached[]; truncated: Set<string> }> {
  const result = rowsOf<{ key: string; org: string; depth: number; id: string; type: string; parent: string }>(
    await tx.execute(sql`
      with recursive starts(key, org, ids) as (${starts}),
      bfs(key, org, depth, frontier, visited, nodes, types, parents) as (
        select key, org, 0, ids, ids, '{}'::uuid[], '{}'::text[], '{}'::uuid[] from starts
        union all
        select b.key, b.org, b.depth + 1, n.nodes, b.visited || n.nodes, n.nodes, n.types, n.parents
        from bfs b
        cross join lateral (
          select array_agg(x.from_id order by x.from_id) as nodes,
                 array_agg(x.from_type order by x.from_id) as types,
                 array_agg(x.to_id order by x.from_id) as parents
          from (
            select distinct on (d.from_id) d.from_id, d.from_type, d.to_id
            from dependencies d
            where d.organisation_id = b.org and d.to_id = any(b.frontier) and d.from_id <> all(b.visited)
            order by d.from_id, d.to_id
          ) x
        ) n
        where n.nodes is not null and b.depth <= ${MAX_DEPTH}
      )
      select b.key, b.org, b.depth, u.id, u.type, u.parent
      from bfs b cross join lateral unnest(b.nodes, b.types, b.parents) as u(id, type, parent)`),
  );
  const rows: Reached[] = [];
  const truncated = new Set<string>();
  for (const r of result) {
    const depth = Number(r.depth);
    if (depth > MAX_DEPTH) truncated.add(r.key);
    else rows.push({ key: r.key, organisationId: r.org, depth, id: r.id, type: r.type as NodeType, parent: r.parent });
  }
  return { rows, truncated };
}

/** Per supplier of the organisation that something depends on: how many nodes depend on it, and which assets. */
export async function supplierDependants(tx: Tx, organisationId: string): Promise<{ supplierId: string; dependants: number; assets: string[] }[]> {
  const rows = rowsOf<{ source_id: string; dependants: number; assets: string[] | string | null }>(
    await tx.execute(sql`
      select r.source_id, count(*)::int as dependants, array_agg(r.node_id) filter (where r.node_type = 'asset') as assets
      from dependency_reach r where r.organisation_id = ${organisationId}
      group by r.source_id`),
  );
  return rows.map((r) => ({ supplierId: r.source_id, dependants: Number(r.dependants), assets: uuids(r.assets) }));
}

/** A uuid[] column: node-postgres parses it to an array; PGlite may hand over the text form. */
function uuids(v: string[] | string | null): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
