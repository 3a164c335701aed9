import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { dependencies } from '../../core/db/schema.js';
import { badRequest, conflict, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import type { NodeType } from './dependants.js';
import { findNode, labelNodes, nodeDto, type NodeRef } from './graph-nodes.js';

type Row = typeof dependencies.$inferSelect;
/** the sort key in the cursor's precision (JSON timestamps carry milliseconds, PostgreSQL microseconds) */
const createdMs = sql`date_trunc('milliseconds', ${dependencies.createdAt})`;

export interface NewDependency {
  from: NodeRef;
  to: NodeRef;
  kind: string;
  note: string;
}

async function present(ctx: OrgCtx, rows: Row[]) {
  const labels = await labelNodes(
    ctx.tx,
    ctx.org.id,
    rows.flatMap((r) => [
      { type: r.fromType as NodeType, id: r.fromId },
      { type: r.toType as NodeType, id: r.toId },
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    from: nodeDto({ type: r.fromType as NodeType, id: r.fromId }, labels.get(r.fromId)),
    to: nodeDto({ type: r.toType as NodeType, id: r.toId }, labels.get(r.toId)),
    kind: r.kind as any,
    note: r.note,
    createdAt: iso(r.createdAt)!,
  }));
}

/** Edges of the organisation (or those to and from one node), oldest first, with the labels of both ends. */
export async function listDependencies(ctx: OrgCtx, q: { node?: string; limit: number; cursor?: string }) {
  const { tx, org } = ctx;
  if (q.node && !(await findNode(tx, org.id, q.node))) throw notFound('Dit knooppunt bestaat niet in deze organisatie.');
  const where: SQL[] = [eq(dependencies.organisationId, org.id)];
  if (q.node) where.push(or(eq(dependencies.fromId, q.node), eq(dependencies.toId, q.node))!);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, [CURSOR_PART.timestamp, CURSOR_PART.uuid]);
    where.push(sql`(${createdMs}, ${dependencies.id}) > (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await tx
    .select()
    .from(dependencies)
    .where(and(...where))
    .orderBy(asc(createdMs), asc(dependencies.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: await present(ctx, page), nextCursor: rows.length > q.limit && last ? encodeCursor([iso(last.createdAt)!, last.id]) : null };
}

/** Links two nodes of the organisation: "from depends on to". Both ends must exist here; no self-links, no duplicates. */
export async function createDependency(ctx: OrgCtx, input: NewDependency) {
  const { tx, org, audit } = ctx;
  if (input.from.id === input.to.id)
    throw badRequest('Een knooppunt kan niet van zichzelf afhankelijk zijn.', [{ path: 'body.to.id', message: 'gelijk aan body.from.id' }]);
  const labels = await labelNodes(tx, org.id, [input.from, input.to]);
  for (const end of ['from', 'to'] as const) {
    const label = labels.get(input[end].id);
    if (!label || label.type !== input[end].type)
      throw badRequest(`Het knooppunt bij '${end}' bestaat niet in deze organisatie (als ${input[end].type}).`, [{ path: `body.${end}.id`, message: 'onbekend' }]);
  }
  const [row] = await tx
    .insert(dependencies)
    .values({
      organisationId: org.id,
      fromType: input.from.type,
      fromId: input.from.id,
      toType: input.to.type,
      toId: input.to.id,
      kind: input.kind,
      note: input.note,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict('Deze afhankelijkheid (zelfde van, naar en soort) bestaat al.');
  audit.record({ organisationId: org.id, entityType: 'dependency', entityId: row.id, action: 'create', after: auditView(row) });
  return (await present(ctx, [row]))[0];
}

export async function deleteDependency(ctx: OrgCtx, id: string) {
  const { tx, org, audit } = ctx;
  const [row] = await tx
    .delete(dependencies)
    .where(and(eq(dependencies.organisationId, org.id), eq(dependencies.id, id)))
    .returning();
  if (!row) throw notFound();
  audit.record({ organisationId: org.id, entityType: 'dependency', entityId: row.id, action: 'delete', before: auditView(row) });
}

const auditView = (r: Row) => ({ fromType: r.fromType, fromId: r.fromId, toType: r.toType, toId: r.toId, kind: r.kind, note: r.note });
