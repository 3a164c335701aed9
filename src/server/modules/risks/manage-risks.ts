import { and, asc, count, desc, eq, ilike, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { dpiaRecords, riskLinks, risks, users } from '../../core/db/schema.js';
import { badRequest, notFound, type ProblemField } from '../../core/http/problem.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { containsPattern, parseJson, totalOf } from '../../core/db/rows.js';
import { addDays, localDate } from '../../../shared/dates.js';
import { mitigatedResidual } from '../../../shared/risk-matrix.js';
import { measureStates } from '../compliance/measure-lookup.js';
import { linkProblems, linksOf, measureIdsOf, replaceLinks, replaceMeasures, replaceThreats, threatIdsOf, type LinkRef } from './links.js';
import { presentDetail, presentSummaries } from './present.js';
import {
  levelsOf,
  loadMatrix,
  loadRisk,
  matrixFrom,
  matrixJson,
  mitigationOf,
  nextRef,
  revokeActive,
  splitSummaryRows,
  summaryColumns,
  writeHistory,
  type MatrixState,
  type Mitigation,
  type Pair,
  type RiskRow,
} from './repo.js';

/** Review dates within this many days (or passed) count as "review due". */
export const REVIEW_SOON_DAYS = 14;

export interface RiskInput {
  title?: string;
  description?: string;
  domain?: string;
  ownerId?: string | null;
  inherentLikelihood?: number;
  inherentImpact?: number;
  targetLikelihood?: number | null;
  targetImpact?: number | null;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  treatment?: string;
  treatmentNote?: string;
  transferredTo?: string | null;
  reviewDate?: string | null;
  dpiaId?: string | null;
  links?: LinkRef[];
  threatIds?: string[];
  measureIds?: string[];
  status?: 'open' | 'closed';
}

/** The stored fields of a risk that the use cases decide (levels follow from the matrix). */
export interface RiskFields {
  title: string;
  description: string;
  domain: string;
  ownerId: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  targetLikelihood: number | null;
  targetImpact: number | null;
  residualLikelihood: number;
  residualImpact: number;
  treatment: string;
  treatmentNote: string;
  transferredTo: string | null;
  status: string;
  reviewDate: string | null;
  dpiaId: string | null;
}

export function fieldsOf(r: RiskRow): RiskFields {
  return {
    title: r.title,
    description: r.description,
    domain: r.domain,
    ownerId: r.ownerId,
    inherentLikelihood: Number(r.inherentLikelihood),
    inherentImpact: Number(r.inherentImpact),
    targetLikelihood: r.targetLikelihood == null ? null : Number(r.targetLikelihood),
    targetImpact: r.targetImpact == null ? null : Number(r.targetImpact),
    residualLikelihood: Number(r.residualLikelihood),
    residualImpact: Number(r.residualImpact),
    treatment: r.treatment,
    treatmentNote: r.treatmentNote,
    transferredTo: r.transferredTo,
    status: r.status,
    reviewDate: r.reviewDate,
    dpiaId: r.dpiaId,
  };
}

/** The inherent and residual level of the fields on the matrix. */
export const fieldLevels = (m: MatrixState, f: RiskFields) =>
  levelsOf(m, { likelihood: f.inherentLikelihood, impact: f.inherentImpact }, { likelihood: f.residualLikelihood, impact: f.residualImpact });

const SCORE_FIELDS = ['inherentLikelihood', 'inherentImpact', 'targetLikelihood', 'targetImpact', 'residualLikelihood', 'residualImpact'] as const;
const same = (a: Pair | null, b: Pair | null) => (a == null ? b == null : b != null && a.likelihood === b.likelihood && a.impact === b.impact);

/**
 * The rules of a risk's scores and treatment, applied to the risk as it will be stored (`old` is the
 * stored risk on an edit, null on a create). Returns the new fields and whether an acceptance in force
 * must be revoked, or the problems (each naming its field).
 */
export function resolveRisk(
  matrix: MatrixState,
  old: RiskFields | null,
  input: RiskInput,
  mitigation: Pick<Mitigation, 'implemented' | 'total'>,
): { fields: RiskFields; revoke: boolean; errors: ProblemField[] } {
  const errors: ProblemField[] = [];
  const size = { Likelihood: matrix.likelihoodLabels.length, Impact: matrix.impactLabels.length };
  if (input.treatment === 'accept') {
    errors.push({ path: 'body.treatment', message: 'accepteren is een besluit van iemand met de bevoegdheid: gebruik POST …/risks/{id}/acceptance' });
  }
  for (const f of SCORE_FIELDS) {
    const v = input[f];
    const axis = f.endsWith('Likelihood') ? 'Likelihood' : 'Impact';
    if (v != null && v > size[axis]) errors.push({ path: `body.${f}`, message: `${v} ligt buiten de matrix (${axis === 'Likelihood' ? 'kans' : 'impact'} loopt van 1 tot ${size[axis]})` });
  }
  if (errors.length) return { fields: old as RiskFields, revoke: false, errors };

  const inherent: Pair = { likelihood: input.inherentLikelihood ?? old!.inherentLikelihood, impact: input.inherentImpact ?? old!.inherentImpact };
  const tl = input.targetLikelihood !== undefined ? input.targetLikelihood : (old?.targetLikelihood ?? null);
  const ti = input.targetImpact !== undefined ? input.targetImpact : (old?.targetImpact ?? null);
  if ((tl == null) !== (ti == null)) errors.push({ path: tl == null ? 'body.targetLikelihood' : 'body.targetImpact', message: 'geef het doelrisico met zowel kans als impact (of geen van beide)' });
  const target: Pair | null = tl != null && ti != null ? { likelihood: tl, impact: ti } : null;
  if (target && target.likelihood > inherent.likelihood) errors.push({ path: 'body.targetLikelihood', message: `het doelrisico is niet hoger dan het bruto risico (kans ten hoogste ${inherent.likelihood})` });
  if (target && target.impact > inherent.impact) errors.push({ path: 'body.targetImpact', message: `het doelrisico is niet hoger dan het bruto risico (impact ten hoogste ${inherent.impact})` });

  let treatment = input.treatment ?? old?.treatment ?? 'open';
  const oldResidual: Pair | null = old ? { likelihood: old.residualLikelihood, impact: old.residualImpact } : null;
  const givenResidual = input.residualLikelihood != null || input.residualImpact != null;
  let revoke = false;
  if (old?.treatment === 'accept') {
    const oldInherent = { likelihood: old.inherentLikelihood, impact: old.inherentImpact };
    const oldTarget = old.targetLikelihood != null && old.targetImpact != null ? { likelihood: old.targetLikelihood, impact: old.targetImpact } : null;
    const residualChanged =
      givenResidual &&
      ((input.residualLikelihood != null && input.residualLikelihood !== old.residualLikelihood) || (input.residualImpact != null && input.residualImpact !== old.residualImpact));
    if (input.treatment !== undefined || !same(inherent, oldInherent) || !same(target, oldTarget) || residualChanged) {
      revoke = true;
      if (input.treatment === undefined) treatment = 'open';
    }
  }

  let residual: Pair;
  if (treatment === 'mitigate') {
    if (!target && !errors.some((e) => e.path.startsWith('body.target'))) {
      errors.push({ path: 'body.targetLikelihood', message: 'bij mitigeren is een doelrisico nodig (targetLikelihood en targetImpact): het restrisico na alle maatregelen' });
    }
    residual = target ? mitigatedResidual(inherent, target, mitigation) : inherent;
  } else if (treatment === 'accept') {
    residual = oldResidual!;
  } else {
    // open, transfer, avoid: the given residual; null = the inherent; absent = the stored one (never above the inherent), or the inherent
    const base = oldResidual
      ? { likelihood: Math.min(oldResidual.likelihood, inherent.likelihood), impact: Math.min(oldResidual.impact, inherent.impact) }
      : inherent;
    const axis = (given: number | null | undefined, kept: number, full: number) => (given === null ? full : (given ?? kept));
    residual = { likelihood: axis(input.residualLikelihood, base.likelihood, inherent.likelihood), impact: axis(input.residualImpact, base.impact, inherent.impact) };
    if (input.residualLikelihood != null && input.residualLikelihood > inherent.likelihood)
      errors.push({ path: 'body.residualLikelihood', message: `het restrisico is nooit hoger dan het bruto risico (kans ten hoogste ${inherent.likelihood})` });
    if (input.residualImpact != null && input.residualImpact > inherent.impact)
      errors.push({ path: 'body.residualImpact', message: `het restrisico is nooit hoger dan het bruto risico (impact ten hoogste ${inherent.impact})` });
  }

  const pick = <K extends keyof RiskFields>(k: K, fallback: RiskFields[K]): RiskFields[K] =>
    (input as Record<string, unknown>)[k] !== undefined ? ((input as Record<string, unknown>)[k] as RiskFields[K]) : old ? old[k] : fallback;
  const transferredTo = pick('transferredTo', null);
  const fields: RiskFields = {
    title: pick('title', ''),
    description: pick('description', ''),
    domain: pick('domain', 'digitaal'),
    ownerId: pick('ownerId', null),
    inherentLikelihood: inherent.likelihood,
    inherentImpact: inherent.impact,
    targetLikelihood: target?.likelihood ?? null,
    targetImpact: target?.impact ?? null,
    residualLikelihood: residual.likelihood,
    residualImpact: residual.impact,
    treatment,
    treatmentNote: pick('treatmentNote', ''),
    transferredTo: transferredTo?.trim() ? transferredTo.trim() : null,
    status: pick('status', 'open'),
    reviewDate: pick('reviewDate', null),
    dpiaId: pick('dpiaId', null),
  };
  return { fields, revoke, errors };
}

/** The owner must be a member; the DPIA must be the organisation's; links, threats and measures must exist. */
async function referenceProblems(tx: Executor, organisationId: string, input: RiskInput): Promise<ProblemField[]> {
  const errors: ProblemField[] = [];
  if (input.ownerId) {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.ownerId));
    if (!u) errors.push({ path: 'body.ownerId', message: 'de eigenaar is geen lid van deze organisatie' });
  }
  if (input.dpiaId) {
    const [d] = await tx
      .select({ id: dpiaRecords.id })
      .from(dpiaRecords)
      .where(and(eq(dpiaRecords.organisationId, organisationId), eq(dpiaRecords.id, input.dpiaId)));
    if (!d) errors.push({ path: 'body.dpiaId', message: 'deze DPIA bestaat niet in deze organisatie' });
  }
  errors.push(...(await linkProblems(tx, organisationId, input)));
  return errors;
}

