import { and, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { riskAcceptances, riskMatrices, riskMeasures, risks, riskScoreHistory, users } from '../../core/db/schema.js';
import { parseJson, rowsOf } from '../../core/db/rows.js';
import { DEFAULT_MATRIX, RISK_LEVELS, riskLevel, type RiskLevel, type RiskMatrix } from '../../../shared/risk-matrix.js';
import { measureStates, type MeasureState } from '../compliance/measure-lookup.js';

export type RiskRow = typeof risks.$inferSelect;
export type AcceptanceRow = typeof riskAcceptances.$inferSelect;

export interface MatrixState extends RiskMatrix {
  /** false: the organisation has not set its own matrix and uses the default 5×5 */
  custom: boolean;
}

export interface Score {
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
}

export interface Pair {
  likelihood: number;
  impact: number;
}

/** The measure statuses that count as done for the residual risk, and those that do not count at all. */
export const IMPLEMENTED = 'geimplementeerd';
export const CANCELLED = 'vervallen';

function rolesOf(value: unknown): Record<RiskLevel, string[]> {
  const v = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(RISK_LEVELS.map((l) => [l, Array.isArray(v[l]) ? (v[l] as unknown[]).map(String) : []])) as Record<RiskLevel, string[]>;
}

/** The stored matrix row (or its json), or the default 5×5 when the organisation has not set one. */
export function matrixFrom(m: Pick<typeof riskMatrices.$inferSelect, 'likelihoodLabels' | 'impactLabels' | 'levelBounds' | 'acceptanceRoles'> | null | undefined): MatrixState {
  if (!m) return { ...structuredClone(DEFAULT_MATRIX), custom: false };
  const [a, b, c] = m.levelBounds.map(Number);
  return { likelihoodLabels: [...m.likelihoodLabels], impactLabels: [...m.impactLabels], levelBounds: [a, b, c], acceptanceRoles: rolesOf(m.acceptanceRoles), custom: true };
}

/** The organisation's matrix; the default 5×5 when it has not set one. */
export async function loadMatrix(tx: Executor, organisationId: string): Promise<MatrixState> {
  const [m] = await tx.select().from(riskMatrices).where(eq(riskMatrices.organisationId, organisationId));
  return matrixFrom(m);
}

/** The matrix as a json column of another statement (null: the default). */
export const matrixJson = (organisationId: string) =>
  sql`(select json_build_object('likelihoodLabels', m.likelihood_labels, 'impactLabels', m.impact_labels, 'levelBounds', m.level_bounds, 'acceptanceRoles', m.acceptance_roles)
       from risk_matrices m where m.organisation_id = ${organisationId})`;

/** What the register's summary shows of the acceptance in force. */
export type AcceptanceSummary = Pick<AcceptanceRow, 'validUntil' | 'deciderName'>;

/**
 * Columns that load a risk with its owner's name and the acceptance in force (the newest not revoked) in
 * the same statement as the page; use with `.leftJoin(users, eq(users.id, risks.ownerId))`.
 */
export const summaryColumns = {
  ...getTableColumns(risks),
  summaryOwner: { id: users.id, name: users.name },
  summaryAcceptance: sql<AcceptanceSummary | null>`(select json_build_object('validUntil', a.valid_until, 'deciderName', a.decider_name) from risk_acceptances a
    where a.organisation_id = ${risks.organisationId} and a.risk_id = ${risks.id} and a.revoked_at is null order by a.decided_at desc limit 1)`,
};

export interface SummaryExtras {
  owners: Map<string, { id: string; name: string }>;
  acceptances: Map<string, AcceptanceSummary>;
}

/** Splits rows selected with `summaryColumns` into risk rows and what presentSummaries needs besides. */
export function splitSummaryRows<T extends { summaryOwner: { id: string; name: string } | null; summaryAcceptance: unknown } & RiskRow>(selected: T[]) {
  const extras: SummaryExtras = { owners: new Map(), acceptances: new Map() };
  const rows = selected.map(({ summaryOwner, summaryAcceptance, ...rest }) => {
    const row = rest as unknown as RiskRow & Omit<T, keyof RiskRow | 'summaryOwner' | 'summaryAcceptance'>;
    if (summaryOwner) extras.owners.set(summaryOwner.id, summaryOwner);
    const a = parseJson<AcceptanceSummary | null>(summaryAcceptance);
    if (a) extras.acceptances.set(row.id, a);
    return row;
  });
  return { rows, extras };
}

export const presentMatrix = (m: MatrixState) => ({
  likelihoodLabels: m.likelihoodLabels,
  impactLabels: m.impactLabels,
  levelBounds: m.levelBounds,
  acceptanceRoles: m.acceptanceRoles,
  custom: m.custom,
});

export function scoreOf(matrix: Pick<RiskMatrix, 'levelBounds'>, likelihood: number, impact: number): Score {
  const l = Number(likelihood);
  const i = Number(impact);
  return { likelihood: l, impact: i, score: l * i, level: riskLevel(matrix, l, i) };
}

export const inherentOf = (r: RiskRow): Pair => ({ likelihood: Number(r.inherentLikelihood), impact: Number(r.inherentImpact) });
export const residualOf = (r: RiskRow): Pair => ({ likelihood: Number(r.residualLikelihood), impact: Number(r.residualImpact) });
export const targetOf = (r: RiskRow): Pair | null =>
  r.targetLikelihood == null || r.targetImpact == null ? null : { likelihood: Number(r.targetLikelihood), impact: Number(r.targetImpact) };

export async function loadRisk(tx: Executor, organisationId: string, id: string): Promise<RiskRow | null> {
  const [r] = await tx.select().from(risks).where(and(eq(risks.id, id), eq(risks.organisationId, organisationId)));
  return r ?? null;
}

/** The next reference R-001, R-002 … of the organisation; a per-organisation lock keeps two creates apart. */
export async function nextRef(tx: Executor, organisationId: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`risks.ref:${organisationId}`}, 0))`);
  const [row] = rowsOf<{ n: number | string | null }>(
    await tx.execute(sql`select max(nullif(regexp_replace(ref, '[^0-9]', '', 'g'), '')::bigint) as n from risks where organisation_id = ${organisationId}`),
  );
  return `R-${String(Number(row?.n ?? 0) + 1).padStart(3, '0')}`;
}

/** One row of a risk's score history, with the risk's state as stored now. */
export async function writeHistory(tx: Executor, r: RiskRow, cause: string, byUserId: string | null, at: Date = new Date()) {
  await tx.insert(riskScoreHistory).values({
    organisationId: r.organisationId,
    riskId: r.id,
    at,
    byUserId,
    cause,
    inherentLikelihood: Number(r.inherentLikelihood),
    inherentImpact: Number(r.inherentImpact),
    residualLikelihood: Number(r.residualLikelihood),
    residualImpact: Number(r.residualImpact),
    inherentLevel: r.inherentLevel,
    residualLevel: r.residualLevel,
    domain: r.domain,
    status: r.status,
  });
}

export interface Mitigation {
  implemented: number;
  /** linked measures that count (not cancelled) */
  total: number;
  measures: MeasureState[];
}

export function mitigationOf(states: MeasureState[]): Mitigation {
  const counting = states.filter((m) => m.status !== CANCELLED);
  return { implemented: counting.filter((m) => m.status === IMPLEMENTED).length, total: counting.length, measures: states };
}

/** Per risk: its linked measures (through the compliance module) and how many of them are implemented. */
export async function mitigationsOf(tx: Executor, organisationId: string, riskIds: string[]): Promise<Map<string, Mitigation>> {
  const out = new Map<string, Mitigation>();
  if (riskIds.length === 0) return out;
  const links = await tx
    .select({ riskId: riskMeasures.riskId, measureId: riskMeasures.measureId })
    .from(riskMeasures)
    .where(and(eq(riskMeasures.organisationId, organisationId), inArray(riskMeasures.riskId, riskIds)));
  const states = new Map((await measureStates(tx, organisationId, links.map((l) => l.measureId))).map((m) => [m.id, m]));
  for (const id of riskIds) {
    const mine = links
      .filter((l) => l.riskId === id)
      .map((l) => states.get(l.measureId))
      .filter((m): m is MeasureState => !!m)
      .sort((a, b) => a.title.localeCompare(b.title, 'nl'));
    out.set(id, mitigationOf(mine));
  }
  return out;
}

/** The acceptance decision in force per risk (the newest one not revoked), also when it has expired. */
export async function activeAcceptances(tx: Executor, organisationId: string, riskIds: string[]): Promise<Map<string, AcceptanceRow>> {
  const out = new Map<string, AcceptanceRow>();
  if (riskIds.length === 0) return out;
  const rows = await tx
    .select()
    .from(riskAcceptances)
    .where(and(eq(riskAcceptances.organisationId, organisationId), inArray(riskAcceptances.riskId, riskIds), isNull(riskAcceptances.revokedAt)))
    .orderBy(desc(riskAcceptances.decidedAt));
  for (const r of rows) if (!out.has(r.riskId)) out.set(r.riskId, r);
  return out;
}

/** Revokes the acceptance in force (if any); returns the revoked decision. */
export async function revokeActive(tx: Executor, organisationId: string, riskId: string, reason: string): Promise<AcceptanceRow | null> {
  const [row] = await tx
    .update(riskAcceptances)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(riskAcceptances.organisationId, organisationId), eq(riskAcceptances.riskId, riskId), isNull(riskAcceptances.revokedAt)))
    .returning();
  return row ?? null;
}

/** Names of users by id (members only: the users RLS policy shows only members of the organisation). */
export async function namesOf(tx: Executor, ids: (string | null | undefined)[]): Promise<Map<string, { id: string; name: string }>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((u) => [u.id, u]));
}

/** The levels of a risk on the matrix, for storing. */
export function levelsOf(matrix: Pick<RiskMatrix, 'levelBounds'>, inherent: Pair, residual: Pair) {
  return { inherentLevel: riskLevel(matrix, inherent.likelihood, inherent.impact), residualLevel: riskLevel(matrix, residual.likelihood, residual.impact) };
}
