import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';
import {
  AVG_CATEGORIES,
  DEADLINE_STATES,
  INCIDENT_CATEGORIES,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  REPORT_CHANNELS,
  TIMELINE_KINDS,
  TIMELINE_USER_KINDS,
} from '../../../shared/incidents.js';

/*
 * The incidents API (issue #6). Everything under /api/v1/organisations/{org}/incidents.
 * Moments are ISO 8601 with an offset (or Z); the server stores instants and computes every deadline
 * from them in Europe/Amsterdam with the rule files of src/shared/deadlines.
 */

export const LINK_TYPES = ['asset', 'supplier', 'joint_arrangement'] as const;
export const REPORT_KINDS = ['early-warning', 'incident-notification', 'progress-report', 'final-report', 'data-breach-notification'] as const;

const IsoDate = z.iso.date('datum als JJJJ-MM-DD');
const Moment = z.iso.datetime({ offset: true, message: 'tijdstip als ISO 8601 met tijdzone, bijvoorbeeld 2026-11-23T09:30:00+01:00' });
const Title = z.string().trim().min(1).max(200);
const LongText = z.string().max(20_000);
const Count = z.number().int().min(0).max(100_000_000);

export const Category = z.enum(INCIDENT_CATEGORIES);
export const Severity = z.enum(INCIDENT_SEVERITIES);
export const Status = z.enum(INCIDENT_STATUSES);
export const LinkType = z.enum(LINK_TYPES);
export const ReportKind = z.enum(REPORT_KINDS);

export const IncidentParams = z.strictObject({ org: z.string().min(1).max(64), incidentId: Uuid });
export const TaskParams = IncidentParams.extend({ taskId: Uuid });
export const ReportParams = IncidentParams.extend({ kind: ReportKind });

const Person = z.object({ id: Uuid, name: z.string() });
const LinkRef = z.strictObject({ type: LinkType, id: Uuid });

/* ---------- deadlines ---------- */

export const DeadlineDto = z
  .object({
    id: z.string().describe('termijn uit het regelbestand: early-warning, incident-notification, progress-report, final-report, data-breach-notification'),
    regime: z.enum(['cbw', 'avg']),
    name: z.string(),
    due: Timestamp.describe('uiterste tijdstip (UTC)'),
    rule: z.string().describe('de regel in woorden, bijv. "24 uur na bewustwording"'),
    basis: z.string().describe('wettelijke grondslag'),
    recipient: z.string().nullable(),
    state: z.enum(DEADLINE_STATES),
    /** when the matching report was sent (null: not yet) */
    doneAt: Timestamp.nullable(),
    overdue: z.boolean().describe('verstreken zonder dat de melding is gedaan'),
  })
  .meta({ id: 'IncidentDeadline' });

/* ---------- legal questions ---------- */

const Answer = z.object({ answeredBy: z.string().nullable(), answeredAt: Timestamp.nullable(), reason: z.string() });

export const CbwDto = Answer.extend({ significant: z.boolean().nullable().describe('null: nog niet beantwoord') }).meta({ id: 'IncidentCbwAnswer' });
export const AvgDto = Answer.extend({
  breach: z.boolean().nullable().describe('null: nog niet beantwoord'),
  categories: z.array(z.enum(AVG_CATEGORIES)),
  subjectsApprox: z.number().int().nullable(),
  recordsApprox: z.number().int().nullable(),
  consequences: z.string(),
  notifySubjects: z.boolean().nullable().describe('art. 34 AVG: moeten de betrokkenen worden ingelicht? null: nog niet besloten'),
  notifyReason: z.string(),
}).meta({ id: 'IncidentAvgAnswer' });

export const CbwBody = z.strictObject({
  significant: z.boolean(),
  reason: z.string().trim().min(1, 'geef de afweging').max(5000),
});
export const AvgBody = z.strictObject({
  breach: z.boolean(),
  reason: z.string().trim().min(1, 'geef de afweging').max(5000),
  categories: z.array(z.enum(AVG_CATEGORIES)).max(AVG_CATEGORIES.length).optional(),
  subjectsApprox: Count.nullable().optional(),
  recordsApprox: Count.nullable().optional(),
  consequences: LongText.optional(),
  notifySubjects: z.boolean().nullable().optional(),
  notifyReason: z.string().max(5000).optional(),
});

/* ---------- timeline, tasks, reports ---------- */

export const EventDto = z
  .object({
    id: Uuid,
    occurredAt: Timestamp,
    recordedAt: Timestamp,
    kind: z.enum(TIMELINE_KINDS),
    text: z.string(),
    actor: z.string().nullable().describe('naam van wie het vastlegde; null: het systeem'),
  })
  .meta({ id: 'IncidentEvent' });

export const EventBody = z.strictObject({
  kind: z.enum(TIMELINE_USER_KINDS),
  text: z.string().trim().min(1).max(10_000),
  occurredAt: Moment.optional().describe('wanneer het gebeurde; standaard nu. Niet in de toekomst.'),
});

export const TaskDto = z
  .object({ id: Uuid, title: z.string(), assignee: Person.nullable(), dueDate: z.string().nullable(), doneAt: Timestamp.nullable(), overdue: z.boolean() })
  .meta({ id: 'IncidentTask' });
export const TaskBody = z.strictObject({ title: Title, assigneeId: Uuid.nullable().optional(), dueDate: IsoDate.nullable().optional() });
export const TaskPatch = z.strictObject({ title: Title.optional(), assigneeId: Uuid.nullable().optional(), dueDate: IsoDate.nullable().optional(), done: z.boolean().optional() });