function fail(errors: ProblemField[]): never {
  throw badRequest(`Het risico klopt niet: ${errors.map((e) => `${e.path.replace(/^body\./, '')} (${e.message})`).join('; ')}.`, errors);
}

/** What the audit trail keeps of a risk. */
const auditView = (f: RiskFields, sets: { links?: LinkRef[]; threatIds?: string[]; measureIds?: string[] }) => ({
  ...f,
  ...(sets.links ? { links: sets.links.map((l) => `${l.type}:${l.id}`).sort() } : {}),
  ...(sets.threatIds ? { threatIds: [...sets.threatIds].sort() } : {}),
  ...(sets.measureIds ? { measureIds: [...sets.measureIds].sort() } : {}),
});

export async function createRisk(ctx: OrgCtx, input: RiskInput & { title: string; domain: string; inherentLikelihood: number; inherentImpact: number }) {
  const { tx, org, audit } = ctx;
  const matrix = await loadMatrix(tx, org.id);
  const mitigation = mitigationOf(await measureStates(tx, org.id, input.measureIds ?? []));
  const { fields, errors } = resolveRisk(matrix, null, { ...input, status: 'open' }, mitigation);
  errors.push(...(await referenceProblems(tx, org.id, input)));
  if (errors.length) fail(errors);
  const ref = await nextRef(tx, org.id);
  const [row] = await tx
    .insert(risks)
    .values({ organisationId: org.id, ref, ...fields, ...fieldLevels(matrix, fields) })
    .returning();
  if (input.links?.length) await replaceLinks(tx, org.id, row.id, input.links);
  if (input.threatIds?.length) await replaceThreats(tx, org.id, row.id, input.threatIds);
  if (input.measureIds?.length) await replaceMeasures(tx, org.id, row.id, input.measureIds);
  await writeHistory(tx, row, 'create', ctx.principal.userId);
  audit.record({
    organisationId: org.id,
    entityType: 'risk',
    entityId: row.id,
    action: 'create',
    after: { ref, ...auditView(fields, { links: input.links ?? [], threatIds: input.threatIds ?? [], measureIds: input.measureIds ?? [] }) },
  });
  return presentDetail(tx, org.id, matrix, row);
}

