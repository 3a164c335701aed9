import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { AuditLog } from '../../core/audit/audit.js';
import { dependencies } from '../../core/db/schema.js';
import { uuidArray } from '../../core/db/rows.js';
import type { NodeType } from './dependants.js';

/*
 * Bulk reads and writes of edges for the asset import (the "Afhankelijkheden" sheet): a constant number
 * of statements however many edges. The dependencies module owns the table and audits its own writes.
 */

export interface Edge {
  id: string;
  fromType: NodeType;
  fromId: string;
  toType: NodeType;
  toId: string;
  kind: string;
  note: string;
}

export type NewEdge = Omit<Edge, 'id'>;

/** Every edge of the organisation with an asset at either end, oldest first (one query). */
export async function assetEdges(tx: Executor, organisationId: string): Promise<Edge[]> {
  const rows = await tx
    .select({
      id: dependencies.id,
      fromType: dependencies.fromType,
      fromId: dependencies.fromId,
      toType: dependencies.toType,
      toId: dependencies.toId,
      kind: dependencies.kind,
      note: dependencies.note,
    })
    .from(dependencies)
    .where(and(eq(dependencies.organisationId, organisationId), or(eq(dependencies.fromType, 'asset'), eq(dependencies.toType, 'asset'))))
    .orderBy(dependencies.createdAt, dependencies.id);
  return rows.map((r) => ({ ...r, fromType: r.fromType as NodeType, toType: r.toType as NodeType }));
}

const CHUNK = 1000;
/** Pending audit events are written once there are this many (one insert stays under the parameter limit). */
const AUDIT_FLUSH = 2000;
const auditView = (e: NewEdge) => ({ fromType: e.fromType, fromId: e.fromId, toType: e.toType, toId: e.toId, kind: e.kind, note: e.note });

/**
 * Applies a planned set of edge changes in the caller's transaction: removals, note updates and additions,
 * each as one statement per thousand edges. The caller has checked that both ends of every added edge are
 * nodes of this organisation and that no edge is a self-link; existing (from, to, kind) edges are skipped.
 * Every change is audited like a manual one, marked `via: <via>` (the events are written in the caller's
 * transaction; a large batch writes them along the way).
 */
export async function applyEdgeChanges(
  tx: Executor,
  organisationId: string,
  audit: AuditLog,
  changes: { add: NewEdge[]; remove: Edge[]; update: { edge: Edge; note: string }[] },
  via: string,
): Promise<{ added: number; removed: number; updated: number }> {
  let removed = 0;
  for (let i = 0; i < changes.remove.length; i += CHUNK) {
    const part = changes.remove.slice(i, i + CHUNK);
    const gone = await tx
      .delete(dependencies)
      .where(and(eq(dependencies.organisationId, organisationId), sql`${dependencies.id} = any(${uuidArray(part.map((e) => e.id))}::uuid[])`))
      .returning({ id: dependencies.id });
    const ids = new Set(gone.map((g) => g.id));
    for (const e of part) if (ids.has(e.id)) audit.record({ organisationId, entityType: 'dependency', entityId: e.id, action: 'delete', before: { ...auditView(e), via } });
    removed += gone.length;
    if (audit.size >= AUDIT_FLUSH) await audit.flush(tx);
  }
  let updated = 0;
  for (let i = 0; i < changes.update.length; i += CHUNK) {
    const part = changes.update.slice(i, i + CHUNK);
    await tx.execute(sql`
      update dependencies d set note = x.note
      from jsonb_to_recordset(${JSON.stringify(part.map((u) => ({ id: u.edge.id, note: u.note })))}::jsonb) as x(id uuid, note text)
      where d.id = x.id and d.organisation_id = ${organisationId}`);
    for (const u of part) {
      audit.record({ organisationId, entityType: 'dependency', entityId: u.edge.id, action: 'update', before: { note: u.edge.note }, after: { note: u.note, via } });
    }
    updated += part.length;
    if (audit.size >= AUDIT_FLUSH) await audit.flush(tx);
  }
  let added = 0;
  for (let i = 0; i < changes.add.length; i += CHUNK) {
    const part = changes.add.slice(i, i + CHUNK);
    const rows = await tx
      .insert(dependencies)
      .values(part.map((e) => ({ organisationId, ...e })))
      .onConflictDoNothing()
      .returning();
    for (const r of rows) {
      audit.record({ organisationId, entityType: 'dependency', entityId: r.id, action: 'create', after: { ...auditView({ ...r, fromType: r.fromType as NodeType, toType: r.toType as NodeType }), via } });
    }
    added += rows.length;
    if (audit.size >= AUDIT_FLUSH) await audit.flush(tx);
  }
  return { added, removed, updated };
}
