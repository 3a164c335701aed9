import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { supplierRequirementAnswers, users } from '../../core/db/schema.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import {
  findProcurementSet,
  listProcurementSets,
  procurementRequirements,
  requirementOwners,
  type ProcurementSet,
} from '../compliance/procurement-library.js';
import { requireSupplier, touchSupplier } from './repo.js';
import { PROCUREMENT_ANSWERS } from './procurement-schemas.js';
import { emptySummary } from './procurement-summary.js';

/*
 * Harmonised procurement requirements per supplier. A set is a framework of kind 'procurement' in the
 * library (read through the compliance module's procurement-library); a supplier's answers are rows of
 * supplier_requirement_answers in the organisation (RLS). Chapters get no answer.
 */

export type ProcurementAnswer = (typeof PROCUREMENT_ANSWERS)[number];

export interface AnswerInput {
  requirementId: string;
  answer: ProcurementAnswer | null;
  note?: string;
  source?: string;
}

type AnswerRow = typeof supplierRequirementAnswers.$inferSelect;

export async function listSets(ctx: OrgCtx) {
  return { items: await listProcurementSets(ctx.tx) };
}

async function requireSet(tx: Executor, setId: string): Promise<ProcurementSet> {
  const set = await findProcurementSet(tx, setId);
  if (!set) throw notFound(`Er is geen set inkoopeisen "${setId}". De sets staan onder /procurement-sets.`);
  return set;
}

async function answersOf(tx: Executor, organisationId: string, supplierId: string, requirementIds: string[]): Promise<AnswerRow[]> {
  if (requirementIds.length === 0) return [];
  return tx
    .select()
    .from(supplierRequirementAnswers)
    .where(
      and(
        eq(supplierRequirementAnswers.organisationId, organisationId),
        eq(supplierRequirementAnswers.supplierId, supplierId),
        inArray(supplierRequirementAnswers.requirementId, requirementIds),
      ),
    );
}

async function present(ctx: OrgCtx, supplierId: string, set: ProcurementSet) {
  const { tx, org } = ctx;
  const reqs = (await procurementRequirements(tx, set.id)).filter((r) => !r.assessable || r.status === 'active');
  const answers = new Map((await answersOf(tx, org.id, supplierId, reqs.filter((r) => r.assessable).map((r) => r.id))).map((a) => [a.requirementId, a]));
  const userIds = [...new Set([...answers.values()].map((a) => a.answeredByUserId).filter((u): u is string => !!u))];
  const names = new Map(userIds.length ? (await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name]) : []);
  const summary = emptySummary();
  const items = reqs.map((r) => {
    const a = r.assessable ? answers.get(r.id) : undefined;
    if (r.assessable) summary[(a?.answer as ProcurementAnswer | undefined) ?? 'unanswered']++;
    return {
      requirementId: r.id,
      ref: r.ref,
      title: r.title,
      description: r.description,
      chapterRef: r.parentRef === null ? null : r.chapterRef,
      answer: (a?.answer as ProcurementAnswer | undefined) ?? null,
      note: a?.note ?? '',
      source: a?.source ?? '',
      answeredAt: a ? iso(a.answeredAt) : null,
      answeredBy: a?.answeredByUserId ? { id: a.answeredByUserId, name: names.get(a.answeredByUserId) ?? '' } : null,
    };
  });
  return { set, summary, items };
}

export async function getSupplierProcurement(ctx: OrgCtx, supplierId: string, setId: string) {
  await requireSupplier(ctx.tx, ctx.org.id, supplierId);
  return present(ctx, supplierId, await requireSet(ctx.tx, setId));
}

/**
 * Answers (up to 500) for one supplier in one set, all or nothing: every requirement must be an active
 * requirement (not a chapter) of this set, each at most once. An omitted note or source stays as it was;
 * answer null removes the answer. Only what changes is written (one statement) and audited.
 */
