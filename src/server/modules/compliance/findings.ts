import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import type { Executor } from '../../core/db/client.js';
import { actions, auditFindings, requirementAssessments, requirements, users } from '../../core/db/schema.js';
import { badRequest, conflict, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { createAction } from '../actions/manage-actions.js';
import { loadYear } from './assessment-years.js';

type FindingRow = typeof auditFindings.$inferSelect;

/** Most severe first, then in the order the auditor wrote them down. */
const SEVERITY_ORDER = sql`case ${auditFindings.severity} when 'hoog' then 0 when 'midden' then 1 else 2 end`;

/**
 * An auditor's finding on a year in the audit phase. Each finding becomes a tracked action at once, so
 * nothing the auditor writes down is lost between the audit and next year's cycle.
 */
export async function createFinding(
  ctx: OrgCtx,
  year: number,
  input: { title: string; description: string; severity: string; requirementId?: string | null; ownerId?: string | null; dueDate?: string | null },
) {
  const { tx, org, audit, principal } = ctx;
  const y = await loadYear(tx, org.id, year);
  if (y.phase !== 'audit') throw conflict(`Bevindingen horen bij de auditfase; verantwoordingsjaar ${year} is in fase "${y.phase}".`);
  if (input.requirementId) {
    const [inYear] = await tx
      .select({ id: requirementAssessments.requirementId })
      .from(requirementAssessments)
      .where(and(eq(requirementAssessments.yearId, y.id), eq(requirementAssessments.requirementId, input.requirementId)));
    if (!inYear) throw badRequest('Deze eis hoort niet bij dit verantwoordingsjaar.', [{ path: 'body.requirementId', message: 'niet in dit jaar' }]);
  }
  const [f] = await tx
    .insert(auditFindings)
    .values({
      organisationId: org.id,
      yearId: y.id,
      requirementId: input.requirementId ?? null,
      title: input.title,
      description: input.description,
      severity: input.severity,
      createdBy: principal.userId,
    })
    .returning();
  audit.record({ organisationId: org.id, entityType: 'audit_finding', entityId: f.id, action: 'create', after: { year, title: f.title, severity: f.severity, requirementId: f.requirementId } });
  await createAction(ctx, {
    title: `Bevinding ${year}: ${f.title}`,
    description: f.description,
    ownerId: input.ownerId ?? null,
    dueDate: input.dueDate ?? null,
    sourceType: 'audit_finding',
    sourceId: f.id,
  });
  return (await presentFindings(tx, [f]))[0];
}

export async function updateFinding(ctx: OrgCtx, year: number, id: string, input: { title?: string; description?: string; severity?: string }) {
  const { tx, org, audit } = ctx;
  const y = await loadYear(tx, org.id, year);
  const [before] = await tx.select().from(auditFindings).where(and(eq(auditFindings.id, id), eq(auditFindings.yearId, y.id)));
  if (!before) throw notFound();
  if (y.phase !== 'audit') throw conflict(`De audit van ${year} is afgerond; bevindingen liggen vast.`);
  const [after] = await tx.update(auditFindings).set(input).where(eq(auditFindings.id, id)).returning();
  const pick = (f: FindingRow) => ({ title: f.title, description: f.description, severity: f.severity });
  audit.record({ organisationId: org.id, entityType: 'audit_finding', entityId: id, action: 'update', before: pick(before), after: pick(after) });
  return (await presentFindings(tx, [after]))[0];
}

export async function listFindings(ctx: OrgCtx, year: number) {
  const y = await loadYear(ctx.tx, ctx.org.id, year);
  const rows = await ctx.tx.select().from(auditFindings).where(eq(auditFindings.yearId, y.id)).orderBy(SEVERITY_ORDER, asc(auditFindings.createdAt), asc(auditFindings.id));
  return { items: await presentFindings(ctx.tx, rows) };
}

async function presentFindings(tx: Executor, rows: FindingRow[]) {
  const ids = rows.map((r) => r.id);
  const reqIds = rows.map((r) => r.requirementId).filter((x): x is string => !!x);
  const userIds = rows.map((r) => r.createdBy).filter((x): x is string => !!x);
  const reqs = reqIds.length
    ? await tx.select({ id: requirements.id, frameworkId: requirements.frameworkId, ref: requirements.ref, title: requirements.title }).from(requirements).where(inArray(requirements.id, reqIds))
    : [];
  const creators = userIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [];
  const acts = ids.length
    ? await tx.select({ id: actions.id, sourceId: actions.sourceId, status: actions.status, ownerId: actions.ownerId, dueDate: actions.dueDate }).from(actions).where(inArray(actions.sourceId, ids))
    : [];
  const reqBy = new Map(reqs.map((r) => [r.id, r]));
  const userBy = new Map(creators.map((u) => [u.id, u]));
  const actBy = new Map(acts.map((a) => [a.sourceId, a]));
  return rows.map((f) => {
    const r = f.requirementId ? reqBy.get(f.requirementId) : undefined;
    const a = actBy.get(f.id);
    return {
      id: f.id,
      title: f.title,
      description: f.description,
      severity: f.severity as 'hoog',
      requirement: r ? { id: r.id, frameworkId: r.frameworkId, ref: r.ref, title: r.title } : null,
      createdAt: iso(f.createdAt)!,
      // a creator who left the organisation is no longer visible to it
      createdBy: f.createdBy ? (userBy.get(f.createdBy) ?? null) : null,
      action: a ? { id: a.id, status: a.status as 'open', ownerId: a.ownerId, dueDate: a.dueDate } : null,
    };
  });
}