const scoreKey = (f: RiskFields, m: MatrixState) => JSON.stringify([f.inherentLikelihood, f.inherentImpact, f.residualLikelihood, f.residualImpact, fieldLevels(m, f)]);

export async function updateRisk(ctx: OrgCtx, id: string, input: RiskInput) {
  const { tx, org, audit } = ctx;
  const row = await loadRisk(tx, org.id, id);
  if (!row) throw notFound();
  const matrix = await loadMatrix(tx, org.id);
  const old = fieldsOf(row);
  const oldSets = {
    links: input.links ? await linksOf(tx, org.id, id) : undefined,
    threatIds: input.threatIds ? await threatIdsOf(tx, org.id, id) : undefined,
    measureIds: input.measureIds ? await measureIdsOf(tx, org.id, id) : undefined,
  };
  const measureIds = input.measureIds ?? (await measureIdsOf(tx, org.id, id));
  const mitigation = mitigationOf(await measureStates(tx, org.id, measureIds));
  const { fields, revoke, errors } = resolveRisk(matrix, old, input, mitigation);
  errors.push(...(await referenceProblems(tx, org.id, input)));
  if (errors.length) fail(errors);

  const revoked = revoke ? await revokeActive(tx, org.id, id, 'gewijzigd') : null;
  const changed = (Object.keys(fields) as (keyof RiskFields)[]).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(fields[k]));
  const setChanged = (a?: string[], b?: string[]) => a !== undefined && b !== undefined && JSON.stringify([...a].sort()) !== JSON.stringify([...b].sort());
  const linkKeys = (l?: LinkRef[]) => l?.map((x) => `${x.type}:${x.id}`);
  const changedSets = {
    links: setChanged(linkKeys(oldSets.links), linkKeys(input.links)),
    threatIds: setChanged(oldSets.threatIds, input.threatIds),
    measureIds: setChanged(oldSets.measureIds, input.measureIds),
  };
  if (changed.length === 0 && !revoked && !Object.values(changedSets).some(Boolean)) return presentDetail(tx, org.id, matrix, row);

  let after = row;
  if (changed.length) {
    [after] = await tx
      .update(risks)
      .set({ ...fields, ...fieldLevels(matrix, fields), updatedAt: new Date() })
      .where(and(eq(risks.id, id), eq(risks.organisationId, org.id)))
      .returning();
  } else {
    [after] = await tx.update(risks).set({ updatedAt: new Date() }).where(and(eq(risks.id, id), eq(risks.organisationId, org.id))).returning();
  }
  if (input.links && changedSets.links) await replaceLinks(tx, org.id, id, input.links);
  if (input.threatIds && changedSets.threatIds) await replaceThreats(tx, org.id, id, input.threatIds);
  if (input.measureIds && changedSets.measureIds) await replaceMeasures(tx, org.id, id, input.measureIds);

  const scoresChanged = scoreKey(old, matrix) !== scoreKey(fields, matrix);
  if (scoresChanged || old.status !== fields.status || old.treatment !== fields.treatment || old.domain !== fields.domain) {
    const cause =
      old.status !== fields.status
        ? fields.status === 'closed'
          ? 'close'
          : 'reopen'
        : old.treatment !== fields.treatment
          ? 'treatment'
          : changedSets.measureIds && changed.every((k) => k === 'residualLikelihood' || k === 'residualImpact')
            ? 'measures'
            : 'edit';
    await writeHistory(tx, after, cause, ctx.principal.userId);
  }
  const pick = (f: RiskFields) => Object.fromEntries(changed.map((k) => [k, f[k]]));
  audit.record({
    organisationId: org.id,
    entityType: 'risk',
    entityId: id,
    action: 'update',
    before: {
      ...pick(old),
      ...(changedSets.links ? { links: linkKeys(oldSets.links)!.sort() } : {}),
      ...(changedSets.threatIds ? { threatIds: oldSets.threatIds } : {}),
      ...(changedSets.measureIds ? { measureIds: oldSets.measureIds } : {}),
      ...(revoked ? { acceptance: { id: revoked.id, validUntil: revoked.validUntil } } : {}),
    },
    after: {
      ...pick(fields),
      ...(changedSets.links ? { links: linkKeys(input.links)!.sort() } : {}),
      ...(changedSets.threatIds ? { threatIds: [...input.threatIds!].sort() } : {}),
      ...(changedSets.measureIds ? { measureIds: [...input.measureIds!].sort() } : {}),
      ...(revoked ? { acceptance: { revoked: true, reason: 'gewijzigd' } } : {}),
    },
  });
  return presentDetail(tx, org.id, matrix, after);
}

