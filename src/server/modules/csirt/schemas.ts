import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';
import { REPORT_KINDS } from '../incidents/schemas.js';

/*
 * The CSIRT inbox API (issue #6): under /api/v1/organisations/{csirt}/csirt-inbox and …/csirt-campaigns for
 * the CSIRT, under /api/v1/organisations/{gemeente}/incidents/{incidentId}/csirt for the gemeente.
 */

export const NOTIFICATION_STATUSES = ['ontvangen', 'in_behandeling', 'afgesloten'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

const OrgSlug = z.string().min(1).max(64);
export const NotificationParams = z.strictObject({ org: OrgSlug, notificationId: Uuid });
export const CampaignParams = z.strictObject({ org: OrgSlug, campaignId: Uuid });
export const IncidentCsirtParams = z.strictObject({ org: OrgSlug, incidentId: Uuid });
export const IncidentNotificationParams = IncidentCsirtParams.extend({ notificationId: Uuid });

const Status = z.enum(NOTIFICATION_STATUSES);
const Org = z.object({ slug: z.string().nullable(), name: z.string() });

export const MessageDto = z
  .object({
    id: Uuid,
    side: z.enum(['gemeente', 'csirt']).describe('wie schreef: de gemeente of het CSIRT'),
    author: z.string(),
    body: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'CsirtMessage' });

const CampaignRef = z.object({ id: Uuid, title: z.string() });

export const InboxItemDto = z
  .object({
    id: Uuid,
    gemeente: Org,
    incident: z.object({ ref: z.string(), title: z.string() }),
    kind: z.enum(REPORT_KINDS),
    name: z.string().describe('de naam van de melding uit het regelbestand, bijv. "Vroegtijdige waarschuwing"'),
    regime: z.enum(['cbw', 'avg']),
    sentAt: Timestamp,
    sentBy: z.string().nullable(),
    status: Status,
    acknowledgedAt: Timestamp.nullable(),
    acknowledgedBy: z.string().nullable(),
    campaign: CampaignRef.nullable(),
    messages: z.number().int().describe('aantal berichten in de draad'),
    awaitingReply: z.boolean().describe('het laatste bericht komt van de gemeente'),
  })
  .meta({ id: 'CsirtInboxItem' });

export const InboxPage = z.object({ items: z.array(InboxItemDto), total: z.number().int(), nextCursor: z.string().nullable() });

export const InboxQuery = z.strictObject({
  status: z
    .enum([...NOTIFICATION_STATUSES, 'open', 'alle'])
    .default('open')
    .describe('open (standaard): ontvangen en in behandeling; alle: ook afgesloten; of één status'),
  gemeente: z.string().min(1).max(64).optional().describe('slug van de gemeente'),
  kind: z.enum(REPORT_KINDS).optional(),
  campaign: Uuid.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('zoekt in kenmerk en titel van het incident'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const NotificationDto = InboxItemDto.extend({
  content: z.record(z.string(), z.unknown()).describe('precies wat is verzonden'),
  contentHash: z.string().describe('sha-256 van de canonieke JSON van de inhoud'),
  thread: z.array(MessageDto).describe('oudste eerst'),
}).meta({ id: 'CsirtNotification' });

export const NotificationPatch = z
  .strictObject({
    status: Status.optional(),
    campaignId: Uuid.nullable().optional().describe('de campagne van dit CSIRT; null: los van elke campagne'),
  })
  .refine((v) => v.status !== undefined || v.campaignId !== undefined, { message: 'geef status of campaignId' });

export const MessageBody = z.strictObject({ body: z.string().trim().min(1, 'het bericht is leeg').max(10_000, 'het bericht is langer dan 10.000 tekens') });

export const CampaignDto = z
  .object({
    id: Uuid,
    title: z.string(),
    description: z.string(),
    notifications: z.array(InboxItemDto).describe('de gekoppelde meldingen, nieuwste eerst'),
    gemeenten: z.number().int().describe('aantal verschillende gemeenten'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'CsirtCampaign' });

export const CampaignSummaryDto = z
  .object({ id: Uuid, title: z.string(), description: z.string(), notifications: z.number().int(), gemeenten: z.number().int(), createdAt: Timestamp, updatedAt: Timestamp })
  .meta({ id: 'CsirtCampaignSummary' });

export const CampaignList = z.object({ items: z.array(CampaignSummaryDto) });

const Title = z.string().trim().min(1, 'geef een titel').max(200);
const NotificationIds = z.array(Uuid).max(500).describe('de meldingen in deze campagne (vervangt de huidige koppelingen); alle uit de inbox van dit CSIRT');

export const CampaignBody = z.strictObject({ title: Title, description: z.string().max(10_000).optional(), notificationIds: NotificationIds.optional() });
export const CampaignPatch = z
  .strictObject({ title: Title.optional(), description: z.string().max(10_000).optional(), notificationIds: NotificationIds.optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'geef minstens één veld' });

export const IncidentNotificationDto = z
  .object({
    id: Uuid,
    csirt: Org,
    kind: z.enum(REPORT_KINDS),
    name: z.string(),
    sentAt: Timestamp,
    sentBy: z.string().nullable(),
    contentHash: z.string(),
    status: Status,
    acknowledgedAt: Timestamp.nullable(),
    acknowledgedBy: z.string().nullable(),
    thread: z.array(MessageDto),
  })
  .meta({ id: 'IncidentCsirtNotification' });

export const IncidentCsirtDto = z.object({
  connected: Org.nullable().describe('het CSIRT waaraan de gemeente nu is gekoppeld; null: geen'),
  items: z.array(IncidentNotificationDto).describe('de meldingen van dit incident aan het CSIRT, oudste eerst'),
});
