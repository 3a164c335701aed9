import { and, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { incidents } from '../../core/db/schema.js';
import { actorOf, requireIncident } from './manage-incidents.js';
import { presentIncident } from './present.js';
import { writeEvent } from './repo.js';

/*
 * The two legal questions of an incident, each answered with a reason and recorded with who and when:
 * is it a significant incident under the Cbw (then the Cbw deadlines run), and is it a personal-data
 * breach under the AVG (then the notification to the Autoriteit Persoonsgegevens is due, with the
 * details of art. 33(3) and the decision of art. 34). An answer may be changed: a new timeline entry and
 * an audit event each time.
 */

export interface CbwAnswer {
  significant: boolean;
  reason: string;
}

export interface AvgAnswer {
  breach: boolean;
  reason: string;
  categories?: string[];
  subjectsApprox?: number | null;
  recordsApprox?: number | null;
  consequences?: string;
  notifySubjects?: boolean | null;
  notifyReason?: string;
}

const yesNo = (b: boolean | null) => (b === null ? 'onbeantwoord' : b ? 'ja' : 'nee');

export async function answerCbw(ctx: OrgCtx, id: string, input: CbwAnswer, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const old = await requireIncident(ctx, id);
  const actor = actorOf(ctx);
  const [row] = await tx
    .update(incidents)
    .set({ cbwSignificant: input.significant, cbwReason: input.reason, cbwAnsweredByUserId: actor.id, cbwAnsweredByName: actor.name, cbwAnsweredAt: now, updatedAt: now })
    .where(and(eq(incidents.id, id), eq(incidents.organisationId, org.id)))
    .returning();
  const changedFrom = old.cbwSignificant === null ? '' : ` (was: ${yesNo(old.cbwSignificant)})`;
  await writeEvent(tx, {
    organisationId: org.id,
    incidentId: id,
    kind: 'juridisch',
    text: `Cbw: significant incident? ${yesNo(input.significant)}${changedFrom}. Afweging: ${input.reason}`,
    occurredAt: now,
    recordedAt: now,
    actor,
  });
  audit.record({
    organisationId: org.id,
    entityType: 'incident',
    entityId: id,
    action: 'legal_cbw',
    before: { cbwSignificant: old.cbwSignificant, cbwReason: old.cbwReason, cbwAnsweredBy: old.cbwAnsweredByName },
    after: { cbwSignificant: row.cbwSignificant, cbwReason: row.cbwReason, cbwAnsweredBy: row.cbwAnsweredByName },
  });
  return presentIncident(tx, org.id, row, now);
}

export async function answerAvg(ctx: OrgCtx, id: string, input: AvgAnswer, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const old = await requireIncident(ctx, id);
  const actor = actorOf(ctx);
  const set = {
    avgBreach: input.breach,
    avgReason: input.reason,
    avgAnsweredByUserId: actor.id,
    avgAnsweredByName: actor.name,
    avgAnsweredAt: now,
    ...(input.categories !== undefined ? { avgCategories: [...new Set(input.categories)] } : {}),
    ...(input.subjectsApprox !== undefined ? { avgSubjectsApprox: input.subjectsApprox } : {}),
    ...(input.recordsApprox !== undefined ? { avgRecordsApprox: input.recordsApprox } : {}),
    ...(input.consequences !== undefined ? { avgConsequences: input.consequences } : {}),
    ...(input.notifySubjects !== undefined ? { avgNotifySubjects: input.notifySubjects } : {}),
    ...(input.notifyReason !== undefined ? { avgNotifyReason: input.notifyReason } : {}),
    updatedAt: now,
  };
  const [row] = await tx
    .update(incidents)
    .set(set)
    .where(and(eq(incidents.id, id), eq(incidents.organisationId, org.id)))
    .returning();
  const changedFrom = old.avgBreach === null ? '' : ` (was: ${yesNo(old.avgBreach)})`;
  const art34 = input.notifySubjects === undefined || input.notifySubjects === null ? '' : ` Betrokkenen inlichten (art. 34): ${yesNo(input.notifySubjects)}.`;
  await writeEvent(tx, {
    organisationId: org.id,
    incidentId: id,
    kind: 'juridisch',
    text: `AVG: inbreuk in verband met persoonsgegevens? ${yesNo(input.breach)}${changedFrom}. Afweging: ${input.reason}${art34}`,
    occurredAt: now,
    recordedAt: now,
    actor,
  });
  const view = (r: typeof row) => ({
    avgBreach: r.avgBreach,
    avgReason: r.avgReason,
    avgAnsweredBy: r.avgAnsweredByName,
    avgCategories: r.avgCategories,
    avgSubjectsApprox: r.avgSubjectsApprox == null ? null : Number(r.avgSubjectsApprox),
    avgRecordsApprox: r.avgRecordsApprox == null ? null : Number(r.avgRecordsApprox),
    avgConsequences: r.avgConsequences,
    avgNotifySubjects: r.avgNotifySubjects,
    avgNotifyReason: r.avgNotifyReason,
  });
  audit.record({ organisationId: org.id, entityType: 'incident', entityId: id, action: 'legal_avg', before: view(old), after: view(row) });
  return presentIncident(tx, org.id, row, now);
}
