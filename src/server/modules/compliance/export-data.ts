import crypto from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import type { Executor } from '../../core/db/client.js';
import { frameworks } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { canonical } from '../../core/audit/audit.js';
import type { YearRow } from './assessment-years.js';

/** Shared by the exports: labels, framework facts, the answers of a year and the evidence linked to them. */

export const RESULT_LABEL: Record<string, string> = {
  voldoet: 'voldoet',
  voldoet_deels: 'voldoet deels',
  voldoet_niet: 'voldoet niet',
  niet_beoordeeld: 'niet beoordeeld',
};
export const MEASURE_STATUS_LABEL: Record<string, string> = {
  gepland: 'gepland',
  in_uitvoering: 'in uitvoering',
  geimplementeerd: 'geïmplementeerd',
  vervallen: 'vervallen',
};

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
/** A moment as Dutch readers expect it, in Europe/Amsterdam. */
export const formatMoment = (d: Date | string) => dateTime.format(new Date(d));

export interface FrameworkInfo {
  id: string;
  name: string;
  title: string;
  version: string;
}

export async function frameworkInfo(tx: Executor, ids: string[]): Promise<Map<string, FrameworkInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: frameworks.id, name: frameworks.name, title: frameworks.title, version: frameworks.version }).from(frameworks).where(inArray(frameworks.id, ids));
  return new Map(
    rows.map((f) => {
      const t = (f.title ?? {}) as Record<string, string>;
      return [f.id, { id: f.id, name: f.name, version: f.version, title: t.nl ?? t.en ?? Object.values(t)[0] ?? f.name }];
    }),
  );
}

export interface AnswerRow {
  requirementId: string;
  framework: string;
  ref: string;
  title: string;
  chapter: string | null;
  chapterTitle: string | null;
  applicable: boolean;
  notApplicableReason: string | null;
  result: string;
  explanation: string;
  ownerName: string | null;
  /** live rows only (the snapshot keeps the owner's name) */
  ownerId: string | null;
  ownerEmail: string | null;
  dueDate: string | null;
  auditorRemarks: string;
  /** snapshot rows signed with their evidence: what was linked at signing */
  signedEvidence?: { id: string; title: string; sha256: string | null }[];
}

/** The year's assessments as they are now, in framework (scope order) and requirement order. */
export async function liveAnswers({ tx, org }: OrgCtx, y: YearRow): Promise<AnswerRow[]> {
  const rows = rowsOf<AnswerRow>(
    await tx.execute(sql`
      select a.requirement_id as "requirementId", a.framework_id as framework, r.ref, r.title, r.chapter_ref as chapter, c.title as "chapterTitle",
             a.applicable, a.not_applicable_reason as "notApplicableReason", a.result, a.explanation,
             a.owner_id as "ownerId", u.name as "ownerName", u.email as "ownerEmail", a.due_date as "dueDate", a.auditor_remarks as "auditorRemarks"
      from requirement_assessments a
      join requirements r on r.id = a.requirement_id
      left join requirements c on c.framework_id = r.framework_id and c.ref = r.chapter_ref
      left join users u on u.id = a.owner_id
      where a.year_id = ${y.id} and a.organisation_id = ${org.id}
      order by a.framework_id, r.position`),
  );
  const order = new Map(y.frameworkIds.map((f, i) => [f, i]));
  return rows.map((r, i) => ({ r, i })).sort((a, b) => (order.get(a.r.framework) ?? 99) - (order.get(b.r.framework) ?? 99) || a.i - b.i).map((x) => x.r);
}

interface SnapshotItem {
  framework: string;
  ref: string;
  applicable: boolean;
  notApplicableReason: string | null;
  result: string;
  explanation: string;
  owner: string | null;
  dueDate: string | null;
  evidence?: { id: string; title: string; sha256: string | null }[];
}

/**
 * The answers as signed: the frozen snapshot of the college statement. It keeps framework, ref and the
 * answers; titles and chapters come from the library (the requirement rows are never deleted while assessed).
 */
export async function signedAnswers({ tx }: OrgCtx, y: YearRow): Promise<AnswerRow[]> {
  const items = ((y.snapshot as { items?: SnapshotItem[] } | null)?.items ?? []) as SnapshotItem[];
  const reqs = rowsOf<{ id: string; framework: string; ref: string; title: string; chapter: string | null; chapterTitle: string | null }>(
    await tx.execute(sql`
      select r.id, r.framework_id as framework, r.ref, r.title, r.chapter_ref as chapter, c.title as "chapterTitle"
      from requirements r left join requirements c on c.framework_id = r.framework_id and c.ref = r.chapter_ref
      where r.framework_id in ${y.frameworkIds.length ? y.frameworkIds : ['']}`),
  );
  const byKey = new Map(reqs.map((r) => [`${r.framework}|${r.ref}`, r]));
  return items.flatMap((i) => {
    const r = byKey.get(`${i.framework}|${i.ref}`);
    if (!r) return [];
    return [
      {
        requirementId: r.id,
        framework: i.framework,
        ref: i.ref,
        title: r.title,
        chapter: r.chapter,
        chapterTitle: r.chapterTitle,
        applicable: i.applicable,
        notApplicableReason: i.notApplicableReason,
        result: i.result,
        explanation: i.explanation ?? '',
        ownerName: i.owner ?? null,
        ownerId: null,
        ownerEmail: null,
        dueDate: i.dueDate ?? null,
        auditorRemarks: '',
        ...(Array.isArray(i.evidence) ? { signedEvidence: i.evidence } : {}),
      },
    ];
  });
}

