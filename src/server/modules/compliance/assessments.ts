import { localDate } from '../../../shared/dates.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { orgAllows } from '../../core/http/pipeline.js';
import { requirementAssessments, users } from '../../core/db/schema.js';
import { containsPattern, rowsOf } from '../../core/db/rows.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { A } from './assessment-policies.js';
import { loadYear, loadYearHead, yearProgress } from './assessment-years.js';
import { refreshProgress } from './progress.js';

export interface AssessmentChanges {
  applicable?: boolean;
  notApplicableReason?: string | null;
  result?: string;
  explanation?: string;
  ownerId?: string | null;
  dueDate?: string | null;
  auditorRemarks?: string;
}

const today = () => localDate();

interface Row {
  requirementId: string;
  framework: string;
  ref: string;
  title: string;
  chapter: string | null;
  applicable: boolean;
  notApplicableReason: string | null;
  result: string;
  explanation: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  auditorRemarks: string;
  updatedAt: string | Date;
}

const present = (r: Row) => ({
  requirementId: r.requirementId,
  framework: r.framework,
  ref: r.ref,
  title: r.title,
  chapter: r.chapter,
  applicable: r.applicable,
  notApplicableReason: r.notApplicableReason,
  result: r.result as any,
  explanation: r.explanation,
  owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
  dueDate: r.dueDate,
  overdue: !!r.dueDate && r.dueDate < today() && r.applicable && r.result !== 'voldoet',
  auditorRemarks: r.auditorRemarks,
  updatedAt: iso(r.updatedAt)!,
});

const SELECT = sql`
  select a.requirement_id as "requirementId", a.framework_id as framework, r.ref, r.title, r.chapter_ref as chapter,
         a.applicable, a.not_applicable_reason as "notApplicableReason", a.result, a.explanation,
         a.owner_id as "ownerId", u.name as "ownerName", a.due_date as "dueDate", a.auditor_remarks as "auditorRemarks", a.updated_at as "updatedAt"
  from requirement_assessments a join requirements r on r.id = a.requirement_id left join users u on u.id = a.owner_id`;

