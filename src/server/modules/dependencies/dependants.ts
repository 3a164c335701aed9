import { and, asc, eq, or } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { dependencies } from '../../core/db/schema.js';

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
