import { and, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { orgAllows } from '../../core/http/pipeline.js';
import { riskAcceptances, risks } from '../../core/db/schema.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/http/problem.js';
import { localDate } from '../../../shared/dates.js';
import type { RiskLevel } from '../../../shared/risk-matrix.js';
import { P } from './policies.js';
import { presentDetail } from './present.js';
import { activeAcceptances, loadMatrix, loadRisk, revokeActive, writeHistory, type MatrixState } from './repo.js';

/** An acceptance runs for at most this many years. */
export const MAX_ACCEPTANCE_YEARS = 3;

/** The same calendar day `years` later (29 February becomes 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return `${y + years}-02-28`; // 29 February in a year without one
  return t.toISOString().slice(0, 10);
}

/** The roles of the caller that give authority to accept a risk of this level (in the matrix's order). */
function authority(ctx: OrgCtx, matrix: MatrixState, level: RiskLevel): { held: string[]; needed: string[] } {
  const needed = matrix.acceptanceRoles[level] ?? [];
  const roles = ctx.org.access === 'member' ? ctx.org.roles : [];
  return { held: needed.filter((r) => roles.includes(r)), needed };
}

const roleList = (roles: string[]) => (roles.length > 1 ? `${roles.slice(0, -1).join(', ')} of ${roles[roles.length - 1]}` : (roles[0] ?? '(geen)'));

/**
 * Accepting a risk: a decision by someone whose role the matrix names for the risk's residual level,
 * with function, reason and an end date (after today, at most three years ahead). The treatment becomes
 * `accept`; an earlier decision in force is replaced. A closed risk is not accepted (409).
 */
export async function acceptRisk(ctx: OrgCtx, riskId: string, input: { deciderFunction: string; reason: string; validUntil: string }, today = localDate()) {
  const { tx, org, audit, principal } = ctx;
  const row = await loadRisk(tx, org.id, riskId);
  if (!row) throw notFound();
  if (row.status === 'closed') throw conflict(`Risico ${row.ref} is gesloten; heropen het eerst als het opnieuw moet worden geaccepteerd.`);
  const matrix = await loadMatrix(tx, org.id);
  const level = row.residualLevel as RiskLevel;
  const { held, needed } = authority(ctx, matrix, level);
  if (held.length === 0) {
    throw forbidden(`Een risico met restrisico ${level} mag alleen worden geaccepteerd door iemand met de rol ${roleList(needed)}. Vraag diegene het besluit te nemen, of verlaag eerst het restrisico.`);
  }
  const latest = addYears(today, MAX_ACCEPTANCE_YEARS);
  if (input.validUntil <= today || input.validUntil > latest) {
    throw badRequest(`De acceptatie loopt tot een datum na vandaag (${today}) en uiterlijk drie jaar vooruit (${latest}).`, [
      { path: 'body.validUntil', message: input.validUntil <= today ? 'ligt niet na vandaag' : `ligt na ${latest} (meer dan drie jaar)` },
    ]);
  }
  const replaced = await revokeActive(tx, org.id, riskId, 'vervangen door een nieuw besluit');
  const [decision] = await tx
    .insert(riskAcceptances)
    .values({
      organisationId: org.id,
      riskId,
      decidedByUserId: principal.userId,
      deciderName: principal.name,
      deciderFunction: input.deciderFunction.trim(),
      authorityRole: held[0],
      level,
      likelihood: Number(row.residualLikelihood),
      impact: Number(row.residualImpact),
      reason: input.reason.trim(),
      validUntil: input.validUntil,
    })
    .returning();
  const [after] = await tx
    .update(risks)
    .set({ treatment: 'accept', updatedAt: new Date() })
    .where(and(eq(risks.id, riskId), eq(risks.organisationId, org.id)))
    .returning();
  await writeHistory(tx, after, 'accept', principal.userId);
  audit.record({
    organisationId: org.id,
    entityType: 'risk_acceptance',
    entityId: decision.id,
    action: 'create',
    before: { treatment: row.treatment, ...(replaced ? { replaced: replaced.id } : {}) },
    after: {
      risk: row.ref,
      riskId,
      deciderName: decision.deciderName,
      deciderFunction: decision.deciderFunction,
      authorityRole: decision.authorityRole,
      level,
      score: `${decision.likelihood}×${decision.impact}`,
      reason: decision.reason,
      validUntil: decision.validUntil,
    },
  });
  return presentDetail(tx, org.id, matrix, after);
}

/**
 * Withdraws the acceptance in force (with a reason); the treatment goes back to `open`. Allowed to those
 * who manage risks and to those with the authority to accept the accepted level.
 */
export async function revokeAcceptance(ctx: OrgCtx, riskId: string, input: { reason: string }) {
  const { tx, org, audit, principal } = ctx;
  const row = await loadRisk(tx, org.id, riskId);
  if (!row) throw notFound();
  const active = (await activeAcceptances(tx, org.id, [riskId])).get(riskId);
  if (!active) throw conflict(`Risico ${row.ref} heeft geen geldend acceptatiebesluit.`);
  const matrix = await loadMatrix(tx, org.id);
  if (!orgAllows(org, P['risks.manage']) && authority(ctx, matrix, active.level as RiskLevel).held.length === 0) {
    throw forbidden('Alleen wie risico’s beheert of dit niveau mag accepteren, kan een acceptatie intrekken.');
  }
  await revokeActive(tx, org.id, riskId, input.reason.trim());
  let after = row;
  if (row.treatment === 'accept') {
    [after] = await tx
      .update(risks)
      .set({ treatment: 'open', updatedAt: new Date() })
      .where(and(eq(risks.id, riskId), eq(risks.organisationId, org.id)))
      .returning();
    await writeHistory(tx, after, 'treatment', principal.userId);
  }
  audit.record({
    organisationId: org.id,
    entityType: 'risk_acceptance',
    entityId: active.id,
    action: 'revoke',
    before: { risk: row.ref, riskId, validUntil: active.validUntil, treatment: row.treatment },
    after: { revokedReason: input.reason.trim(), treatment: after.treatment },
  });
  return presentDetail(tx, org.id, matrix, after);
}
