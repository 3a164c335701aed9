import { actionsFromSource } from '../actions/manage-actions.js';
import type { Executor } from '../../core/db/client.js';
import { iso } from '../../core/http/schemas.js';
import { localDate } from '../../../shared/dates.js';
import { incidentDeadlines, kindName, nextDeadlineOf, overdueOf, regimeOf, type IncidentDeadline } from './deadlines.js';
import { linksOf } from './links.js';
import { nameNodes } from '../dependencies/node-links.js';
import { eventsOf, handlerIdsOf, membersAmong, reportsOf, tasksOf, type EventRow, type IncidentRow, type ReportRow, type TaskRow } from './repo.js';

/**
 * Dutch labels of the fields of a report's `content` (the keys stay English camelCase), for the PDF and
 * the form in the browser.
 */
export const REPORT_FIELD_LABELS: Record<string, string> = {
  organisation: 'Organisatie',
  incidentRef: 'Kenmerk incident',
  incidentTitle: 'Incident',
  awareAt: 'Moment van bewustwording',
  startedAt: 'Begin van het incident',
  handledAt: 'Moment van afhandeling',
  status: 'Status',
  suspectedUnlawfulOrMalicious: 'Vermoeden van onrechtmatig of kwaadwillig handelen',
  crossBorderImpact: 'Mogelijke grensoverschrijdende gevolgen',
  contact: 'Contactpersoon',
  severity: 'Ernst',
  impact: 'Gevolgen',
  description: 'Beschrijving',
  detailedDescription: 'Uitgebreide beschrijving',
  category: 'Soort incident',
  threatType: 'Soort dreiging of grondoorzaak',
  indicatorsOfCompromise: 'Indicatoren van compromittering',
  affectedProcesses: 'Getroffen processen',
  affectedAssets: 'Getroffen objecten en systemen',
  affectedSuppliers: 'Betrokken leveranciers',
  affectedJointArrangements: 'Betrokken gemeenschappelijke regelingen',
  measuresTaken: 'Genomen en voorgenomen maatregelen',
  natureOfBreach: 'Aard van de inbreuk',
  dataCategories: 'Categorieën persoonsgegevens',
  subjectsApprox: 'Geschat aantal betrokkenen',
  recordsApprox: 'Geschat aantal registraties',
  likelyConsequences: 'Waarschijnlijke gevolgen',
  subjectsInformed: 'Worden de betrokkenen ingelicht (art. 34 AVG)',
  subjectsInformedReason: 'Toelichting op het informeren van betrokkenen',
};

export const presentEvent = (e: EventRow) => ({
  id: e.id,
  occurredAt: iso(e.occurredAt)!,
  recordedAt: iso(e.recordedAt)!,
  kind: e.kind as any,
  text: e.text,
  actor: e.actorName,
});

export function presentTask(t: TaskRow, assignees: Map<string, { id: string; name: string }>, today = localDate()) {
  return {
    id: t.id,
    title: t.title,
    assignee: t.assigneeId ? (assignees.get(t.assigneeId) ?? null) : null,
    dueDate: t.dueDate,
    doneAt: iso(t.doneAt),
    overdue: !t.doneAt && t.dueDate != null && t.dueDate < today,
  };
}

/** One entry per report that applies (from the deadlines) or is stored, in deadline order. */
export function reportSummaries(deadlines: readonly IncidentDeadline[], reports: readonly ReportRow[]) {
  const kinds = [...new Set([...deadlines.map((d) => d.id), ...reports.map((r) => r.kind)])];
  const byKind = new Map(reports.map((r) => [r.kind, r]));
  return kinds.map((kind) => {
    const r = byKind.get(kind);
    const sent = r?.sentAt ? r : null;
    return {
      kind: kind as any,
      regime: regimeOf(kind),
      sentAt: iso(sent?.sentAt),
      sentBy: sent?.sentByName ?? null,
      channel: (sent?.channel ?? null) as any,
      contentHash: sent?.contentHash ?? null,
    };
  });
}

export function presentSummary(r: IncidentRow, reports: readonly ReportRow[], now: Date) {
  const deadlines = incidentDeadlines(r, reports, now);
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    category: r.category as any,
    severity: r.severity as any,
    status: r.status as any,
    awareAt: iso(r.awareAt)!,
    nextDeadline: nextDeadlineOf(deadlines),
    overdue: overdueOf(deadlines),
    cbwSignificant: r.cbwSignificant,
    avgBreach: r.avgBreach,
    updatedAt: iso(r.updatedAt)!,
  };
}

export async function presentIncident(tx: Executor, organisationId: string, r: IncidentRow, now: Date = new Date()) {
  const reports = await reportsOf(tx, organisationId, [r.id]);
  const deadlines = incidentDeadlines(r, reports, now);
  const handlerIds = await handlerIdsOf(tx, organisationId, r.id);
  const tasks = await tasksOf(tx, organisationId, r.id);
  const people = await membersAmong(tx, organisationId, [...handlerIds, ...tasks.map((t) => t.assigneeId)]);
  const links = await linksOf(tx, organisationId, r.id);
  const names = await nameNodes(tx, organisationId, links);
  const order: Record<string, number> = { asset: 0, supplier: 1, joint_arrangement: 2 };
  const events = await eventsOf(tx, organisationId, r.id);
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    description: r.description,
    category: r.category as any,
    severity: r.severity as any,
    status: r.status as any,
    impact: r.impact,
    startedAt: iso(r.startedAt),
    awareAt: iso(r.awareAt)!,
    handledAt: iso(r.handledAt),
    closedAt: iso(r.closedAt),
    handlers: handlerIds
      .map((id) => people.get(id))
      .filter((p): p is { id: string; name: string } => !!p)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    links: links
      .map((l) => {
        const n = names.get(`${l.type}:${l.id}`);
        return { type: l.type, id: l.id, name: n?.name ?? null, kind: n?.kind ?? null };
      })
      .sort((a, b) => order[a.type] - order[b.type] || (a.name ?? '').localeCompare(b.name ?? '', 'nl')),
    cbw: { significant: r.cbwSignificant, reason: r.cbwReason, answeredBy: r.cbwAnsweredByName, answeredAt: iso(r.cbwAnsweredAt) },
    avg: {
      breach: r.avgBreach,
      reason: r.avgReason,
      answeredBy: r.avgAnsweredByName,
      answeredAt: iso(r.avgAnsweredAt),
      categories: r.avgCategories as any,
      subjectsApprox: r.avgSubjectsApprox == null ? null : Number(r.avgSubjectsApprox),
      recordsApprox: r.avgRecordsApprox == null ? null : Number(r.avgRecordsApprox),
      consequences: r.avgConsequences,
      notifySubjects: r.avgNotifySubjects,
      notifyReason: r.avgNotifyReason,
    },
    deadlines,
    overdue: overdueOf(deadlines),
    reports: reportSummaries(deadlines, reports),
    tasks: tasks.map((t) => presentTask(t, people, localDate(now))),
    lessons: (await actionsFromSource(tx, organisationId, 'incident', r.id)).map((a) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      overdue: a.overdue,
      measure: a.measure,
    })),
    timeline: events.map(presentEvent),
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}

export const reportName = kindName;