/** For a signed year the answers come from the snapshot (what was signed), otherwise from the live rows. */
export async function reportedAnswers(ctx: OrgCtx, y: YearRow) {
  return y.signedAt && y.snapshot ? { source: 'snapshot' as const, rows: await signedAnswers(ctx, y) } : { source: 'live' as const, rows: await liveAnswers(ctx, y) };
}

/** Whether the stored snapshot still hashes to the hash recorded at signing. */
export function snapshotIntact(y: YearRow): boolean | null {
  if (!y.snapshot || !y.snapshotHash) return null;
  return crypto.createHash('sha256').update(canonical(y.snapshot)).digest('hex') === y.snapshotHash;
}

export interface EvidenceRow {
  requirementId: string;
  id: string;
  kind: string;
  title: string;
  description: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sha256: string | null;
  validUntil: string | null;
  createdAt: string | Date;
}

/** Evidence linked to the year's assessments, per requirement, by title. */
export async function evidenceOfYear({ tx, org }: OrgCtx, y: YearRow): Promise<Map<string, EvidenceRow[]>> {
  const rows = rowsOf<EvidenceRow>(
    await tx.execute(sql`
      select ae.requirement_id as "requirementId", e.id, e.kind, e.title, e.description, e.url, e.file_name as "fileName",
             e.media_type as "mediaType", e.sha256, e.valid_until as "validUntil", e.created_at as "createdAt"
      from assessment_evidence ae join evidence e on e.id = ae.evidence_id
      where ae.year_id = ${y.id} and ae.organisation_id = ${org.id}
      order by e.title, e.id`),
  );
  const out = new Map<string, EvidenceRow[]>();
  for (const r of rows) out.set(r.requirementId, [...(out.get(r.requirementId) ?? []), r]);
  return out;
}

/**
 * The evidence to report per requirement: for rows signed with their evidence, what was linked at
 * signing (details from the evidence rows that still exist); otherwise the current links.
 */
export async function reportedEvidence(ctx: OrgCtx, y: YearRow, rows: AnswerRow[]): Promise<Map<string, EvidenceRow[]>> {
  const live = await evidenceOfYear(ctx, y);
  if (!rows.some((r) => r.signedEvidence)) return live;
  const ids = [...new Set(rows.flatMap((r) => (r.signedEvidence ?? []).map((e) => e.id)))];
  const known = new Map<string, EvidenceRow>();
  if (ids.length) {
    for (const e of rowsOf<EvidenceRow>(
      await ctx.tx.execute(sql`
        select e.id, e.kind, e.title, e.description, e.url, e.file_name as "fileName", e.media_type as "mediaType", e.sha256,
               e.valid_until as "validUntil", e.created_at as "createdAt"
        from evidence e where e.organisation_id = ${ctx.org.id} and e.id in ${ids}`),
    ))
      known.set(e.id, e);
  }
  const out = new Map<string, EvidenceRow[]>();
  for (const r of rows) {
    const list = r.signedEvidence
      ? r.signedEvidence.map((s) => {
          const e = known.get(s.id);
          const base = e ?? { id: s.id, kind: 'verwijderd', title: s.title, description: '', url: null, fileName: null, mediaType: null, sha256: s.sha256, validUntil: null, createdAt: y.signedAt ?? y.createdAt };
          return { ...base, requirementId: r.requirementId, title: s.title, sha256: s.sha256 ?? base.sha256 };
        }).sort((a, b) => a.title.localeCompare(b.title, 'nl') || a.id.localeCompare(b.id))
      : (live.get(r.requirementId) ?? []);
    if (list.length) out.set(r.requirementId, list);
  }
  return out;
}

/** A file name part: lower case letters, digits and hyphens. */
export const fileSlug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'export';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function attachment(ctx: OrgCtx, type: string, fileName: string) {
  ctx.reply.type(type);
  ctx.reply.header('content-disposition', `attachment; filename="${fileName}"`);
}

/** A light audit event: who downloaded what of which year (for a signed year: the college statement's data). */
export function recordExport(ctx: OrgCtx, y: YearRow, format: string, extra: Record<string, unknown> = {}) {
  ctx.audit.record({
    organisationId: ctx.org.id,
    entityType: 'assessment_year',
    entityId: String(y.year),
    action: 'export',
    after: { format, signed: !!y.signedAt, ...(y.snapshotHash ? { snapshotSha256: y.snapshotHash } : {}), ...extra },
  });
}
