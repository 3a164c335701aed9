import { API_BASE, del, get, patch, post, put, seg } from '../../app/api';
import type { DeadlineState, IncidentCategory, IncidentSeverity, IncidentStatus, TimelineKind } from '../../../shared/incidents';
import { AVG_CATEGORIES, REPORT_CHANNELS, TIMELINE_USER_KINDS } from '../../../shared/incidents';

/*
 * Types and calls of the incidents API (/api/v1/organisations/{org}/incidents, issue #6). The types
 * mirror src/server/modules/incidents/schemas.ts; moments are ISO 8601 instants.
 */

export const PERMISSIONS = { read: 'incidents.read', manage: 'incidents.manage', configure: 'incidents.configure' } as const;

export const LINK_TYPES = ['asset', 'supplier', 'joint_arrangement'] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const REPORT_KINDS = ['early-warning', 'incident-notification', 'progress-report', 'final-report', 'data-breach-notification'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type AvgCategory = (typeof AVG_CATEGORIES)[number];
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
export type TimelineUserKind = (typeof TIMELINE_USER_KINDS)[number];
export type Regime = 'cbw' | 'avg';

export interface Person {
  id: string;
  name: string;
}

export interface Deadline {
  id: string;
  regime: Regime;
  name: string;
  due: string;
  rule: string;
  basis: string;
  recipient: string | null;
  state: DeadlineState;
  doneAt: string | null;
  overdue: boolean;
}

export interface CbwAnswer {
  significant: boolean | null;
  reason: string;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface AvgAnswer {
  breach: boolean | null;
  reason: string;
  answeredBy: string | null;
  answeredAt: string | null;
  categories: AvgCategory[];
  subjectsApprox: number | null;
  recordsApprox: number | null;
  consequences: string;
  notifySubjects: boolean | null;
  notifyReason: string;
}

export interface TimelineEvent {
  id: string;
  occurredAt: string;
  recordedAt: string;
  kind: TimelineKind;
  text: string;
  actor: string | null;
}

export interface Task {
  id: string;
  title: string;
  assignee: Person | null;
  dueDate: string | null;
  doneAt: string | null;
  overdue: boolean;
}

/** A lesson learned, followed up as an action of the organisation. */
export interface LessonAction {
  id: string;
  title: string;
  description: string;
  owner: Person | null;
  dueDate: string | null;
  status: 'open' | 'in_uitvoering' | 'afgerond' | 'vervallen' | string;
  overdue: boolean;
  measure: { id: string; title: string } | null;
}

export interface ReportSummary {
  kind: ReportKind;
  regime: Regime;
  sentAt: string | null;
  sentBy: string | null;
  channel: ReportChannel | null;
  contentHash: string | null;
}

export interface Report extends ReportSummary {
  name: string;
  content: Record<string, unknown>;
  draft: boolean;
  edited: boolean;
}

export interface IncidentLink {
  type: LinkType;
  id: string;
  name: string | null;
  kind: string | null;
}

export interface IncidentSummary {
  id: string;
  ref: string;
  title: string;
  category: IncidentCategory;
  severity: IncidentSeverity;
  status: IncidentStatus;
  awareAt: string;
  nextDeadline: Deadline | null;
  overdue: boolean;
  cbwSignificant: boolean | null;
  avgBreach: boolean | null;
  updatedAt: string;
}

export interface Incident {
  id: string;
  ref: string;
  title: string;
  description: string;
  category: IncidentCategory;
  severity: IncidentSeverity;
  status: IncidentStatus;
  impact: string;
  startedAt: string | null;
  awareAt: string;
  handledAt: string | null;
  closedAt: string | null;
  handlers: Person[];
  links: IncidentLink[];
  cbw: CbwAnswer;
  avg: AvgAnswer;
  deadlines: Deadline[];
  overdue: boolean;
  reports: ReportSummary[];
  tasks: Task[];
  lessons: LessonAction[];
  timeline: TimelineEvent[];
  createdAt: string;
  updatedAt: string;
}

export interface IncidentInput {
  title: string;
  description?: string;
  category: IncidentCategory;
  severity: IncidentSeverity;
  impact?: string;
  startedAt?: string | null;
  awareAt: string;
  handlerIds?: string[];
  links?: Array<{ type: LinkType; id: string }>;
}

export type IncidentPatch = Partial<IncidentInput> & { status?: IncidentStatus; handledAt?: string | null; correctionReason?: string };

export interface CbwInput {
  significant: boolean;
  reason: string;
}

export interface AvgInput {
  breach: boolean;
  reason: string;
  categories?: AvgCategory[];
  subjectsApprox?: number | null;
  recordsApprox?: number | null;
  consequences?: string;
  notifySubjects?: boolean | null;
  notifyReason?: string;
}

export const LIST_STATUSES = ['actief', 'alle', 'open', 'in_behandeling', 'afgehandeld', 'gesloten'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

export interface IncidentFilters {
  status: ListStatus | '';
  severity: IncidentSeverity | '';
  overdue: 'true' | 'false' | '';
  q: string;
}

export interface IncidentPage {
  items: IncidentSummary[];
  total: number;
  nextCursor: string | null;
}

export const INCIDENTS_PAGE_SIZE = 50;

const org = (slug: string) => `/organisations/${seg(slug)}`;
const one = (slug: string, id: string) => `${org(slug)}/incidents/${seg(id)}`;

export const incidentsKey = (slug: string) => ['organisation', slug, 'incidents'] as const;
export const incidentListKey = (slug: string, filters: IncidentFilters) => [...incidentsKey(slug), 'list', filters] as const;
export const incidentKey = (slug: string, id: string) => [...incidentsKey(slug), 'detail', id] as const;
export const reportKey = (slug: string, id: string, kind: ReportKind) => [...incidentKey(slug, id), 'report', kind] as const;

export function incidentQuery(filters: IncidentFilters, cursor: string | null, limit = INCIDENTS_PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.status) params.set('status', filters.status);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.overdue) params.set('overdue', filters.overdue);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const fetchIncidents = (slug: string, filters: IncidentFilters, cursor: string | null, signal?: AbortSignal) =>
  get<IncidentPage>(`${org(slug)}/incidents?${incidentQuery(filters, cursor)}`, signal);
export const fetchIncident = (slug: string, id: string, signal?: AbortSignal) => get<Incident>(one(slug, id), signal);
export const createIncident = (slug: string, body: IncidentInput) => post<Incident>(`${org(slug)}/incidents`, body);
export const updateIncident = (slug: string, id: string, body: IncidentPatch) => patch<Incident>(one(slug, id), body);

export const answerCbw = (slug: string, id: string, body: CbwInput) => put<unknown>(`${one(slug, id)}/legal/cbw`, body);
export const answerAvg = (slug: string, id: string, body: AvgInput) => put<unknown>(`${one(slug, id)}/legal/avg`, body);

export const addEvent = (slug: string, id: string, body: { kind: TimelineUserKind; text: string; occurredAt?: string }) =>
  post<TimelineEvent>(`${one(slug, id)}/events`, body);

export const addTask = (slug: string, id: string, body: { title: string; assigneeId?: string | null; dueDate?: string | null }) =>
  post<Task>(`${one(slug, id)}/tasks`, body);
export const updateTask = (slug: string, id: string, taskId: string, body: { title?: string; assigneeId?: string | null; dueDate?: string | null; done?: boolean }) =>
  patch<Task>(`${one(slug, id)}/tasks/${seg(taskId)}`, body);
export const deleteTask = (slug: string, id: string, taskId: string) => del(`${one(slug, id)}/tasks/${seg(taskId)}`);
export const addLesson = (slug: string, id: string, body: { lesson: string; action: { title: string; ownerId?: string | null; dueDate?: string | null } }) =>
  post<LessonAction>(`${one(slug, id)}/lessons`, body);

export const fetchReport = (slug: string, id: string, kind: ReportKind, signal?: AbortSignal) => get<Report>(`${one(slug, id)}/reports/${seg(kind)}`, signal);
export const saveReportDraft = (slug: string, id: string, kind: ReportKind, content: Record<string, unknown>) =>
  put<Report>(`${one(slug, id)}/reports/${seg(kind)}`, { content });
export const sendReport = (slug: string, id: string, kind: ReportKind, body: { channel: ReportChannel; sentAt?: string }) =>
  post<Report>(`${one(slug, id)}/reports/${seg(kind)}/send`, body);

/** The report as PDF (draft or as sent), for a download link. */
export const reportPdfUrl = (slug: string, id: string, kind: string) => `${API_BASE}${one(slug, id)}/reports/${seg(kind)}/pdf`;

/** How many hours before each deadline a reminder comes (inbox and e-mail). */
export interface IncidentSettings {
  reminderHours: number[];
}
export const incidentSettingsKey = (slug: string) => ['incident-settings', slug] as const;
export const fetchIncidentSettings = (slug: string, signal?: AbortSignal) => get<IncidentSettings>(`${org(slug)}/incident-settings`, signal);
export const saveIncidentSettings = (slug: string, body: IncidentSettings) => put<IncidentSettings>(`${org(slug)}/incident-settings`, body);
