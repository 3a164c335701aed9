import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { incidentReports } from '../../core/db/schema.js';
import { canonical } from '../../core/audit/audit.js';
import { iso } from '../../core/http/schemas.js';
import { badRequest, conflict, notFound } from '../../core/http/problem.js';
import type { IncidentCategory } from '../../../shared/incidents.js';
import { incidentDeadlines, kindName, regimeOf } from './deadlines.js';
import { linksOf } from './links.js';
import { nameNodes } from '../dependencies/node-links.js';
import { actorOf, requireIncident, STATUS_LABEL } from './manage-incidents.js';
import { deliverToCsirt, requireConnectedCsirt } from '../csirt/deliver.js';
import { CLOCK_SKEW_MS, eventsOf, loadReport, localTime, reportsOf, writeEvent, type IncidentRow, type ReportRow } from './repo.js';

/*
 * The reports of an incident: under the Cbw the early warning, the incident notification, the progress
 * report and the final report; under the AVG the notification to the Autoriteit Persoonsgegevens. A report
 * of a kind applies when its deadline does (the ids of the rule files). Its content is generated from the
 * record until someone stores an edited draft; sending stores exactly what was sent, when, by whom and
 * how, with the sha-256 of its canonical JSON (sorted keys). A report is sent once.
 *
 * Channel 'csirt' delivers the report, in the same transaction, into the inbox of the CSIRT the gemeente
 * is connected to (the csirt module: a copy of what was sent with its hash); without a connected CSIRT
 * the send is refused before anything is written.
 */

const CATEGORY_LABEL: Record<IncidentCategory, string> = {
  ransomware: 'Ransomware',
  phishing: 'Phishing',
  ddos: 'DDoS-aanval',
  datalek: 'Datalek',
  malware: 'Malware',
  ongeautoriseerde_toegang: 'Ongeautoriseerde toegang',
  storing: 'Storing',
  ot: 'Incident in operationele technologie (OT)',
  anders: 'Anders',
};

const SEVERITY_LABEL: Record<string, string> = { laag: 'laag', midden: 'midden', hoog: 'hoog', kritiek: 'kritiek' };

/** Is there a suspicion of unlawful or malicious acts (NIS2 art. 23(4)(a))? From the category; null when it does not tell. */
export function suspectedMalicious(category: string): boolean | null {
  if (['ransomware', 'malware', 'phishing', 'ongeautoriseerde_toegang', 'ddos'].includes(category)) return true;
  if (category === 'storing') return false;
  return null;
}

/** The kinds whose deadline applies now. */
async function applicableKinds(ctx: OrgCtx, incident: IncidentRow, reports: ReportRow[], now: Date): Promise<Set<string>> {
  return new Set(incidentDeadlines(incident, reports, now).map((d) => d.id));
}

