import { and, eq, isNull } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { csirtNotifications } from '../../core/db/schema.js';
import { badRequest, conflict, notFound } from '../../core/http/problem.js';
import { localTime } from '../incidents/repo.js';
import { kindName } from '../incidents/deadlines.js';
import { nameOf } from './access.js';
import { requireInInbox } from './get-notification.js';
import { noticeToGemeente } from './notices.js';
import { presentNotification } from './present.js';
import { loadCampaign, loadForCsirt, threadOf, type ItemRow } from './repo.js';
import type { NotificationStatus } from './schemas.js';

/* The CSIRT handles a notification: acknowledges it, changes its status, links it to a campaign. */

const STATUS_TEXT: Record<NotificationStatus, string> = { ontvangen: 'ontvangen', in_behandeling: 'in behandeling', afgesloten: 'afgesloten' };

const view = (n: ItemRow['n']) => ({ status: n.status, acknowledgedAt: n.acknowledgedAt, acknowledgedBy: n.acknowledgedByName, campaignId: n.campaignId });

async function tellGemeente(ctx: OrgCtx, r: ItemRow, title: string, body: string) {
  await noticeToGemeente(ctx.tx, ctx.org.id, r.n.organisationId, r.n.incidentId, {
    kind: 'csirt_status',
    subjectType: 'incident',
    subjectId: r.n.incidentId,
    title,
    body,
    link: r.gemeenteSlug ? `/o/${r.gemeenteSlug}/incidenten/${r.n.incidentId}` : null,
  });
}

async function reload(ctx: OrgCtx, id: string) {
  const row = (await loadForCsirt(ctx.tx, ctx.org.id, id))!;
  return presentNotification(row, await threadOf(ctx.tx, [id]));
}

/** Ontvangst bevestigen: ontvangen → in_behandeling, with who and when. Once (409 the second time). */
export async function acknowledge(ctx: OrgCtx, id: string, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const old = await requireInInbox(ctx, id);
  if (old.n.acknowledgedAt)
    throw conflict(`De ontvangst van deze melding is al bevestigd op ${localTime(old.n.acknowledgedAt)} door ${old.n.acknowledgedByName ?? 'onbekend'}.`);
  const who = nameOf(ctx);
  const [updated] = await tx
    .update(csirtNotifications)
    .set({ status: old.n.status === 'ontvangen' ? 'in_behandeling' : old.n.status, acknowledgedAt: now, acknowledgedByName: who, updatedAt: now })
    // guarded against a concurrent acknowledgement
    .where(and(eq(csirtNotifications.csirtId, org.id), eq(csirtNotifications.id, id), isNull(csirtNotifications.acknowledgedAt)))
    .returning({ id: csirtNotifications.id, status: csirtNotifications.status });
  if (!updated) throw conflict('De ontvangst van deze melding is zojuist al bevestigd.');
  await tellGemeente(ctx, old, `${org.name} heeft de ${kindName(old.n.kind).toLowerCase()} ontvangen`, `${old.n.incidentRef} ${old.n.incidentTitle}: in behandeling bij het CSIRT (${who}).`);
  audit.record({ organisationId: org.id, entityType: 'csirt_notification', entityId: id, action: 'acknowledge', before: view(old.n), after: { status: updated.status, acknowledgedAt: now, acknowledgedBy: who } });
  return reload(ctx, id);
}

/** Status and campaign of a notification. */
export async function updateNotification(ctx: OrgCtx, id: string, input: { status?: NotificationStatus; campaignId?: string | null }, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const old = await requireInInbox(ctx, id);
  if (input.campaignId && !(await loadCampaign(tx, org.id, input.campaignId)))
    throw badRequest('Deze campagne bestaat niet bij dit CSIRT.', [{ path: 'body.campaignId', message: `campagne ${input.campaignId} bestaat niet bij dit CSIRT` }]);
  const status = input.status ?? old.n.status;
  // handling a notification that was not acknowledged yet acknowledges it
  const acknowledges = !old.n.acknowledgedAt && status !== 'ontvangen';
  const next = {
    status,
    campaignId: input.campaignId !== undefined ? input.campaignId : old.n.campaignId,
    acknowledgedAt: acknowledges ? now : old.n.acknowledgedAt,
    acknowledgedByName: acknowledges ? nameOf(ctx) : old.n.acknowledgedByName,
  };
  await tx
    .update(csirtNotifications)
    .set({ ...next, updatedAt: now })
    .where(and(eq(csirtNotifications.csirtId, org.id), eq(csirtNotifications.id, id)));
  if (status !== old.n.status)
    await tellGemeente(
      ctx,
      old,
      `${org.name}: ${kindName(old.n.kind).toLowerCase()} ${STATUS_TEXT[status as NotificationStatus]}`,
      `${old.n.incidentRef} ${old.n.incidentTitle}: de status bij het CSIRT is nu ${STATUS_TEXT[status as NotificationStatus]} (was ${STATUS_TEXT[old.n.status as NotificationStatus] ?? old.n.status}).`,
    );
  audit.record({
    organisationId: org.id,
    entityType: 'csirt_notification',
    entityId: id,
    action: 'update',
    before: view(old.n),
    after: { status: next.status, acknowledgedAt: next.acknowledgedAt, acknowledgedBy: next.acknowledgedByName, campaignId: next.campaignId },
  });
  const out = await loadForCsirt(tx, org.id, id);
  if (!out) throw notFound();
  return presentNotification(out, await threadOf(tx, [id]));
}
