import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { AuditLog } from '../../core/audit/audit.js';
import { riskMeasures, risks } from '../../core/db/schema.js';
import { uuidArray } from '../../core/db/rows.js';
import { mitigatedResidual } from '../../../shared/risk-matrix.js';
import { inherentOf, levelsOf, loadMatrix, mitigationsOf, residualOf, targetOf, writeHistory, type MatrixState, type RiskRow } from './repo.js';

/**
 * Recomputes the residual of `mitigate` risks from their measures; writes the changed ones with a
 * history row (`cause`). Returns the risks whose residual moved.
 */
export async function recomputeMitigated(
  tx: Executor,
  organisationId: string,
  rows: RiskRow[],
  byUserId: string | null,
  cause: string,
  matrix?: MatrixState,
): Promise<{ id: string; ref: string; before: string; after: string }[]> {
  const mitigating = rows.filter((r) => r.treatment === 'mitigate');
  if (mitigating.length === 0) return [];
  const m = matrix ?? (await loadMatrix(tx, organisationId));
  const counts = await mitigationsOf(
    tx,
    organisationId,
    mitigating.map((r) => r.id),
  );
  const moved: { id: string; ref: string; before: string; after: string }[] = [];
  for (const r of mitigating) {
    const inherent = inherentOf(r);
    const target = targetOf(r) ?? inherent;
    const residual = mitigatedResidual(inherent, target, counts.get(r.id)!);
    const old = residualOf(r);
    if (residual.likelihood === old.likelihood && residual.impact === old.impact) continue;
    const [after] = await tx
      .update(risks)
      .set({ residualLikelihood: residual.likelihood, residualImpact: residual.impact, ...levelsOf(m, inherent, residual), updatedAt: new Date() })
      .where(and(eq(risks.id, r.id), eq(risks.organisationId, organisationId)))
      .returning();
    await writeHistory(tx, after, cause, byUserId);
    moved.push({ id: r.id, ref: r.ref, before: `${old.likelihood}×${old.impact}`, after: `${residual.likelihood}×${residual.impact}` });
  }
  return moved;
}

/**
 * For the compliance module: the status of these measures changed (or they are about to be deleted).
 * Every `mitigate` risk linked to one of them gets its residual recomputed in the same transaction
 * (implemented measures move it toward the target, cancelled ones do not count), with a history row
 * (cause `measures`) and, when an audit log is given, an audit event per moved risk.
 *
 * Call it AFTER an update, and BEFORE a delete with `{ deleted: true }`: then the measures' links to
 * risks are removed first, so the risks are recomputed without them.
 */
export async function onMeasuresChanged(
  tx: Executor,
  organisationId: string,
  measureIds: string[],
  byUserId: string | null,
  opts: { deleted?: boolean; audit?: AuditLog } = {},
): Promise<number> {
  if (measureIds.length === 0) return 0;
  const linked = await tx
    .selectDistinct({ riskId: riskMeasures.riskId })
    .from(riskMeasures)
    .where(and(eq(riskMeasures.organisationId, organisationId), sql`${riskMeasures.measureId} = any(${uuidArray(measureIds)}::uuid[])`));
  if (opts.deleted) {
    await tx.delete(riskMeasures).where(and(eq(riskMeasures.organisationId, organisationId), sql`${riskMeasures.measureId} = any(${uuidArray(measureIds)}::uuid[])`));
  }
  if (linked.length === 0) return 0;
  const rows = await tx
    .select()
    .from(risks)
    .where(
      and(
        eq(risks.organisationId, organisationId),
        eq(risks.treatment, 'mitigate'),
        sql`${risks.id} = any(${uuidArray(linked.map((l) => l.riskId))}::uuid[])`,
      ),
    );
  const moved = await recomputeMitigated(tx, organisationId, rows, byUserId, 'measures');
  for (const m of moved) {
    opts.audit?.record({
      organisationId,
      entityType: 'risk',
      entityId: m.id,
      action: 'update',
      before: { residual: m.before },
      after: { residual: m.after, cause: 'measures', measures: [...measureIds].sort() },
    });
  }
  return moved.length;
}