/** One page of the assessment table, in framework and requirement order, with the filters of the table. */
export async function listAssessments(
  { tx, org }: OrgCtx,
  year: number,
  q: { framework?: string; chapter?: string; owner?: string; result?: string; overdue?: 'true' | 'false'; applicable?: 'true' | 'false'; q?: string; limit: number; cursor?: string },
) {
  const y = await loadYearHead(tx, org.id, year);
  const like = q.q ? containsPattern(q.q.toLowerCase()) : null;
  const applicable = q.applicable === undefined ? null : q.applicable === 'true';
  const where = sql`a.year_id = ${y.id} and a.organisation_id = ${org.id}
    and (${q.framework ?? null}::text is null or a.framework_id = ${q.framework ?? null})
    and (${q.chapter ?? null}::text is null or r.chapter_ref = ${q.chapter ?? null})
    and (${q.owner ?? null}::uuid is null or a.owner_id = ${q.owner ?? null})
    and (${q.result ?? null}::text is null or a.result = ${q.result ?? null})
    and (${q.overdue === 'true'} = false or (a.due_date < ${today()} and a.applicable and a.result <> 'voldoet'))
    and (${applicable}::boolean is null or a.applicable = ${applicable})
    and (${like}::text is null or lower(r.ref) like ${like} or lower(r.title) like ${like})`;
  const offset = Number(q.cursor ?? 0);
  const rows = rowsOf<Row>(await tx.execute(sql`${SELECT} where ${where} order by a.framework_id, r.position limit ${q.limit + 1} offset ${offset}`));
  const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from requirement_assessments a join requirements r on r.id = a.requirement_id where ${where}`));
  return { items: rows.slice(0, q.limit).map(present), total: n, nextCursor: rows.length > q.limit ? String(offset + q.limit) : null };
}

/** One requirement's assessment in a year (the detail page of the table). */
export async function getAssessment({ tx, org }: OrgCtx, year: number, requirementId: string) {
  const y = await loadYearHead(tx, org.id, year);
  const [row] = rowsOf<Row>(await tx.execute(sql`${SELECT} where a.year_id = ${y.id} and a.requirement_id = ${requirementId}`));
  if (!row) throw notFound('Deze eis hoort niet bij dit verantwoordingsjaar.');
  return present(row);
}

/** Field-level rights: deciding (result, applicability) and auditing are separate from filling in. */
function assertMayChange(ctx: OrgCtx, changes: AssessmentChanges, frozen: boolean, phase: string) {
  const deciding = changes.result !== undefined || changes.applicable !== undefined || changes.notApplicableReason !== undefined;
  const filling = changes.explanation !== undefined || changes.ownerId !== undefined || changes.dueDate !== undefined;
  const auditing = changes.auditorRemarks !== undefined;
  if (deciding && !orgAllows(ctx.org, A['assessments.decide'])) throw forbidden('Alleen de CISO, de privacy officer of een beheerder bepaalt of een eis van toepassing is en of eraan voldaan wordt.');
  if (filling && !orgAllows(ctx.org, A['assessments.edit'])) throw forbidden();
  if (auditing && !orgAllows(ctx.org, A['assessments.audit'])) throw forbidden('Alleen de auditor schrijft auditopmerkingen.');
  if (frozen && (deciding || filling)) throw conflict('Dit verantwoordingsjaar is ondertekend en daarmee bevroren.');
  if (auditing && frozen && phase !== 'audit') throw conflict('Auditopmerkingen horen bij de auditfase.');
  if (changes.applicable === false && !changes.notApplicableReason?.trim()) {
    throw badRequest('Geef een reden waarom deze eis niet van toepassing is.', [{ path: 'body.notApplicableReason', message: 'verplicht bij niet van toepassing' }]);
  }
}

async function applyChanges(ctx: OrgCtx, year: number, requirementIds: string[], changes: AssessmentChanges) {
  const { tx, org, audit, principal } = ctx;
  const y = await loadYear(tx, org.id, year);
  assertMayChange(ctx, changes, !!y.signedAt, y.phase);
  if (changes.ownerId) {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, changes.ownerId));
    if (!u) throw badRequest('De eigenaar is geen lid van deze organisatie.', [{ path: 'body.ownerId', message: 'geen lid' }]);
  }
  const before = rowsOf<Row>(await tx.execute(sql`${SELECT} where a.year_id = ${y.id} and a.requirement_id in ${requirementIds}`));
  if (before.length !== new Set(requirementIds).size) throw notFound('Niet elke eis hoort bij dit verantwoordingsjaar.');
  const set: Record<string, unknown> = { updatedAt: new Date(), updatedBy: principal.userId };
  for (const k of ['applicable', 'notApplicableReason', 'result', 'explanation', 'ownerId', 'dueDate', 'auditorRemarks'] as const) {
    if (changes[k] !== undefined) set[k] = changes[k];
  }
  if (changes.applicable === true) set.notApplicableReason = null;
  await tx
    .update(requirementAssessments)
    .set(set)
    .where(and(eq(requirementAssessments.yearId, y.id), inArray(requirementAssessments.requirementId, requirementIds)));
  const after = rowsOf<Row>(await tx.execute(sql`${SELECT} where a.year_id = ${y.id} and a.requirement_id in ${requirementIds}`));
  if (changes.result !== undefined || changes.applicable !== undefined) await refreshProgress(tx, y, await yearProgress(tx, y.id));
  const fields = (r: Row) => ({ applicable: r.applicable, notApplicableReason: r.notApplicableReason, result: r.result, explanation: r.explanation, ownerId: r.ownerId, dueDate: r.dueDate, auditorRemarks: r.auditorRemarks });
  const byId = new Map(after.map((r) => [r.requirementId, r]));
  for (const b of before) {
    audit.record({ organisationId: org.id, entityType: 'requirement_assessment', entityId: `${year}:${b.framework}:${b.ref}`, action: 'update', before: fields(b), after: fields(byId.get(b.requirementId)!) });
  }
  return after;
}

export async function updateAssessment(ctx: OrgCtx, year: number, requirementId: string, changes: AssessmentChanges) {
  const [row] = await applyChanges(ctx, year, [requirementId], changes);
  return present(row);
}

export async function bulkUpdate(ctx: OrgCtx, year: number, requirementIds: string[], changes: AssessmentChanges) {
  const rows = await applyChanges(ctx, year, [...new Set(requirementIds)], changes);
  return { updated: rows.length };
}

