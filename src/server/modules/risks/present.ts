import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { dpiaRecords, riskAcceptances, riskLinks, riskThreats, threats } from '../../core/db/schema.js';
import { iso } from '../../core/http/schemas.js';
import { localDate } from '../../../shared/dates.js';
import { nameNodes, type LinkType } from './links.js';
import { activeAcceptances, mitigationsOf, namesOf, scoreOf, targetOf, type AcceptanceRow, type AcceptanceSummary, type MatrixState, type RiskRow, type SummaryExtras } from './repo.js';

/** The register's view of risks: owners and acceptances from `extras` (loaded with the page) or one query each. */
export async function presentSummaries(tx: Executor, organisationId: string, matrix: MatrixState, rows: RiskRow[], today = localDate(), extras?: SummaryExtras) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const owners =
    extras?.owners ??
    (await namesOf(
      tx,
      rows.map((r) => r.ownerId),
    ));
  const accepted: Map<string, AcceptanceSummary> = extras?.acceptances ?? (await activeAcceptances(tx, organisationId, ids));
  return rows.map((r) => {
    const a = accepted.get(r.id);
    return {
      id: r.id,
      ref: r.ref,
      title: r.title,
      domain: r.domain as any,
      owner: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
      inherent: scoreOf(matrix, r.inherentLikelihood, r.inherentImpact),
      residual: scoreOf(matrix, r.residualLikelihood, r.residualImpact),
      target: targetOf(r),
      treatment: r.treatment as any,
      status: r.status as 'open' | 'closed',
      reviewDate: r.reviewDate,
      reviewOverdue: r.status === 'open' && r.reviewDate != null && r.reviewDate < today,
      acceptance: a ? { validUntil: a.validUntil, expired: a.validUntil < today, deciderName: a.deciderName } : null,
      updatedAt: iso(r.updatedAt)!,
    };
  });
}

export const presentAcceptance = (a: AcceptanceRow) => ({
  id: a.id,
  deciderName: a.deciderName,
  deciderFunction: a.deciderFunction,
  authorityRole: a.authorityRole,
  level: a.level as any,
  likelihood: Number(a.likelihood),
  impact: Number(a.impact),
  reason: a.reason,
  validUntil: a.validUntil,
  decidedAt: iso(a.decidedAt)!,
  revokedAt: iso(a.revokedAt),
  revokedReason: a.revokedReason,
});

export async function presentDetail(tx: Executor, organisationId: string, matrix: MatrixState, r: RiskRow) {
  const [summary] = await presentSummaries(tx, organisationId, matrix, [r]);
  const linkRows = await tx
    .select({ type: riskLinks.targetType, id: riskLinks.targetId })
    .from(riskLinks)
    .where(and(eq(riskLinks.organisationId, organisationId), eq(riskLinks.riskId, r.id)));
  const names = await nameNodes(
    tx,
    organisationId,
    linkRows.map((l) => ({ type: l.type as LinkType, id: l.id })),
  );
  const order: Record<string, number> = { asset: 0, supplier: 1, joint_arrangement: 2 };
  const links = [...names.values()].sort((a, b) => order[a.type] - order[b.type] || a.name.localeCompare(b.name, 'nl'));
  const threatRows = await tx
    .select({ id: threats.id, name: threats.name, position: threats.position })
    .from(riskThreats)
    .innerJoin(threats, eq(threats.id, riskThreats.threatId))
    .where(and(eq(riskThreats.organisationId, organisationId), eq(riskThreats.riskId, r.id)))
    .orderBy(asc(threats.position));
  const mitigation = (await mitigationsOf(tx, organisationId, [r.id])).get(r.id)!;
  const acceptances = await tx
    .select()
    .from(riskAcceptances)
    .where(and(eq(riskAcceptances.organisationId, organisationId), eq(riskAcceptances.riskId, r.id)))
    .orderBy(desc(riskAcceptances.decidedAt));
  const [dpia] = r.dpiaId
    ? await tx
        .select({ id: dpiaRecords.id, name: dpiaRecords.name })
        .from(dpiaRecords)
        .where(and(eq(dpiaRecords.organisationId, organisationId), inArray(dpiaRecords.id, [r.dpiaId])))
    : [];
  return {
    ...summary,
    description: r.description,
    treatmentNote: r.treatmentNote,
    transferredTo: r.transferredTo,
    dpia: dpia ?? null,
    links,
    threats: threatRows.map((t) => ({ id: t.id, name: (t.name as { nl?: string }).nl ?? t.id })),
    measures: mitigation.measures.map((m) => ({ id: m.id, title: m.title, status: m.status })),
    mitigation: r.treatment === 'mitigate' ? { implemented: mitigation.implemented, total: mitigation.total } : null,
    acceptances: acceptances.map(presentAcceptance),
  };
}
