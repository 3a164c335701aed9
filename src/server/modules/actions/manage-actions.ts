import { and, asc, eq, gt, inArray, isNotNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { orgAllows } from '../../core/http/pipeline.js';
import { actions, auditFindings, assessmentYears, measures, users } from '../../core/db/schema.js';
import { badRequest, forbidden, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { localDate } from '../../../shared/dates.js';
import { P } from './policies.js';
import { incidentLabels } from '../incidents/repo.js';

type ActionRow = typeof actions.$inferSelect;
const CLOSED = ['afgerond', 'vervallen'];
/** the sort key: open or closed, due date, id */
const ACTION_KEY = /^[01]\d{4}-\d{2}-\d{2}[0-9a-f-]{36}$/;

export interface NewAction {
  title: string;
  description?: string;
  ownerId?: string | null;
  dueDate?: string | null;
  measureId?: string | null;
  sourceType?: 'audit_finding' | 'incident' | 'handmatig';
  sourceId?: string | null;
}

async function assertMember(tx: Executor, userId: string | null | undefined) {
  if (!userId) return;
  // users are visible to the application role only when they are members of the current organisation
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!u) throw badRequest('De eigenaar is geen lid van deze organisatie.', [{ path: 'body.ownerId', message: 'geen lid' }]);
}

async function assertMeasure(tx: Executor, organisationId: string, measureId: string | null | undefined) {
  if (!measureId) return;
  const [m] = await tx.select({ id: measures.id }).from(measures).where(and(eq(measures.id, measureId), eq(measures.organisationId, organisationId)));
  if (!m) throw badRequest('Deze maatregel bestaat niet in deze organisatie.', [{ path: 'body.measureId', message: 'onbekend' }]);
}

/** Creates a tracked action. Exported for other modules (audit findings, lessons learned from incidents). */
export async function createAction(ctx: OrgCtx, input: NewAction) {
  const { tx, org, audit } = ctx;
  await assertMember(tx, input.ownerId);
  await assertMeasure(tx, org.id, input.measureId);
  const [a] = await tx
    .insert(actions)
    .values({
      organisationId: org.id,
      title: input.title,
      description: input.description ?? '',
      ownerId: input.ownerId ?? null,
      dueDate: input.dueDate ?? null,
      measureId: input.measureId ?? null,
      sourceType: input.sourceType ?? 'handmatig',
      sourceId: input.sourceId ?? null,
    })
    .returning();
  audit.record({ organisationId: org.id, entityType: 'action', entityId: a.id, action: 'create', after: pick(a) });
  return (await presentActions(tx, [a]))[0];
}

const pick = (a: ActionRow) => ({ title: a.title, ownerId: a.ownerId, dueDate: a.dueDate, status: a.status, measureId: a.measureId, source: a.sourceType });

export async function updateAction(
  ctx: OrgCtx,
  id: string,
  input: { title?: string; description?: string; ownerId?: string | null; dueDate?: string | null; status?: string; measureId?: string | null },
) {
  const { tx, org, audit, principal } = ctx;
  const before = await loadAction(tx, org.id, id);
  if (!orgAllows(org, P['actions.manage'])) {
    // the owner of an action reports progress on it; assigning and re-planning is for managers
    const ownFields = Object.keys(input).every((k) => k === 'status' || k === 'description');
    if (before.ownerId !== principal.userId || !ownFields) throw forbidden('Alleen de eigenaar van de actie mag de status en toelichting bijwerken.');
  }
  if (input.ownerId !== undefined) await assertMember(tx, input.ownerId);
  if (input.measureId !== undefined) await assertMeasure(tx, org.id, input.measureId);
  const closing = input.status !== undefined && CLOSED.includes(input.status) && !CLOSED.includes(before.status);
  const reopening = input.status !== undefined && !CLOSED.includes(input.status);
  const [after] = await tx
    .update(actions)
    .set({ ...input, updatedAt: new Date(), ...(closing ? { completedAt: new Date() } : reopening ? { completedAt: null } : {}) })
    .where(and(eq(actions.id, id), eq(actions.organisationId, org.id)))
    .returning();
  audit.record({ organisationId: org.id, entityType: 'action', entityId: id, action: 'update', before: pick(before), after: pick(after) });
  return (await presentActions(tx, [after]))[0];
}

async function loadAction(tx: Executor, organisationId: string, id: string) {
  const [a] = await tx.select().from(actions).where(and(eq(actions.id, id), eq(actions.organisationId, organisationId)));
  if (!a) throw notFound();
  return a;
}

export async function getAction(ctx: OrgCtx, id: string) {
  return (await presentActions(ctx.tx, [await loadAction(ctx.tx, ctx.org.id, id)]))[0];
}

/** Open actions first by due date (no date last), then the rest; the cursor is the row position key. */
export async function listActions(
  ctx: OrgCtx,
  q: { status?: string; open?: 'true' | 'false'; owner?: string; overdue?: 'true' | 'false'; source?: string; limit: number; cursor?: string },
) {
  const { tx, org } = ctx;
  const today = localDate();
  const key = sql<string>`(case when ${actions.status} in ('afgerond','vervallen') then '1' else '0' end) || coalesce(${actions.dueDate}, '9999-12-31') || ${actions.id}::text`;
  const after = q.cursor ? decodeCursor(q.cursor, [ACTION_KEY])[0] : null;
  const conditions: (SQL | undefined)[] = [
    eq(actions.organisationId, org.id),
    q.status ? eq(actions.status, q.status) : undefined,
    q.open === 'true' ? notInArray(actions.status, CLOSED) : q.open === 'false' ? inArray(actions.status, CLOSED) : undefined,
    q.owner ? eq(actions.ownerId, q.owner) : undefined,
    q.source ? eq(actions.sourceType, q.source) : undefined,
    q.overdue === 'true' ? and(notInArray(actions.status, CLOSED), isNotNull(actions.dueDate), lt(actions.dueDate, today)) : undefined,
    q.overdue === 'false' ? or(inArray(actions.status, CLOSED), sql`${actions.dueDate} is null`, sql`${actions.dueDate} >= ${today}`) : undefined,
    after ? gt(key, after) : undefined,
  ];
  const rows = await tx
    .select({ row: actions, key })
    .from(actions)
    .where(and(...conditions))
    .orderBy(asc(key))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: await presentActions(tx, page.map((r) => r.row), today),
    nextCursor: rows.length > q.limit ? encodeCursor([page[page.length - 1].key]) : null,
  };
}

