import { and, asc, eq, or } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { dependencies } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/client.js';
import { HttpProblem } from '../../core/http/problem.js';
import { labelNodes } from './graph-nodes.js';

/**
 * What the dependencies module offers the modules that own nodes (assets, suppliers, joint arrangements).
 * Those modules never touch the dependencies table themselves.
 */

export type NodeType = 'asset' | 'supplier' | 'joint_arrangement';

export interface Dependant {
  /** the edge id */
  id: string;
  /** the node that depends on the given node */
  fromType: NodeType;
  fromId: string;
  kind: string;
}

/** Edges pointing TO the node: the nodes that depend on it ("from depends on to"). */
export async function dependantsOf(tx: Executor, organisationId: string, nodeId: string): Promise<Dependant[]> {
  const rows = await tx
    .select({ id: dependencies.id, fromType: dependencies.fromType, fromId: dependencies.fromId, kind: dependencies.kind })
    .from(dependencies)
    .where(and(eq(dependencies.organisationId, organisationId), eq(dependencies.toId, nodeId)))
    .orderBy(asc(dependencies.createdAt), asc(dependencies.id));
  return rows.map((r) => ({ ...r, fromType: r.fromType as NodeType }));
}

/**
 * Removes every edge to or from the node (used when a node is deleted together with its links,
 * `?force=true`). Returns the number of edges removed. The caller audits the deletion.
 */
export async function removeEdgesOf(tx: Executor, organisationId: string, nodeId: string): Promise<number> {
  const removed = await tx
    .delete(dependencies)
    .where(and(eq(dependencies.organisationId, organisationId), or(eq(dependencies.fromId, nodeId), eq(dependencies.toId, nodeId))))
    .returning({ id: dependencies.id });
  return removed.length;
}

export interface NamedDependant {
  type: string;
  id: string;
  name: string;
  kind: string;
}

/** The nodes that depend on this one, with their names (for the 409 on delete). */
export async function describeDependants(tx: Tx, organisationId: string, nodeId: string): Promise<NamedDependant[]> {
  const edges = await dependantsOf(tx, organisationId, nodeId);
  if (edges.length === 0) return [];
  const labels = await labelNodes(tx, organisationId, edges.map((e) => ({ type: e.fromType, id: e.fromId })));
  return edges.map((e) => ({ type: e.fromType, id: e.fromId, name: labels.get(e.fromId)?.name ?? '(onbekend)', kind: e.kind }));
}

/** The 409 when a node with dependants is deleted without ?force=true; the problem carries the list. */
export function dependantsConflict(what: string, dependants: NamedDependant[]): HttpProblem {
  const count = dependants.length === 1 ? 'er hangt nog één onderdeel' : `er hangen nog ${dependants.length} onderdelen`;
  return new HttpProblem(
    409,
    'Conflict',
    `${what} kan niet worden verwijderd: ${count} van af. Verwijder die koppelingen eerst, of verwijder met ?force=true ook alle koppelingen.`,
    undefined,
    undefined,
    { dependants },
  );
}
