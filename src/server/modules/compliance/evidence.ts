import { and, eq, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { assessmentEvidence, evidence, measureEvidence, measures } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { badRequest, conflict, notFound } from '../../core/http/problem.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import type { AfterCommit, FileStores, StagedContent } from '../../core/storage/index.js';
import { assertOpen, loadYear } from './assessment-years.js';
import { loadEvidence, presentEvidence, selectEvidence, type EvidenceRow } from './evidence-repo.js';
import { SOON_DAYS, type EvidenceStatus } from './evidence-status.js';
import { addDays, localDate } from '../../../shared/dates.js';
import { contentDisposition } from './evidence-files.js';

interface Validity {
  validFrom?: string | null;
  validUntil?: string | null;
}
interface TargetInput {
  measureId?: string;
  year?: number;
  requirementId?: string;
}
interface Targets {
  measure?: { id: string; title: string };
  assessment?: AssessmentRef;
}
interface AssessmentRef {
  yearId: string;
  year: number;
  requirementId: string;
  frameworkId: string;
  ref: string;
}

const present = async (ctx: OrgCtx, row: EvidenceRow) => (await presentEvidence(ctx.tx, [row], localDate()))[0];
const assessmentLabel = (a: AssessmentRef) => `${a.year}:${a.frameworkId}:${a.ref}`;
const noEvidence = () => notFound('Dit bewijs bestaat niet of u heeft er geen toegang toe.');

async function requireEvidence(ctx: OrgCtx, id: string) {
  const row = await loadEvidence(ctx.tx, ctx.org.id, id);
  if (!row) throw noEvidence();
  return row;
}

async function findMeasure(ctx: OrgCtx, id: string) {
  const [m] = await ctx.tx
    .select({ id: measures.id, title: measures.title })
    .from(measures)
    .where(and(eq(measures.id, id), eq(measures.organisationId, ctx.org.id)));
  return m ?? null;
}

async function findAssessment(ctx: OrgCtx, yearId: string, year: number, requirementId: string): Promise<AssessmentRef | null> {
  const [a] = rowsOf<{ frameworkId: string; ref: string }>(
    await ctx.tx.execute(sql`
      select a.framework_id as "frameworkId", r.ref from requirement_assessments a join requirements r on r.id = a.requirement_id
      where a.year_id = ${yearId} and a.organisation_id = ${ctx.org.id} and a.requirement_id = ${requirementId}`),
  );
  return a ? { yearId, year, requirementId, ...a } : null;
}

/** The measure or assessment named in a create body, checked before anything is written. */
async function resolveTargets(ctx: OrgCtx, input: TargetInput): Promise<Targets> {
  const out: Targets = {};
  if (input.measureId) {
    const m = await findMeasure(ctx, input.measureId);
    if (!m) throw badRequest('De maatregel om aan te koppelen bestaat niet.', [{ path: 'body.measureId', message: 'bestaat niet' }]);
    out.measure = m;
  }
  if (input.year !== undefined && input.requirementId) {
    const [y] = rowsOf<{ id: string; signedAt: string | null }>(
      await ctx.tx.execute(sql`select id, signed_at as "signedAt" from assessment_years where organisation_id = ${ctx.org.id} and year = ${input.year}`),
    );
    if (!y) throw badRequest(`Er is geen verantwoordingsjaar ${input.year}.`, [{ path: 'body.year', message: 'bestaat niet' }]);
    const a = await findAssessment(ctx, y.id, input.year, input.requirementId);
    if (!a) throw badRequest('Deze eis hoort niet bij dit verantwoordingsjaar.', [{ path: 'body.requirementId', message: 'niet in dit jaar' }]);
    if (y.signedAt) throw conflict(`Verantwoordingsjaar ${input.year} is ondertekend en daarmee bevroren; koppel bewijs aan een open jaar.`);
    out.assessment = a;
  }
  return out;
}

async function attachToMeasure(ctx: OrgCtx, ev: { id: string; title: string }, m: { id: string; title: string }) {
  const added = await ctx.tx
    .insert(measureEvidence)
    .values({ organisationId: ctx.org.id, measureId: m.id, evidenceId: ev.id })
    .onConflictDoNothing()
    .returning({ id: measureEvidence.evidenceId });
  if (added.length) {
    ctx.audit.record({ organisationId: ctx.org.id, entityType: 'evidence', entityId: ev.id, action: 'link', after: { title: ev.title, measure: { id: m.id, title: m.title } } });
  }
}

async function attachToAssessment(ctx: OrgCtx, ev: { id: string; title: string }, a: AssessmentRef) {
  const added = await ctx.tx
    .insert(assessmentEvidence)
    .values({ organisationId: ctx.org.id, yearId: a.yearId, requirementId: a.requirementId, evidenceId: ev.id })
    .onConflictDoNothing()
    .returning({ id: assessmentEvidence.evidenceId });
  if (added.length) {
    ctx.audit.record({ organisationId: ctx.org.id, entityType: 'evidence', entityId: ev.id, action: 'link', after: { title: ev.title, assessment: assessmentLabel(a) } });
  }
}

async function attach(ctx: OrgCtx, ev: { id: string; title: string }, targets: Targets) {
  if (targets.measure) await attachToMeasure(ctx, ev, targets.measure);
  if (targets.assessment) await attachToAssessment(ctx, ev, targets.assessment);
}

const auditFields = (e: Partial<EvidenceRow>) => ({
  kind: e.kind,
  title: e.title,
  description: e.description,
  url: e.url ?? null,
  fileName: e.fileName ?? null,
  mediaType: e.mediaType ?? null,
  sizeBytes: e.sizeBytes == null ? null : Number(e.sizeBytes),
  sha256: e.sha256 ?? null,
  validFrom: e.validFrom ?? null,
  validUntil: e.validUntil ?? null,
});

export interface FileUpload {
  staged: StagedContent;
  fileName: string;
  mediaType: string;
  fields: { title?: string; description: string } & Validity & TargetInput;
}

/** An uploaded file becomes evidence: content under a new key, the row, the links — one transaction. */
export async function createFileEvidence(ctx: OrgCtx, upload: FileUpload) {
  const { tx, org, principal } = ctx;
  const f = upload.fields;
  const targets = await resolveTargets(ctx, f);
  const storageKey = await upload.staged.store(tx, org.id);
  const [row] = await tx
    .insert(evidence)
    .values({
      organisationId: org.id,
      kind: 'file',
      title: f.title ?? upload.fileName,
      description: f.description,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      sizeBytes: upload.staged.sizeBytes,
      sha256: upload.staged.sha256,
      storageKey,
      validFrom: f.validFrom ?? null,
      validUntil: f.validUntil ?? null,
      createdBy: principal.userId,
    })
    .returning();
  ctx.audit.record({ organisationId: org.id, entityType: 'evidence', entityId: row.id, action: 'create', after: auditFields(row) });
  await attach(ctx, row, targets);
  return present(ctx, (await loadEvidence(tx, org.id, row.id))!);
}

export async function createLinkEvidence(ctx: OrgCtx, input: { title: string; url: string; description: string } & Validity & TargetInput) {
  const { tx, org, principal } = ctx;
  const targets = await resolveTargets(ctx, input);
  const [row] = await tx
    .insert(evidence)
    .values({
      organisationId: org.id,
      kind: 'link',
      title: input.title,
      description: input.description,
      url: input.url,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      createdBy: principal.userId,
    })
    .returning();
  ctx.audit.record({ organisationId: org.id, entityType: 'evidence', entityId: row.id, action: 'create', after: auditFields(row) });
  await attach(ctx, row, targets);
  return present(ctx, (await loadEvidence(tx, org.id, row.id))!);
}

export async function getEvidence(ctx: OrgCtx, id: string) {
  return present(ctx, await requireEvidence(ctx, id));
}

function statusWhere(status: EvidenceStatus | undefined, today: string) {
  const soon = addDays(today, SOON_DAYS);
  switch (status) {
    case 'verlopen':
      return sql`e.valid_until < ${today}`;
    case 'verloopt_binnenkort':
      return sql`e.valid_until >= ${today} and e.valid_until <= ${soon}`;
    case 'geldig':
      return sql`e.valid_until > ${soon}`;
    case 'onbepaald':
      return sql`e.valid_until is null`;
    default:
      return sql`true`;
  }
}

/** Newest first; the cursor is the (created_at, id) of the last item. */
export async function listEvidence(ctx: OrgCtx, q: { q?: string; status?: EvidenceStatus; limit: number; cursor?: string }) {
  const today = localDate();
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.timestamp, CURSOR_PART.uuid]) : null;
  const like = q.q ? `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await selectEvidence(
    ctx.tx,
    sql`e.organisation_id = ${ctx.org.id} and ${statusWhere(q.status, today)}
        and (${like}::text is null or lower(e.title) like ${like} or lower(e.description) like ${like}
             or lower(coalesce(e.file_name, '')) like ${like} or lower(coalesce(e.url, '')) like ${like})
        and (${after?.[0] ?? null}::timestamptz is null or (e.created_at, e.id) < (${after?.[0] ?? null}::timestamptz, ${after?.[1] ?? null}::uuid))`,
    sql`order by e.created_at desc, e.id desc limit ${q.limit + 1}`,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await presentEvidence(ctx.tx, page, today),
    nextCursor: rows.length > q.limit ? encodeCursor([last.createdKey, last.id]) : null,
  };
}

export async function updateEvidence(ctx: OrgCtx, id: string, input: { title?: string; description?: string } & Validity) {
  const { tx, org } = ctx;
  const before = await requireEvidence(ctx, id);
  const validFrom = input.validFrom !== undefined ? input.validFrom : before.validFrom;
  const validUntil = input.validUntil !== undefined ? input.validUntil : before.validUntil;
  if (validFrom && validUntil && validFrom > validUntil) {
    throw badRequest('De einddatum ligt vóór de begindatum.', [{ path: input.validUntil !== undefined ? 'body.validUntil' : 'body.validFrom', message: 'einddatum vóór begindatum' }]);
  }
  const set: Partial<typeof evidence.$inferInsert> = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.description !== undefined) set.description = input.description;
  if (input.validFrom !== undefined) set.validFrom = input.validFrom;
  if (input.validUntil !== undefined && input.validUntil !== before.validUntil) {
    set.validUntil = input.validUntil;
    set.reminded = null; // a new end date starts the reminders afresh
  }
  if (!Object.keys(set).length) return present(ctx, before);
  await tx.update(evidence).set(set).where(and(eq(evidence.id, id), eq(evidence.organisationId, org.id)));
  const after = (await loadEvidence(tx, org.id, id))!;
  const pick = (e: EvidenceRow) => ({ title: e.title, description: e.description, validFrom: e.validFrom, validUntil: e.validUntil });
  ctx.audit.record({ organisationId: org.id, entityType: 'evidence', entityId: id, action: 'update', before: pick(before), after: pick(after) });
  return present(ctx, after);
}

/**
 * Deletes evidence with its links. Evidence on a signed (frozen) year stays: the signed statement
 * refers to it. Returns what must happen after the commit (removing a file from the data folder).
 */
export async function deleteEvidence(ctx: OrgCtx, id: string, stores: FileStores): Promise<AfterCommit> {
  const { tx, org } = ctx;
  const before = await requireEvidence(ctx, id);
  const [frozen] = rowsOf<{ year: number }>(
    await tx.execute(sql`
      select y.year::int as year from assessment_evidence ae join assessment_years y on y.id = ae.year_id
      where ae.evidence_id = ${id} and y.signed_at is not null order by y.year limit 1`),
  );
  if (frozen) throw conflict(`Dit bewijs hoort bij het ondertekende verantwoordingsjaar ${frozen.year} en kan daarom niet worden verwijderd.`);
  await tx.delete(evidence).where(and(eq(evidence.id, id), eq(evidence.organisationId, org.id)));
  const after = before.storageKey ? await stores.holding(before.storageKey).remove(tx, org.id, before.storageKey) : async () => {};
  ctx.audit.record({ organisationId: org.id, entityType: 'evidence', entityId: id, action: 'delete', before: auditFields(before) });
  return after;
}

/** The file of file evidence, with the headers to send it as a download. */
export async function readEvidenceContent(ctx: OrgCtx, id: string, stores: FileStores) {
  const row = await requireEvidence(ctx, id);
  if (row.kind !== 'file' || !row.storageKey) throw notFound('Dit bewijs is een verwijzing en heeft geen bestand.');
  const content = await stores.holding(row.storageKey).read(ctx.tx, ctx.org.id, row.storageKey);
  if (!content) throw new Error(`evidence ${row.id}: content ${row.storageKey} is missing from the file storage`);
  const sha = Buffer.from(row.sha256 ?? '', 'hex').toString('base64');
  return {
    content,
    headers: {
      'content-type': row.mediaType ?? 'application/octet-stream',
      'content-disposition': contentDisposition(row.fileName ?? 'bestand'),
      ...(row.sizeBytes != null ? { 'content-length': String(row.sizeBytes) } : {}),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      ...(row.sha256 ? { 'repr-digest': `sha-256=:${sha}:` } : {}),
    },
  };
}

/* Links between evidence and measures or assessments (PUT links, DELETE unlinks). */

async function requireMeasure(ctx: OrgCtx, id: string) {
  const m = await findMeasure(ctx, id);
  if (!m) throw notFound('Deze maatregel bestaat niet of u heeft er geen toegang toe.');
  return m;
}

export async function linkMeasure(ctx: OrgCtx, measureId: string, evidenceId: string) {
  const m = await requireMeasure(ctx, measureId);
  const ev = await requireEvidence(ctx, evidenceId);
  await attachToMeasure(ctx, ev, m);
}

export async function unlinkMeasure(ctx: OrgCtx, measureId: string, evidenceId: string) {
  const m = await requireMeasure(ctx, measureId);
  const ev = await requireEvidence(ctx, evidenceId);
  const gone = await ctx.tx
    .delete(measureEvidence)
    .where(and(eq(measureEvidence.measureId, m.id), eq(measureEvidence.evidenceId, ev.id), eq(measureEvidence.organisationId, ctx.org.id)))
    .returning({ id: measureEvidence.evidenceId });
  if (!gone.length) throw notFound('Dit bewijs is niet aan deze maatregel gekoppeld.');
  ctx.audit.record({ organisationId: ctx.org.id, entityType: 'evidence', entityId: ev.id, action: 'unlink', before: { title: ev.title, measure: { id: m.id, title: m.title } } });
}

async function requireAssessment(ctx: OrgCtx, year: number, requirementId: string, evidenceId?: string) {
  const y = await loadYear(ctx.tx, ctx.org.id, year);
  const ev = evidenceId ? await requireEvidence(ctx, evidenceId) : null;
  const a = await findAssessment(ctx, y.id, year, requirementId);
  if (!a) throw notFound('Deze eis hoort niet bij dit verantwoordingsjaar.');
  return { y, a, ev };
}

export async function linkAssessment(ctx: OrgCtx, year: number, requirementId: string, evidenceId: string) {
  const { y, a, ev } = await requireAssessment(ctx, year, requirementId, evidenceId);
  assertOpen(y);
  await attachToAssessment(ctx, ev!, a);
}

export async function unlinkAssessment(ctx: OrgCtx, year: number, requirementId: string, evidenceId: string) {
  const { y, a, ev } = await requireAssessment(ctx, year, requirementId, evidenceId);
  assertOpen(y);
  const gone = await ctx.tx
    .delete(assessmentEvidence)
    .where(and(eq(assessmentEvidence.yearId, y.id), eq(assessmentEvidence.requirementId, requirementId), eq(assessmentEvidence.evidenceId, ev!.id), eq(assessmentEvidence.organisationId, ctx.org.id)))
    .returning({ id: assessmentEvidence.evidenceId });
  if (!gone.length) throw notFound('Dit bewijs is niet aan deze beoordeling gekoppeld.');
  ctx.audit.record({ organisationId: ctx.org.id, entityType: 'evidence', entityId: ev!.id, action: 'unlink', before: { title: ev!.title, assessment: assessmentLabel(a) } });
}

export async function evidenceOfMeasure(ctx: OrgCtx, measureId: string) {
  const m = await requireMeasure(ctx, measureId);
  const rows = await selectEvidence(
    ctx.tx,
    sql`e.organisation_id = ${ctx.org.id} and e.id in (select evidence_id from measure_evidence where measure_id = ${m.id})`,
    sql`order by e.created_at desc, e.id desc`,
  );
  return { items: await presentEvidence(ctx.tx, rows, localDate()) };
}

export async function evidenceOfAssessment(ctx: OrgCtx, year: number, requirementId: string) {
  const { y, a } = await requireAssessment(ctx, year, requirementId);
  const rows = await selectEvidence(
    ctx.tx,
    sql`e.organisation_id = ${ctx.org.id} and e.id in (select evidence_id from assessment_evidence where year_id = ${y.id} and requirement_id = ${a.requirementId})`,
    sql`order by e.created_at desc, e.id desc`,
  );
  return { items: await presentEvidence(ctx.tx, rows, localDate()) };
}