export async function deleteRisk(ctx: OrgCtx, id: string) {
  const { tx, org, audit } = ctx;
  const row = await loadRisk(tx, org.id, id);
  if (!row) throw notFound();
  await tx.delete(risks).where(and(eq(risks.id, id), eq(risks.organisationId, org.id)));
  audit.record({ organisationId: org.id, entityType: 'risk', entityId: id, action: 'delete', before: { ref: row.ref, ...fieldsOf(row) } });
}

export async function getRisk(ctx: OrgCtx, id: string) {
  const row = await loadRisk(ctx.tx, ctx.org.id, id);
  if (!row) throw notFound();
  return presentDetail(ctx.tx, ctx.org.id, await loadMatrix(ctx.tx, ctx.org.id), row);
}

export interface RiskListQuery {
  domain?: string;
  level?: string;
  treatment?: string;
  status: 'open' | 'closed' | 'all';
  ownerId?: string;
  q?: string;
  reviewDue?: 'true' | 'false';
  target?: string;
  dpiaId?: string;
  limit: number;
  cursor?: string;
}

const residualScore = sql<number>`(${risks.residualLikelihood} * ${risks.residualImpact})`;

/** The filters of the register list (the total ignores the cursor, so they are built once). */
export function riskFilters(organisationId: string, q: Omit<RiskListQuery, 'limit' | 'cursor'>, today = localDate()): (SQL | undefined)[] {
  return [
    eq(risks.organisationId, organisationId),
    q.status === 'all' ? undefined : eq(risks.status, q.status),
    q.domain ? eq(risks.domain, q.domain) : undefined,
    q.level ? eq(risks.residualLevel, q.level) : undefined,
    q.treatment ? eq(risks.treatment, q.treatment) : undefined,
    q.ownerId ? eq(risks.ownerId, q.ownerId) : undefined,
    q.dpiaId ? eq(risks.dpiaId, q.dpiaId) : undefined,
    q.q ? or(ilike(risks.title, containsPattern(q.q)), ilike(risks.description, containsPattern(q.q)), ilike(risks.ref, containsPattern(q.q))) : undefined,
    q.reviewDue === 'true' ? and(eq(risks.status, 'open'), isNotNull(risks.reviewDate), lte(risks.reviewDate, addDays(today, REVIEW_SOON_DAYS))) : undefined,
    q.reviewDue === 'false' ? or(eq(risks.status, 'closed'), sql`${risks.reviewDate} is null`, sql`${risks.reviewDate} > ${addDays(today, REVIEW_SOON_DAYS)}`) : undefined,
    q.target
      ? sql`exists (select 1 from ${riskLinks} where ${riskLinks.riskId} = ${risks.id} and ${riskLinks.organisationId} = ${organisationId} and ${riskLinks.targetId} = ${q.target})`
      : undefined,
  ];
}

