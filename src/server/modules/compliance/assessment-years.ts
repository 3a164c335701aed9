import crypto from 'node:crypto';
import { and, asc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import type { Executor } from '../../core/db/client.js';
import { assessmentYears, frameworks } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { canonical } from '../../core/audit/audit.js';
import { badRequest, conflict, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { refreshProgress } from './progress.js';
import { PROCUREMENT_KIND } from './package.js';

export type YearRow = typeof assessmentYears.$inferSelect;

export async function loadYear(tx: Executor, organisationId: string, year: number): Promise<YearRow> {
  const [y] = await tx.select().from(assessmentYears).where(and(eq(assessmentYears.organisationId, organisationId), eq(assessmentYears.year, year)));
  if (!y) throw notFound(`Er is geen verantwoordingsjaar ${year}.`);
  return y;
}

/** Every column but the frozen snapshot (tens of kilobytes per signed year), for reads that do not need it. */
const { snapshot: _snapshot, ...headColumns } = getTableColumns(assessmentYears);
export type YearHead = Omit<YearRow, 'snapshot'>;

export async function loadYearHead(tx: Executor, organisationId: string, year: number): Promise<YearHead> {
  const [y] = await tx.select(headColumns).from(assessmentYears).where(and(eq(assessmentYears.organisationId, organisationId), eq(assessmentYears.year, year)));
  if (!y) throw notFound(`Er is geen verantwoordingsjaar ${year}.`);
  return y;
}

export function assertOpen(y: YearRow) {
  if (y.signedAt) throw conflict(`Verantwoordingsjaar ${y.year} is ondertekend en daarmee bevroren. Wijzigingen horen in een nieuw jaar.`);
}

function presentYear(y: YearHead) {
  return {
    year: y.year,
    frameworks: y.frameworkIds,
    phase: y.phase as any,
    createdAt: iso(y.createdAt)!,
    signed: y.signedAt
      ? { at: iso(y.signedAt)!, by: y.signerName ?? '', function: y.signerFunction ?? '', statement: y.statement ?? '', snapshotHash: y.snapshotHash ?? '' }
      : null,
  };
}

export async function listYears({ tx, org }: OrgCtx) {
  const rows = await tx.select(headColumns).from(assessmentYears).where(eq(assessmentYears.organisationId, org.id)).orderBy(asc(assessmentYears.year));
  return { items: rows.map(presentYear) };
}

interface Counts {
  total: number;
  applicable: number;
  voldoet: number;
  voldoet_deels: number;
  voldoet_niet: number;
  niet_beoordeeld: number;
}

/** Progress per framework and chapter, one GROUP BY over the year's assessments. */
export async function yearProgress(tx: Executor, yearId: string) {
  const rows = rowsOf<Counts & { framework: string; chapter: string | null }>(
    await tx.execute(sql`
      select a.framework_id as framework, r.chapter_ref as chapter, count(*)::int as total,
             count(*) filter (where a.applicable)::int as applicable,
             count(*) filter (where a.applicable and a.result = 'voldoet')::int as voldoet,
             count(*) filter (where a.applicable and a.result = 'voldoet_deels')::int as voldoet_deels,
             count(*) filter (where a.applicable and a.result = 'voldoet_niet')::int as voldoet_niet,
             count(*) filter (where a.applicable and a.result = 'niet_beoordeeld')::int as niet_beoordeeld
      from requirement_assessments a join requirements r on r.id = a.requirement_id
      where a.year_id = ${yearId}
      group by a.framework_id, r.chapter_ref
      order by a.framework_id, min(r.position)`),
  );
  const out = new Map<string, Counts & { framework: string; chapters: (Counts & { chapter: string })[] }>();
  const keys = ['total', 'applicable', 'voldoet', 'voldoet_deels', 'voldoet_niet', 'niet_beoordeeld'] as const;
  for (const r of rows) {
    const f = out.get(r.framework) ?? { framework: r.framework, total: 0, applicable: 0, voldoet: 0, voldoet_deels: 0, voldoet_niet: 0, niet_beoordeeld: 0, chapters: [] };
    for (const k of keys) f[k] += r[k];
    f.chapters.push({ chapter: r.chapter ?? '', ...Object.fromEntries(keys.map((k) => [k, r[k]])) } as Counts & { chapter: string });
    out.set(r.framework, f);
  }
  return [...out.values()];
}

export async function getYear({ tx, org }: OrgCtx, year: number) {
  const y = await loadYearHead(tx, org.id, year);
  return { ...presentYear(y), progress: await yearProgress(tx, y.id) };
}

/**
 * Opens a verantwoordingsjaar: one assessment per active assessable requirement of the frameworks in
 * scope. With copyFrom, the answers of that year are carried over in the same single statement
 * (owners, applicability, results, explanations; due dates and auditor remarks start empty).
 */
export async function createYear(ctx: OrgCtx, input: { year: number; frameworks?: string[]; copyFrom?: number }) {
  const { tx, org, audit, principal } = ctx;
  const [exists] = await tx.select({ id: assessmentYears.id }).from(assessmentYears).where(and(eq(assessmentYears.organisationId, org.id), eq(assessmentYears.year, input.year)));
  if (exists) throw conflict(`Verantwoordingsjaar ${input.year} bestaat al.`);
  const source = input.copyFrom !== undefined ? await loadYear(tx, org.id, input.copyFrom) : null;
  const scope = input.frameworks ?? source?.frameworkIds;
  if (!scope?.length) throw badRequest('Kies de raamwerken voor dit jaar of een jaar om van te kopiëren.', [{ path: 'body.frameworks', message: 'verplicht zonder copyFrom' }]);
  // procurement requirement sets are answered per supplier, never assessed in a year
  const known = new Set((await tx.select({ id: frameworks.id }).from(frameworks).where(ne(frameworks.kind, PROCUREMENT_KIND))).map((f) => f.id));
  const unknown = scope.filter((f) => !known.has(f));
  if (unknown.length) throw badRequest(`Onbekend raamwerk: ${unknown.join(', ')}.`, unknown.map((f) => ({ path: 'body.frameworks', message: `onbekend: ${f}` })));
  const [y] = await tx.insert(assessmentYears).values({ organisationId: org.id, year: input.year, frameworkIds: scope }).returning();
  const inserted = rowsOf(
    await tx.execute(sql`
      insert into requirement_assessments (organisation_id, year_id, requirement_id, framework_id, applicable, not_applicable_reason,
                                           result, explanation, owner_id, updated_by)
      select ${org.id}, ${y.id}, r.id, r.framework_id, coalesce(p.applicable, true), p.not_applicable_reason,
             coalesce(p.result, 'niet_beoordeeld'), coalesce(p.explanation, ''), p.owner_id, ${principal.userId}
      from requirements r
      left join requirement_assessments p on p.year_id = ${source?.id ?? null} and p.requirement_id = r.id
      where r.framework_id in ${scope} and r.assessable and r.status = 'active'
      returning 1`),
  ).length;
  // evidence stays linked to the requirements carried over into the new year
  const evidenceLinks = source
    ? rowsOf(
        await tx.execute(sql`
          insert into assessment_evidence (organisation_id, year_id, requirement_id, evidence_id)
          select ${org.id}, ${y.id}, e.requirement_id, e.evidence_id
          from assessment_evidence e join requirement_assessments a on a.year_id = ${y.id} and a.requirement_id = e.requirement_id
          where e.year_id = ${source.id}
          returning 1`),
      ).length
    : 0;
  await refreshProgress(tx, y, await yearProgress(tx, y.id));
  audit.record({ organisationId: org.id, entityType: 'assessment_year', entityId: String(input.year), action: 'create', after: { frameworks: scope, copyFrom: input.copyFrom ?? null, assessments: inserted, evidenceLinks } });
  return getYear(ctx, input.year);
}

/** The college statement: who signed, when, with what text. Freezes an immutable snapshot with its hash. */
export async function signYear(ctx: OrgCtx, year: number, input: { signerName: string; signerFunction: string; statement: string }) {
  const { tx, org, audit, principal } = ctx;
  const y = await loadYear(tx, org.id, year);
  assertOpen(y);
  const items = rowsOf(
    await tx.execute(sql`
      select a.framework_id as framework, r.ref, a.applicable, a.not_applicable_reason as "notApplicableReason", a.result,
             a.explanation, u.name as owner, a.due_date as "dueDate",
             coalesce((select json_agg(json_build_object('id', ev.id, 'title', ev.title, 'sha256', ev.sha256) order by ev.created_at, ev.id)
                       from assessment_evidence ae join evidence ev on ev.id = ae.evidence_id
                       where ae.year_id = a.year_id and ae.requirement_id = a.requirement_id), '[]'::json) as evidence
      from requirement_assessments a join requirements r on r.id = a.requirement_id left join users u on u.id = a.owner_id
      where a.year_id = ${y.id} order by a.framework_id, r.position`),
  );
  const snapshot = { year, organisation: org.slug, signedAt: new Date().toISOString(), signer: input, progress: await yearProgress(tx, y.id), items };
  const snapshotHash = crypto.createHash('sha256').update(canonical(snapshot)).digest('hex');
  await tx
    .update(assessmentYears)
    .set({
      phase: 'collegeverklaring',
      signedAt: new Date(snapshot.signedAt),
      signedByUserId: principal.userId,
      signerName: input.signerName,
      signerFunction: input.signerFunction,
      statement: input.statement,
      snapshot,
      snapshotHash,
    })
    .where(eq(assessmentYears.id, y.id));
  await refreshProgress(tx, await loadYear(tx, org.id, year), snapshot.progress);
  audit.record({ organisationId: org.id, entityType: 'assessment_year', entityId: String(year), action: 'sign', after: { signerName: input.signerName, signerFunction: input.signerFunction, snapshotHash } });
  return getYear(ctx, year);
}

const NEXT: Record<string, string> = { collegeverklaring: 'audit', audit: 'verantwoording' };

export async function advancePhase(ctx: OrgCtx, year: number, phase: 'audit' | 'verantwoording') {
  const { tx, org, audit } = ctx;
  const y = await loadYear(tx, org.id, year);
  if (NEXT[y.phase] !== phase) throw conflict(`Van fase "${y.phase}" gaat het jaar niet naar "${phase}". Volgorde: zelfevaluatie → collegeverklaring (ondertekenen) → audit → verantwoording.`);
  await tx.update(assessmentYears).set({ phase }).where(eq(assessmentYears.id, y.id));
  await refreshProgress(tx, { ...y, phase }, await yearProgress(tx, y.id));
  audit.record({ organisationId: org.id, entityType: 'assessment_year', entityId: String(year), action: 'update', before: { phase: y.phase }, after: { phase } });
  return getYear(ctx, year);
}

export async function getSnapshot({ tx, org }: OrgCtx, year: number) {
  const y = await loadYear(tx, org.id, year);
  if (!y.snapshot) throw notFound(`Verantwoordingsjaar ${year} is nog niet ondertekend.`);
  return { snapshotHash: y.snapshotHash!, snapshot: y.snapshot as Record<string, unknown> };
}