/** The report's fields generated from the record (English keys; Dutch labels in present.ts). */
export async function generateContent(ctx: OrgCtx, incident: IncidentRow, kind: string): Promise<Record<string, unknown>> {
  const { tx, org, principal } = ctx;
  const contact = { name: principal.name ?? principal.email, email: principal.email };
  const base = {
    organisation: org.name,
    incidentRef: incident.ref,
    incidentTitle: incident.title,
    awareAt: iso(incident.awareAt),
  };
  const decisions = async () =>
    (await eventsOf(tx, org.id, incident.id)).filter((e) => e.kind === 'besluit').map((e) => `${localTime(e.occurredAt)}: ${e.text}`);

  if (kind === 'data-breach-notification') {
    return {
      ...base,
      startedAt: iso(incident.startedAt),
      natureOfBreach: incident.description,
      dataCategories: incident.avgCategories,
      subjectsApprox: incident.avgSubjectsApprox == null ? null : Number(incident.avgSubjectsApprox),
      recordsApprox: incident.avgRecordsApprox == null ? null : Number(incident.avgRecordsApprox),
      likelyConsequences: incident.avgConsequences,
      measuresTaken: await decisions(),
      contact,
      subjectsInformed: incident.avgNotifySubjects,
      subjectsInformedReason: incident.avgNotifyReason,
    };
  }
  const early = {
    ...base,
    suspectedUnlawfulOrMalicious: suspectedMalicious(incident.category),
    crossBorderImpact: null,
    contact,
  };
  if (kind === 'early-warning') return early;

  const names = await nameNodes(tx, org.id, await linksOf(tx, org.id, incident.id));
  const named = [...names.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const notification = {
    ...early,
    severity: SEVERITY_LABEL[incident.severity] ?? incident.severity,
    impact: incident.impact,
    description: incident.description,
    category: CATEGORY_LABEL[incident.category as IncidentCategory] ?? incident.category,
    indicatorsOfCompromise: '',
    affectedProcesses: named.filter((n) => n.type === 'asset' && n.kind === 'proces').map((n) => n.name),
    affectedAssets: named.filter((n) => n.type === 'asset' && n.kind !== 'proces').map((n) => n.name),
    affectedSuppliers: named.filter((n) => n.type === 'supplier').map((n) => n.name),
    affectedJointArrangements: named.filter((n) => n.type === 'joint_arrangement').map((n) => n.name),
  };
  if (kind === 'incident-notification') return notification;
  // final report and progress report
  return {
    ...notification,
    status: STATUS_LABEL[incident.status as keyof typeof STATUS_LABEL] ?? incident.status,
    startedAt: iso(incident.startedAt),
    handledAt: iso(incident.handledAt),
    detailedDescription: incident.description,
    threatType: CATEGORY_LABEL[incident.category as IncidentCategory] ?? incident.category,
    measuresTaken: await decisions(),
    crossBorderImpact: null,
  };
}

function presentReport(kind: string, content: Record<string, unknown>, stored: ReportRow | null) {
  const sent = stored?.sentAt ? stored : null;
  return {
    kind: kind as any,
    regime: regimeOf(kind),
    name: kindName(kind),
    content,
    draft: !sent,
    edited: !!stored && !sent,
    sentAt: iso(sent?.sentAt),
    sentBy: sent?.sentByName ?? null,
    channel: (sent?.channel ?? null) as any,
    contentHash: sent?.contentHash ?? null,
  };
}

const notApplicable = (kind: string) =>
  notFound(`Een ${kindName(kind).toLowerCase()} is voor dit incident (nog) niet van toepassing: die volgt uit de antwoorden op de juridische vragen en de eerdere meldingen.`);

export async function getReport(ctx: OrgCtx, incidentId: string, kind: string, now: Date = new Date()) {
  const incident = await requireIncident(ctx, incidentId);
  const reports = await reportsOf(ctx.tx, ctx.org.id, [incidentId]);
  const stored = reports.find((r) => r.kind === kind) ?? null;
  // a sent report stays readable, also when its deadline no longer applies
  if (stored?.sentAt) return presentReport(kind, stored.content as Record<string, unknown>, stored);
  if (!(await applicableKinds(ctx, incident, reports, now)).has(kind)) throw notApplicable(kind);
  return presentReport(kind, stored ? (stored.content as Record<string, unknown>) : await generateContent(ctx, incident, kind), stored);
}

export async function putDraft(ctx: OrgCtx, incidentId: string, kind: string, content: Record<string, unknown>, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const incident = await requireIncident(ctx, incidentId);
  const reports = await reportsOf(tx, org.id, [incidentId]);
  const stored = reports.find((r) => r.kind === kind) ?? null;
  if (stored?.sentAt) throw conflict(`De ${kindName(kind).toLowerCase()} is al verzonden op ${localTime(stored.sentAt)}; een verzonden melding verandert niet meer.`);
  if (!(await applicableKinds(ctx, incident, reports, now)).has(kind)) throw notApplicable(kind);
  const [row] = stored
    ? await tx
        .update(incidentReports)
        .set({ content, updatedAt: now })
        .where(and(eq(incidentReports.organisationId, org.id), eq(incidentReports.id, stored.id)))
        .returning()
    : await tx.insert(incidentReports).values({ organisationId: org.id, incidentId, regime: regimeOf(kind), kind, content, createdAt: now, updatedAt: now }).returning();
  audit.record({ organisationId: org.id, entityType: 'incident_report', entityId: row.id, action: stored ? 'update' : 'create', after: { incidentId, kind, draft: true } });
  return presentReport(kind, row.content as Record<string, unknown>, row);
}

/** sha-256 (hex) of the canonical JSON (keys sorted at every depth) of a report's content. */
export const contentHashOf = (content: unknown) => crypto.createHash('sha256').update(canonical(content)).digest('hex');

export async function sendReport(ctx: OrgCtx, incidentId: string, kind: string, input: { channel: 'csirt' | 'extern'; sentAt?: string }, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const incident = await requireIncident(ctx, incidentId);
  const reports = await reportsOf(tx, org.id, [incidentId]);
  const stored = reports.find((r) => r.kind === kind) ?? null;
  if (stored?.sentAt) throw conflict(`De ${kindName(kind).toLowerCase()} is al verzonden op ${localTime(stored.sentAt)}; een melding wordt één keer verzonden.`);
  if (!(await applicableKinds(ctx, incident, reports, now)).has(kind)) throw notApplicable(kind);
  if (input.sentAt && input.channel !== 'extern')
    throw badRequest('Alleen bij een melding buiten Weerbaar (extern) kunt u het tijdstip van verzending opgeven.', [{ path: 'body.sentAt', message: 'alleen bij kanaal extern' }]);
  const sentAt = input.sentAt ? new Date(input.sentAt) : now;
  if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badRequest('Het tijdstip van verzending kan niet in de toekomst liggen.', [{ path: 'body.sentAt', message: 'in de toekomst' }]);
  if (sentAt.getTime() < incident.awareAt.getTime())
    throw badRequest(`Het tijdstip van verzending kan niet vóór het moment van bewustwording (${localTime(incident.awareAt)}) liggen.`, [
      { path: 'body.sentAt', message: 'vóór het moment van bewustwording' },
    ]);
  const csirt = input.channel === 'csirt' ? await requireConnectedCsirt(ctx) : null;
  const content = stored ? (stored.content as Record<string, unknown>) : await generateContent(ctx, incident, kind);
  const actor = actorOf(ctx);
  const sent = { sentAt, sentByUserId: actor.id, sentByName: actor.name, channel: input.channel, updatedAt: now };
  // guarded against a concurrent send: only an unsent draft is updated, and one row per kind is inserted
  let [row] = stored
    ? await tx
        .update(incidentReports)
        .set({ ...sent, content })
        .where(and(eq(incidentReports.organisationId, org.id), eq(incidentReports.id, stored.id), isNull(incidentReports.sentAt)))
        .returning()
    : await tx
        .insert(incidentReports)
        .values({ organisationId: org.id, incidentId, regime: regimeOf(kind), kind, content, ...sent, createdAt: now })
        .onConflictDoNothing()
        .returning();
  if (!row) throw conflict(`De ${kindName(kind).toLowerCase()} is zojuist al verzonden; een melding wordt één keer verzonden.`);
  // the hash of the content as the database keeps it (jsonb may normalise numbers and key order)
  [row] = await tx
    .update(incidentReports)
    .set({ contentHash: contentHashOf(row.content) })
    .where(and(eq(incidentReports.organisationId, org.id), eq(incidentReports.id, row.id)))
    .returning();
  if (csirt) await deliverToCsirt(ctx, csirt, incident, row, now);
  const channel = csirt ? 'aan het CSIRT via Weerbaar' : 'buiten Weerbaar';
  await writeEvent(tx, {
    organisationId: org.id,
    incidentId,
    kind: 'rapport',
    text: `${kindName(kind)} verzonden ${channel} (sha-256 ${row.contentHash!.slice(0, 12)}…)`,
    occurredAt: sentAt,
    recordedAt: now,
    actor,
  });
  audit.record({
    organisationId: org.id,
    entityType: 'incident_report',
    entityId: row.id,
    action: 'send',
    after: { incidentId, kind, channel: input.channel, sentAt, sha256: row.contentHash },
  });
  return presentReport(kind, row.content as Record<string, unknown>, row);
}