export const ReportSummaryDto = z
  .object({ kind: ReportKind, regime: z.enum(['cbw', 'avg']), sentAt: Timestamp.nullable(), sentBy: z.string().nullable(), channel: z.enum(REPORT_CHANNELS).nullable(), contentHash: z.string().nullable() })
  .meta({ id: 'IncidentReportSummary' });

export const ReportDto = z
  .object({
    kind: ReportKind,
    regime: z.enum(['cbw', 'avg']),
    name: z.string(),
    /** the report's fields: generated from the record until someone edits the draft */
    content: z.record(z.string(), z.unknown()),
    draft: z.boolean().describe('true: nog niet verzonden (bewerkbaar)'),
    edited: z.boolean().describe('true: de concepttekst is bewerkt en volgt het dossier niet meer'),
    sentAt: Timestamp.nullable(),
    sentBy: z.string().nullable(),
    channel: z.enum(REPORT_CHANNELS).nullable(),
    contentHash: z.string().nullable().describe('sha-256 (hex) van de canonieke JSON van de verzonden inhoud'),
  })
  .meta({ id: 'IncidentReport' });

export const ReportDraftBody = z.strictObject({ content: z.record(z.string().max(100), z.unknown()) });
export const ReportSendBody = z.strictObject({
  channel: z.enum(REPORT_CHANNELS).describe('csirt: naar het aangesloten CSIRT in Weerbaar; extern: buiten Weerbaar verzonden (e-mail, meldloket AP)'),
  sentAt: Moment.optional().describe('extern: wanneer het buiten Weerbaar is verzonden; standaard nu. Niet in de toekomst.'),
});

/* ---------- lessons learned ---------- */

export const LessonActionDto = z
  .object({
    id: Uuid,
    title: z.string(),
    description: z.string(),
    owner: Person.nullable(),
    dueDate: z.string().nullable(),
    status: z.string().describe('open, in_uitvoering, afgerond of vervallen'),
    overdue: z.boolean(),
    measure: z.object({ id: Uuid, title: z.string() }).nullable(),
  })
  .meta({ id: 'IncidentLessonAction' });

export const LessonBody = z.strictObject({
  lesson: z.string().trim().min(2).max(5000).describe('de geleerde les'),
  action: z.strictObject({
    title: z.string().trim().min(2).max(300).describe('wat er moet gebeuren'),
    ownerId: Uuid.nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
    measureId: Uuid.nullable().optional().describe('de maatregel (compliance) waar de actie bij hoort'),
  }),
});

/* ---------- incidents ---------- */

export const IncidentSummaryDto = z
  .object({
    id: Uuid,
    ref: z.string(),
    title: z.string(),
    category: Category,
    severity: Severity,
    status: Status,
    awareAt: Timestamp,
    /** the earliest deadline not yet done, if any */
    nextDeadline: DeadlineDto.nullable(),
    overdue: z.boolean().describe('een wettelijke termijn is verstreken zonder melding'),
    cbwSignificant: z.boolean().nullable(),
    avgBreach: z.boolean().nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'IncidentSummary' });

export const IncidentDto = z
  .object({
    id: Uuid,
    ref: z.string(),
    title: z.string(),
    description: z.string(),
    category: Category,
    severity: Severity,
    status: Status,
    impact: z.string(),
    startedAt: Timestamp.nullable(),
    awareAt: Timestamp,
    handledAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    handlers: z.array(Person),
    links: z.array(z.object({ type: LinkType, id: Uuid, name: z.string().nullable(), kind: z.string().nullable() })),
    cbw: CbwDto,
    avg: AvgDto,
    deadlines: z.array(DeadlineDto).describe('de termijnen die gelden (na de juridische vragen), vroegste eerst'),
    overdue: z.boolean(),
    reports: z.array(ReportSummaryDto),
    tasks: z.array(TaskDto),
    lessons: z.array(LessonActionDto).describe('de acties uit de geleerde lessen (gevolgd bij de acties van de organisatie), oudste eerst'),
    timeline: z.array(EventDto).describe('oudste eerst'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Incident' });

export const IncidentCreateBody = z.strictObject({
  title: Title,
  description: LongText.optional(),
  category: Category,
  severity: Severity,
  impact: LongText.optional(),
  startedAt: Moment.nullable().optional(),
  awareAt: Moment.describe('wanneer de organisatie zich bewust werd van het incident: de wettelijke termijnen lopen vanaf hier. Niet in de toekomst.'),
  handlerIds: z.array(Uuid).max(50).optional(),
  links: z.array(LinkRef).max(200).optional(),
});

export const IncidentPatchBody = z.strictObject({
  title: Title.optional(),
  description: LongText.optional(),
  category: Category.optional(),
  severity: Severity.optional(),
  impact: LongText.optional(),
  status: Status.optional(),
  startedAt: Moment.nullable().optional(),
  awareAt: Moment.optional(),
  handledAt: Moment.nullable().optional(),
  handlerIds: z.array(Uuid).max(50).optional(),
  links: z.array(LinkRef).max(200).optional(),
  correctionReason: z.string().trim().min(1).max(2000).optional().describe('verplicht bij het corrigeren van een vastgelegd moment (bewustwording, begin, afgehandeld)'),
});

export const IncidentListQuery = z.strictObject({
  status: z.enum([...INCIDENT_STATUSES, 'actief', 'alle']).default('actief').describe('actief: alles behalve gesloten'),
  severity: Severity.optional(),
  category: Category.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const IncidentList = z
  .object({ items: z.array(IncidentSummaryDto), total: z.number().int(), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentList' });