/** Rows → DTOs with owner, measure and source labels in three small queries (no N+1). */
export async function presentActions(tx: Executor, rows: ActionRow[], today = localDate()) {
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((x): x is string => !!x))];
  const measureIds = [...new Set(rows.map((r) => r.measureId).filter((x): x is string => !!x))];
  const findingIds = rows.filter((r) => r.sourceType === 'audit_finding' && r.sourceId).map((r) => r.sourceId!);
  const incidentIds = rows.filter((r) => r.sourceType === 'incident' && r.sourceId).map((r) => r.sourceId!);
  const incidentsBy = incidentIds.length ? await incidentLabels(tx, incidentIds) : new Map<string, string>();
  const owners = ownerIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds)) : [];
  const ms = measureIds.length ? await tx.select({ id: measures.id, title: measures.title }).from(measures).where(inArray(measures.id, measureIds)) : [];
  const findings = findingIds.length
    ? await tx
        .select({ id: auditFindings.id, title: auditFindings.title, year: assessmentYears.year })
        .from(auditFindings)
        .innerJoin(assessmentYears, eq(assessmentYears.id, auditFindings.yearId))
        .where(inArray(auditFindings.id, findingIds))
    : [];
  const ownerBy = new Map(owners.map((o) => [o.id, o]));
  const measureBy = new Map(ms.map((m) => [m.id, m]));
  const findingBy = new Map(findings.map((f) => [f.id, f]));
  return rows.map((a) => {
    const finding = a.sourceId ? findingBy.get(a.sourceId) : undefined;
    return {
      id: a.id,
      title: a.title,
      description: a.description,
      owner: a.ownerId ? (ownerBy.get(a.ownerId) ?? null) : null,
      dueDate: a.dueDate,
      status: a.status as 'open',
      source: {
        type: a.sourceType as 'handmatig',
        id: a.sourceId,
        label: finding?.title ?? (a.sourceType === 'incident' && a.sourceId ? (incidentsBy.get(a.sourceId) ?? null) : null),
        year: finding?.year ?? null,
      },
      measure: a.measureId ? (measureBy.get(a.measureId) ?? null) : null,
      overdue: !CLOSED.includes(a.status) && !!a.dueDate && a.dueDate < today,
      completedAt: iso(a.completedAt),
      createdAt: iso(a.createdAt)!,
      updatedAt: iso(a.updatedAt)!,
    };
  });
}



/** The actions that came from one source (e.g. the lessons learned of an incident), oldest first. */
export async function actionsFromSource(tx: Executor, organisationId: string, sourceType: 'audit_finding' | 'incident', sourceId: string) {
  const rows = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.organisationId, organisationId), eq(actions.sourceType, sourceType), eq(actions.sourceId, sourceId)))
    .orderBy(asc(actions.createdAt), asc(actions.id));
  return presentActions(tx, rows);
}
