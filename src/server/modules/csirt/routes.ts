import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { OrgParams, problems } from '../../core/http/schemas.js';
import { P } from '../incidents/policies.js';
import { C } from './policies.js';
import * as S from './schemas.js';
import { listInbox } from './list-inbox.js';
import { getNotification } from './get-notification.js';
import { acknowledge, updateNotification } from './handle-notification.js';
import { postCsirtMessage, postGemeenteMessage } from './messages.js';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.js';
import { incidentCsirt } from './incident-csirt.js';

const tags = ['csirt'];
type Params = Record<string, string>;
const params = (request: FastifyRequest) => request.params as Params;

/**
 * The report to the sector CSIRT inside Weerbaar (issue #6). The CSIRT's side (the organisation in the
 * path is a CSIRT, else 403): its inbox of what the connected gemeenten sent, acknowledging, status,
 * the thread and campaigns. The gemeente's side, under its incident: the status and the thread.
 * The CSIRT sees only what was sent, never the incident itself.
 */
export async function csirtRoutes(app: App, deps: Deps): Promise<void> {
  const org = '/organisations/:org';
  const one = `${org}/csirt-inbox/:notificationId`;

  app.get(
    `${org}/csirt-inbox`,
    {
      schema: {
        tags,
        summary: 'De inbox van het CSIRT: meldingen van alle aangesloten gemeenten, nieuwste eerst; filters op status, gemeente (slug), soort melding, campagne en tekst (kenmerk, titel)',
        params: OrgParams,
        querystring: S.InboxQuery,
        response: { 200: S.InboxPage, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, C['csirt.inbox.read'], (ctx) => listInbox(ctx, ctx.request.query as any)),
  );
  app.get(
    one,
    {
      schema: {
        tags,
        summary: 'Eén melding: precies wat is verzonden met de sha-256, de behandeling en de draad (oudste eerst)',
        params: S.NotificationParams,
        response: { 200: S.NotificationDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, C['csirt.inbox.read'], (ctx) => getNotification(ctx, params(ctx.request).notificationId)),
  );
  app.post(
    `${one}/acknowledge`,
    {
      schema: {
        tags,
        summary: 'Ontvangst bevestigen: de status gaat van ontvangen naar in behandeling, met wie en wanneer. Eén keer (409 als al bevestigd); de gemeente krijgt bericht',
        params: S.NotificationParams,
        response: { 200: S.NotificationDto, ...problems(401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, C['csirt.inbox.manage'], (ctx) => acknowledge(ctx, params(ctx.request).notificationId)),
  );
  app.patch(
    one,
    {
      schema: {
        tags,
        summary: 'Status (ontvangen, in behandeling, afgesloten) of campagne van een melding wijzigen; behandelen van een niet-bevestigde melding bevestigt de ontvangst',
        params: S.NotificationParams,
        body: S.NotificationPatch,
        response: { 200: S.NotificationDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, C['csirt.inbox.manage'], (ctx) => updateNotification(ctx, params(ctx.request).notificationId, ctx.request.body as any)),
  );
  app.post(
    `${one}/messages`,
    {
      schema: {
        tags,
        summary: 'Bericht in de draad (vraag of antwoord aan de gemeente); de draad wordt nooit gewijzigd. De behandelaars en de CISO van de gemeente krijgen bericht',
        params: S.NotificationParams,
        body: S.MessageBody,
        response: { 201: S.MessageDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, C['csirt.inbox.manage'], async (ctx) => {
      const out = await postCsirtMessage(ctx, params(ctx.request).notificationId, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    `${org}/csirt-campaigns`,
    {
      schema: { tags, summary: 'Campagnen van het CSIRT: samenhangende meldingen van meerdere gemeenten', params: OrgParams, response: { 200: S.CampaignList, ...problems(401, 403, 404) } },
    },
    inOrganisation(deps, C['csirt.inbox.read'], (ctx) => listCampaigns(ctx)),
  );
  app.post(
    `${org}/csirt-campaigns`,
    {
      schema: {
        tags,
        summary: 'Campagne aanmaken, eventueel met meldingen (alle uit de inbox van dit CSIRT, van elke gemeente)',
        params: OrgParams,
        body: S.CampaignBody,
        response: { 201: S.CampaignDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, C['csirt.inbox.manage'], async (ctx) => {
      const out = await createCampaign(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    `${org}/csirt-campaigns/:campaignId`,
    { schema: { tags, summary: 'Eén campagne met de gekoppelde meldingen', params: S.CampaignParams, response: { 200: S.CampaignDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, C['csirt.inbox.read'], (ctx) => getCampaign(ctx, params(ctx.request).campaignId)),
  );
  app.patch(
    `${org}/csirt-campaigns/:campaignId`,
    {
      schema: {
        tags,
        summary: 'Campagne wijzigen; notificationIds vervangt de gekoppelde meldingen (alle uit de inbox van dit CSIRT, 400 anders)',
        params: S.CampaignParams,
        body: S.CampaignPatch,
        response: { 200: S.CampaignDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, C['csirt.inbox.manage'], (ctx) => updateCampaign(ctx, params(ctx.request).campaignId, ctx.request.body as any)),
  );

  /* ---------- the gemeente's side, under its incident ---------- */
  const inc = `${org}/incidents/:incidentId/csirt`;
  app.get(
    inc,
    {
      schema: {
        tags,
        summary: 'De meldingen van dit incident aan het CSIRT: status, ontvangstbevestiging (wie, wanneer) en de draad',
        params: S.IncidentCsirtParams,
        response: { 200: S.IncidentCsirtDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.read'], (ctx) => incidentCsirt(ctx, params(ctx.request).incidentId)),
  );
  app.post(
    `${inc}/:notificationId/messages`,
    {
      schema: {
        tags,
        summary: 'Bericht aan het CSIRT in de draad van een melding (vraag of antwoord); de analisten van het CSIRT krijgen bericht',
        params: S.IncidentNotificationParams,
        body: S.MessageBody,
        response: { 201: S.MessageDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], async (ctx) => {
      const out = await postGemeenteMessage(ctx, params(ctx.request).incidentId, params(ctx.request).notificationId, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
}
