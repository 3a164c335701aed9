import { get, patch, post, seg } from '../../app/api';
import { incidentKey } from '../incidents/api';
import type { ReportKind } from '../incidents/api';

/*
 * Types and calls of the CSIRT inbox API (issue #6): the CSIRT's side under
 * /api/v1/organisations/{csirt}/csirt-inbox and …/csirt-campaigns, the gemeente's side under
 * /api/v1/organisations/{gemeente}/incidents/{incidentId}/csirt. The types mirror
 * src/server/modules/csirt/schemas.ts.
 */

export const CSIRT_PERMISSIONS = { read: 'csirt.inbox.read', manage: 'csirt.inbox.manage' } as const;

export const NOTIFICATION_STATUSES = ['ontvangen', 'in_behandeling', 'afgesloten'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface OrgName {
  slug: string | null;
  name: string;
}

export interface Message {
  id: string;
  side: 'gemeente' | 'csirt';
  author: string;
  body: string;
  createdAt: string;
}

export interface InboxItem {
  id: string;
  gemeente: OrgName;
  incident: { ref: string; title: string };
  kind: ReportKind;
  name: string;
  regime: 'cbw' | 'avg';
  sentAt: string;
  sentBy: string | null;
  status: NotificationStatus;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  campaign: { id: string; title: string } | null;
  messages: number;
  awaitingReply: boolean;
}

export interface Notification extends InboxItem {
  content: Record<string, unknown>;
  contentHash: string;
  thread: Message[];
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  nextCursor: string | null;
}

export interface InboxFilters {
  /** '' = open (received or being handled, the server's default); alle = every status */
  status: NotificationStatus | '' | 'alle';
  gemeente: string;
  kind: ReportKind | '';
  campaign: string;
  q: string;
}

export interface CampaignSummary {
  id: string;
  title: string;
  description: string;
  notifications: number;
  gemeenten: number;
  createdAt: string;
  updatedAt: string;
}

export interface Campaign extends Omit<CampaignSummary, 'notifications'> {
  notifications: InboxItem[];
}

export interface IncidentNotification {
  id: string;
  csirt: OrgName;
  kind: ReportKind;
  name: string;
  sentAt: string;
  sentBy: string | null;
  contentHash: string;
  status: NotificationStatus;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  thread: Message[];
}

export interface IncidentCsirt {
  connected: OrgName | null;
  items: IncidentNotification[];
}

export const INBOX_PAGE_SIZE = 50;

const org = (slug: string) => `/organisations/${seg(slug)}`;
const one = (slug: string, id: string) => `${org(slug)}/csirt-inbox/${seg(id)}`;

export const csirtKey = (slug: string) => ['organisation', slug, 'csirt'] as const;
export const inboxListKey = (slug: string, filters: InboxFilters) => [...csirtKey(slug), 'inbox', filters] as const;
export const notificationKey = (slug: string, id: string) => [...csirtKey(slug), 'notification', id] as const;
export const campaignsKey = (slug: string) => [...csirtKey(slug), 'campaigns'] as const;
/** The gemeente's view, under the incident's key: sending a report (which reloads the incident) reloads it too. */
export const incidentCsirtKey = (slug: string, incidentId: string) => [...incidentKey(slug, incidentId), 'csirt'] as const;

export function inboxQuery(filters: InboxFilters, cursor: string | null, limit = INBOX_PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.status) params.set('status', filters.status);
  if (filters.gemeente) params.set('gemeente', filters.gemeente);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.campaign) params.set('campaign', filters.campaign);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const fetchInbox = (slug: string, filters: InboxFilters, cursor: string | null, signal?: AbortSignal) =>
  get<InboxPage>(`${org(slug)}/csirt-inbox?${inboxQuery(filters, cursor)}`, signal);
export const fetchNotification = (slug: string, id: string, signal?: AbortSignal) => get<Notification>(one(slug, id), signal);
export const acknowledgeNotification = (slug: string, id: string) => post<Notification>(`${one(slug, id)}/acknowledge`);
export const updateNotification = (slug: string, id: string, body: { status?: NotificationStatus; campaignId?: string | null }) => patch<Notification>(one(slug, id), body);
export const postCsirtMessage = (slug: string, id: string, body: string) => post<Message>(`${one(slug, id)}/messages`, { body });

export const fetchCampaigns = (slug: string, signal?: AbortSignal) => get<{ items: CampaignSummary[] }>(`${org(slug)}/csirt-campaigns`, signal);
export const createCampaign = (slug: string, body: { title: string; description?: string; notificationIds?: string[] }) => post<Campaign>(`${org(slug)}/csirt-campaigns`, body);

export const fetchIncidentCsirt = (slug: string, incidentId: string, signal?: AbortSignal) =>
  get<IncidentCsirt>(`${org(slug)}/incidents/${seg(incidentId)}/csirt`, signal);
export const postGemeenteMessage = (slug: string, incidentId: string, id: string, body: string) =>
  post<Message>(`${org(slug)}/incidents/${seg(incidentId)}/csirt/${seg(id)}/messages`, { body });

export const csirtInboxPath = (slug: string) => `/o/${encodeURIComponent(slug)}/csirt-inbox`;
export const notificationPath = (slug: string, id: string) => `${csirtInboxPath(slug)}/${encodeURIComponent(id)}`;