export async function putAnswers(ctx: OrgCtx, supplierId: string, setId: string, input: AnswerInput[]) {
  const { tx, org, audit, principal } = ctx;
  const supplier = await requireSupplier(tx, org.id, supplierId);
  const set = await requireSet(tx, setId);
  const reqs = await procurementRequirements(tx, set.id);
  const byId = new Map(reqs.map((r) => [r.id, r]));

  const errors: { path: string; message: string }[] = [];
  const seen = new Map<string, number>();
  const foreign = await requirementOwners(
    tx,
    input.map((a) => a.requirementId).filter((id) => !byId.has(id)),
  );
  input.forEach((a, i) => {
    const path = `body.answers.${i}.requirementId`;
    const r = byId.get(a.requirementId);
    if (seen.has(a.requirementId)) errors.push({ path, message: `eis ${r?.ref ?? a.requirementId} staat al in antwoord ${seen.get(a.requirementId)}` });
    seen.set(a.requirementId, i);
    if (!r) {
      const other = foreign.get(a.requirementId);
      errors.push({
        path,
        message: other ? `eis ${other.ref} hoort bij ${other.frameworkId}, niet bij de set ${set.id}` : `er is geen eis met id ${a.requirementId} in de set ${set.id}`,
      });
    } else if (!r.assessable) errors.push({ path, message: `${r.ref} "${r.title}" is een hoofdstuk; beantwoord de eisen eronder` });
    else if (r.status !== 'active') errors.push({ path, message: `eis ${r.ref} is vervallen in deze versie van de set` });
  });
  if (errors.length) throw badRequest(`Niet alle antwoorden horen bij een eis van de set ${set.id}; er is niets opgeslagen.`, errors.slice(0, 100));

  const current = new Map((await answersOf(tx, org.id, supplierId, input.map((a) => a.requirementId))).map((a) => [a.requirementId, a]));
  const upserts: { requirementId: string; answer: string; note: string; source: string }[] = [];
  const removals: string[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const a of input) {
    const ref = byId.get(a.requirementId)!.ref;
    const old = current.get(a.requirementId);
    const view = (x: { answer: string; note: string; source: string } | undefined) => (x ? { answer: x.answer, note: x.note, source: x.source } : null);
    if (a.answer === null) {
      if (!old) continue;
      removals.push(a.requirementId);
      before[ref] = view(old);
      after[ref] = null;
      continue;
    }
    const next = { answer: a.answer, note: a.note ?? old?.note ?? '', source: a.source ?? old?.source ?? '' };
    if (old && old.answer === next.answer && old.note === next.note && old.source === next.source) continue;
    upserts.push({ requirementId: a.requirementId, ...next });
    before[ref] = view(old);
    after[ref] = next;
  }

  if (upserts.length) {
    await tx
      .insert(supplierRequirementAnswers)
      .values(upserts.map((u) => ({ organisationId: org.id, supplierId, ...u, answeredAt: new Date(), answeredByUserId: principal.userId })))
      .onConflictDoUpdate({
        target: [supplierRequirementAnswers.supplierId, supplierRequirementAnswers.requirementId],
        set: {
          answer: sql`excluded.answer`,
          note: sql`excluded.note`,
          source: sql`excluded.source`,
          answeredAt: sql`excluded.answered_at`,
          answeredByUserId: sql`excluded.answered_by_user_id`,
        },
      });
  }
  if (removals.length) {
    await tx
      .delete(supplierRequirementAnswers)
      .where(
        and(
          eq(supplierRequirementAnswers.organisationId, org.id),
          eq(supplierRequirementAnswers.supplierId, supplierId),
          inArray(supplierRequirementAnswers.requirementId, removals),
        ),
      );
  }
  if (upserts.length || removals.length) {
    await touchSupplier(tx, org.id, supplierId);
    audit.record({
      organisationId: org.id,
      entityType: 'supplier_procurement',
      entityId: supplierId,
      action: 'update',
      before: { supplier: supplier.name, set: set.id, answers: before },
      after: { supplier: supplier.name, set: set.id, answers: after },
    });
  }
  return present(ctx, supplierId, set);
}
