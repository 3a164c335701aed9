import { count, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { riskMatrices, risks } from '../../core/db/schema.js';
import { badRequest, HttpProblem } from '../../core/http/problem.js';
import { matrixProblems, rescale, RISK_LEVELS, type RiskLevel, type RiskMatrix } from '../../../shared/risk-matrix.js';
import { recomputeMitigated } from './mitigation.js';
import { levelsOf, loadMatrix, presentMatrix, revokeActive, writeHistory, type MatrixState, type RiskRow } from './repo.js';

export async function getMatrix(ctx: OrgCtx) {
  return presentMatrix(await loadMatrix(ctx.tx, ctx.org.id));
}

export interface MatrixInput extends RiskMatrix {
  rescale?: boolean;
}

const sizeOf = (m: RiskMatrix) => `${m.likelihoodLabels.length}×${m.impactLabels.length}`;

/**
 * Sets the organisation's matrix. A change of size with risks on the current matrix is refused (409 with
 * the number of risks) unless `rescale`: then every score is converted proportionally. When sizes or
 * level bounds change, every risk's levels are recomputed; each risk whose scores or levels changed gets a
 * history row (cause `matrix`). An accepted risk whose residual level changes loses its acceptance (the
 * decision was about another level) and is open again.
 */
export async function putMatrix(ctx: OrgCtx, input: MatrixInput) {
  const { tx, org, audit } = ctx;
  const next: RiskMatrix = {
    likelihoodLabels: input.likelihoodLabels.map((l) => l.trim()),
    impactLabels: input.impactLabels.map((l) => l.trim()),
    levelBounds: input.levelBounds,
    acceptanceRoles: Object.fromEntries(RISK_LEVELS.map((l) => [l, [...new Set(input.acceptanceRoles[l])]])) as Record<RiskLevel, string[]>,
  };
  const problems = matrixProblems(next).map((p) => ({ path: `body.${p.field}`, message: p.message }));
  if (problems.length) throw badRequest(`De matrix klopt niet: ${problems.map((p) => `${p.path.slice(5)} (${p.message})`).join('; ')}.`, problems);

  const old = await loadMatrix(tx, org.id);
  const resized = old.likelihoodLabels.length !== next.likelihoodLabels.length || old.impactLabels.length !== next.impactLabels.length;
  const [{ n }] = await tx.select({ n: count() }).from(risks).where(eq(risks.organisationId, org.id));
  const riskCount = Number(n);
  if (resized && riskCount > 0 && !input.rescale) {
    throw new HttpProblem(
      409,
      'Conflict',
      `De matrix gaat van ${sizeOf(old)} naar ${sizeOf(next)}, maar er ${riskCount === 1 ? 'staat 1 risico' : `staan ${riskCount} risico’s`} op de huidige matrix. Stuur rescale: true om elke score evenredig om te rekenen (de eerste stap blijft de eerste, de laatste de laatste); de omrekening komt in de historie van elk risico.`,
      undefined,
      undefined,
      { risks: riskCount },
    );
  }

  const values = { likelihoodLabels: next.likelihoodLabels, impactLabels: next.impactLabels, levelBounds: next.levelBounds, acceptanceRoles: next.acceptanceRoles, updatedAt: new Date() };
  await tx
    .insert(riskMatrices)
    .values({ organisationId: org.id, ...values })
    .onConflictDoUpdate({ target: riskMatrices.organisationId, set: values });
  const stored: MatrixState = { ...next, custom: true };

  const boundsChanged = old.levelBounds.join(',') !== next.levelBounds.join(',');
  let rescaled = 0;
  let revoked = 0;
  if (riskCount > 0 && (resized || boundsChanged)) {
    const rows = await tx.select().from(risks).where(eq(risks.organisationId, org.id));
    const conv = (v: number | null, axis: 'likelihoodLabels' | 'impactLabels') => (v == null ? null : rescale(Number(v), old[axis].length, next[axis].length));
    for (const r of rows) {
      const inherent = { likelihood: conv(r.inherentLikelihood, 'likelihoodLabels')!, impact: conv(r.inherentImpact, 'impactLabels')! };
      const residual = { likelihood: conv(r.residualLikelihood, 'likelihoodLabels')!, impact: conv(r.residualImpact, 'impactLabels')! };
      const levels = levelsOf(stored, inherent, residual);
      const patch = {
        inherentLikelihood: inherent.likelihood,
        inherentImpact: inherent.impact,
        targetLikelihood: conv(r.targetLikelihood, 'likelihoodLabels'),
        targetImpact: conv(r.targetImpact, 'impactLabels'),
        residualLikelihood: residual.likelihood,
        residualImpact: residual.impact,
        ...levels,
      };
      const before = [r.inherentLikelihood, r.inherentImpact, r.targetLikelihood, r.targetImpact, r.residualLikelihood, r.residualImpact, r.inherentLevel, r.residualLevel].map(String).join();
      const afterKey = [patch.inherentLikelihood, patch.inherentImpact, patch.targetLikelihood, patch.targetImpact, patch.residualLikelihood, patch.residualImpact, patch.inherentLevel, patch.residualLevel].map(String).join();
      let treatment = r.treatment;
      if (r.treatment === 'accept' && levels.residualLevel !== r.residualLevel) {
        await revokeActive(tx, org.id, r.id, `risicomatrix gewijzigd: restrisico nu ${levels.residualLevel} in plaats van ${r.residualLevel}`);
        treatment = 'open';
        revoked++;
      }
      if (before === afterKey && treatment === r.treatment) continue;
      const [updated] = await tx
        .update(risks)
        .set({ ...patch, treatment, updatedAt: new Date() })
        .where(eq(risks.id, r.id))
        .returning();
      // a mitigated residual follows the measures on the new scale (rounding toward the inherent score)
      const moved = await recomputeMitigated(tx, org.id, [updated as RiskRow], ctx.principal.userId, 'matrix', stored);
      if (moved.length === 0) await writeHistory(tx, updated, 'matrix', ctx.principal.userId);
      rescaled++;
    }
  }

  audit.record({
    organisationId: org.id,
    entityType: 'risk_matrix',
    entityId: org.id,
    action: old.custom ? 'update' : 'create',
    before: presentMatrix(old),
    after: { ...presentMatrix(stored), ...(rescaled ? { risksChanged: rescaled } : {}), ...(revoked ? { acceptancesRevoked: revoked } : {}) },
  });
  return presentMatrix(stored);
}
