import { and, asc, eq, gt, ilike, or } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { measures } from '../../core/db/schema.js';
import { notFound } from '../../core/http/problem.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { containsPattern } from '../../core/db/rows.js';
import { onMeasuresChanged } from '../risks/mitigation.js';
import { assertOwnerIsMember, loadMeasure, presentMeasures, replaceLinks, resolveLinks, type LinkInput } from './measure-repo.js';

interface MeasureInput {
  title?: string;
  description?: string;
  ownerId?: string | null;
  status?: string;
  requirements?: LinkInput[];
}

const linkLabels = (m: { requirements: { framework: string; ref: string; coverage: string }[] }) =>
  m.requirements.map((r) => `${r.framework} ${r.ref} (${r.coverage})`);

export async function createMeasure(ctx: OrgCtx, input: Required<Pick<MeasureInput, 'title' | 'description' | 'status' | 'requirements'>> & MeasureInput) {
  const { tx, org, audit } = ctx;
  await assertOwnerIsMember(tx, input.ownerId);
  const links = await resolveLinks(tx, input.requirements);
  const [m] = await tx
    .insert(measures)
    .values({ organisationId: org.id, title: input.title, description: input.description, ownerId: input.ownerId ?? null, status: input.status })
    .returning();
  await replaceLinks(tx, org.id, m.id, links);
  const [out] = await presentMeasures(tx, [m]);
  audit.record({
    organisationId: org.id,
    entityType: 'measure',
    entityId: m.id,
    action: 'create',
    after: { title: m.title, description: m.description, ownerId: m.ownerId, status: m.status, requirements: linkLabels(out) },
  });
  return out;
}

export async function updateMeasure(ctx: OrgCtx, id: string, input: MeasureInput) {
  const { tx, org, audit } = ctx;
  const before = await loadMeasure(tx, org.id, id);
  if (!before) throw notFound();
  if (input.ownerId !== undefined) await assertOwnerIsMember(tx, input.ownerId);
  const linksBefore = input.requirements ? linkLabels((await presentMeasures(tx, [before]))[0]) : undefined;
  const { requirements: links, ...fields } = input;
  const [after] = await tx
    .update(measures)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(measures.id, id), eq(measures.organisationId, org.id)))
    .returning();
  if (links) await replaceLinks(tx, org.id, id, await resolveLinks(tx, links));
  if (fields.status !== undefined && fields.status !== before.status) await onMeasuresChanged(tx, org.id, [id], ctx.principal.userId, { audit });
  const [out] = await presentMeasures(tx, [after]);
  const pick = (m: typeof before) => ({ title: m.title, description: m.description, ownerId: m.ownerId, status: m.status });
  audit.record({
    organisationId: org.id,
    entityType: 'measure',
    entityId: id,
    action: 'update',
    before: { ...pick(before), ...(linksBefore ? { requirements: linksBefore } : {}) },
    after: { ...pick(after), ...(links ? { requirements: linkLabels(out) } : {}) },
  });
  return out;
}

export async function deleteMeasure(ctx: OrgCtx, id: string) {
  const { tx, org, audit } = ctx;
  const before = await loadMeasure(tx, org.id, id);
  if (!before) throw notFound();
  await onMeasuresChanged(tx, org.id, [id], ctx.principal.userId, { audit, deleted: true });
  await tx.delete(measures).where(and(eq(measures.id, id), eq(measures.organisationId, org.id)));
  audit.record({ organisationId: org.id, entityType: 'measure', entityId: id, action: 'delete', before: { title: before.title, status: before.status } });
}

export async function getMeasure(ctx: OrgCtx, id: string) {
  const m = await loadMeasure(ctx.tx, ctx.org.id, id);
  if (!m) throw notFound();
  return (await presentMeasures(ctx.tx, [m]))[0];
}

/** Sorted by title, then id; the cursor is the last (title, id) of the previous page. */
export async function listMeasures(ctx: OrgCtx, q: { q?: string; status?: string; owner?: string; limit: number; cursor?: string }) {
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.any, CURSOR_PART.uuid]) : null;
  const rows = await ctx.tx
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, ctx.org.id),
        q.q ? or(ilike(measures.title, containsPattern(q.q)), ilike(measures.description, containsPattern(q.q))) : undefined,
        q.status ? eq(measures.status, q.status) : undefined,
        q.owner ? eq(measures.ownerId, q.owner) : undefined,
        after ? or(gt(measures.title, after[0]), and(eq(measures.title, after[0]), gt(measures.id, after[1]))) : undefined,
      ),
    )
    .orderBy(asc(measures.title), asc(measures.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await presentMeasures(ctx.tx, page),
    nextCursor: rows.length > q.limit ? encodeCursor([last.title, last.id]) : null,
  };
}