/** Ordered by residual score (highest first), then reference; the cursor is the last (score, ref). */
export async function listRisks(ctx: OrgCtx, q: RiskListQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, [/^\d{1,3}$/, CURSOR_PART.any]) : null;
  const filters = riskFilters(ctx.org.id, q);
  // one round trip: the page with owners and acceptances, the total and the matrix
  const selected = await ctx.tx
    .select({ ...summaryColumns, total: totalOf(risks, and(...filters)), matrix: matrixJson(ctx.org.id) })
    .from(risks)
    .leftJoin(users, eq(users.id, risks.ownerId))
    .where(and(...filters, after ? or(sql`${residualScore} < ${Number(after[0])}`, and(sql`${residualScore} = ${Number(after[0])}`, sql`${risks.ref} > ${after[1]}`)) : undefined))
    .orderBy(desc(residualScore), asc(risks.ref))
    .limit(q.limit + 1);
  const total = selected.length ? selected[0].total : (await ctx.tx.select({ total: count() }).from(risks).where(and(...filters)))[0].total;
  const matrix = matrixFrom(parseJson(selected[0]?.matrix ?? null));
  const { rows: counted, extras } = splitSummaryRows(selected);
  const rows: RiskRow[] = counted.map(({ total: _t, matrix: _m, ...row }) => row);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await presentSummaries(ctx.tx, ctx.org.id, matrix, page, undefined, extras),
    total: Number(total),
    nextCursor: rows.length > q.limit ? encodeCursor([String(Number(last.residualLikelihood) * Number(last.residualImpact)), last.ref]) : null,
  };
}
