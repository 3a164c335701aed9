import { and, desc, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { riskScoreHistory } from '../../core/db/schema.js';
import { notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { loadRisk, namesOf } from './repo.js';
import type { RiskLevel } from '../../../shared/risk-matrix.js';

/** Every score change of one risk, newest first (levels as they were at that moment). */
export async function riskHistory(ctx: OrgCtx, riskId: string) {
  const { tx, org } = ctx;
  if (!(await loadRisk(tx, org.id, riskId))) throw notFound();
  const rows = await tx
    .select()
    .from(riskScoreHistory)
    .where(and(eq(riskScoreHistory.organisationId, org.id), eq(riskScoreHistory.riskId, riskId)))
    .orderBy(desc(riskScoreHistory.at), desc(riskScoreHistory.id))
    .limit(1000);
  const names = await namesOf(
    tx,
    rows.map((r) => r.byUserId),
  );
  const score = (l: number, i: number, level: string) => ({ likelihood: Number(l), impact: Number(i), score: Number(l) * Number(i), level: level as RiskLevel });
  return {
    items: rows.map((r) => ({
      at: iso(r.at)!,
      by: r.byUserId ? (names.get(r.byUserId) ?? null) : null,
      cause: r.cause,
      inherent: score(r.inherentLikelihood, r.inherentImpact, r.inherentLevel),
      residual: score(r.residualLikelihood, r.residualImpact, r.residualLevel),
    })),
  };
}
