import { and, asc, desc, eq, inArray, ne, or, isNull, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { csirtCampaigns, csirtNotifications } from '../../core/db/schema.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { requireCsirtOrg } from './access.js';
import { presentItem } from './present.js';
import { itemRows, loadCampaign, type CampaignRow } from './repo.js';

/*
 * Campaigns: the CSIRT links related notifications of several gemeenten (the same attacker, the same
 * supplier). A notification is in at most one campaign; every linked notification must be in this
 * CSIRT's inbox.
 */

async function present(ctx: OrgCtx, c: CampaignRow) {
  const items = (await itemRows(ctx.tx, and(eq(csirtNotifications.csirtId, ctx.org.id), eq(csirtNotifications.campaignId, c.id)))).map(presentItem);
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    notifications: items,
    gemeenten: new Set(items.map((i) => i.gemeente.slug ?? i.gemeente.name)).size,
    createdAt: iso(c.createdAt)!,
    updatedAt: iso(c.updatedAt)!,
  };
}

/** 400 naming each id that is not in this CSIRT's inbox. */
async function assertInInbox(ctx: OrgCtx, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = new Set(
    (
      await ctx.tx
        .select({ id: csirtNotifications.id })
        .from(csirtNotifications)
        .where(and(eq(csirtNotifications.csirtId, ctx.org.id), inArray(csirtNotifications.id, unique)))
    ).map((r) => r.id),
  );
  const errors = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `body.notificationIds.${i}`, message: `melding ${id} staat niet in de inbox van dit CSIRT` }]));
  if (errors.length) throw badRequest('Een campagne koppelt alleen meldingen uit de inbox van dit CSIRT.', errors);
}

/** Makes exactly `ids` the campaign's notifications (others are released from it). */
async function link(ctx: OrgCtx, campaignId: string, ids: readonly string[], now: Date) {
  const { tx, org } = ctx;
  await tx
    .update(csirtNotifications)
    .set({ campaignId: null, updatedAt: now })
    .where(and(eq(csirtNotifications.csirtId, org.id), eq(csirtNotifications.campaignId, campaignId), ids.length ? sql`not (${inArray(csirtNotifications.id, [...ids])})` : undefined));
  if (ids.length)
    await tx
      .update(csirtNotifications)
      .set({ campaignId, updatedAt: now })
      .where(
        and(
          eq(csirtNotifications.csirtId, org.id),
          inArray(csirtNotifications.id, [...new Set(ids)]),
          or(isNull(csirtNotifications.campaignId), ne(csirtNotifications.campaignId, campaignId)),
        ),
      );
}

export async function listCampaigns(ctx: OrgCtx) {
  requireCsirtOrg(ctx);
  const { tx, org } = ctx;
  const rows = await tx
    .select({
      c: csirtCampaigns,
      notifications: sql<number>`(select count(*) from csirt_notifications n where n.campaign_id = csirt_campaigns.id and n.csirt_id = ${org.id})`.mapWith(Number),
      gemeenten: sql<number>`(select count(distinct n.organisation_id) from csirt_notifications n where n.campaign_id = csirt_campaigns.id and n.csirt_id = ${org.id})`.mapWith(Number),
    })
    .from(csirtCampaigns)
    .where(eq(csirtCampaigns.organisationId, org.id))
    .orderBy(desc(csirtCampaigns.updatedAt), asc(csirtCampaigns.title));
  return {
    items: rows.map((r) => ({
      id: r.c.id,
      title: r.c.title,
      description: r.c.description,
      notifications: r.notifications,
      gemeenten: r.gemeenten,
      createdAt: iso(r.c.createdAt)!,
      updatedAt: iso(r.c.updatedAt)!,
    })),
  };
}

export async function createCampaign(ctx: OrgCtx, input: { title: string; description?: string; notificationIds?: string[] }, now: Date = new Date()) {
  requireCsirtOrg(ctx);
  const { tx, org, audit } = ctx;
  await assertInInbox(ctx, input.notificationIds ?? []);
  const [row] = await tx
    .insert(csirtCampaigns)
    .values({ organisationId: org.id, title: input.title, description: input.description ?? '', createdAt: now, updatedAt: now })
    .returning();
  if (input.notificationIds?.length) await link(ctx, row.id, input.notificationIds, now);
  audit.record({ organisationId: org.id, entityType: 'csirt_campaign', entityId: row.id, action: 'create', after: { title: row.title, description: row.description, notificationIds: input.notificationIds ?? [] } });
  return present(ctx, row);
}

async function requireCampaign(ctx: OrgCtx, id: string) {
  requireCsirtOrg(ctx);
  const c = await loadCampaign(ctx.tx, ctx.org.id, id);
  if (!c) throw notFound('Deze campagne bestaat niet bij dit CSIRT.');
  return c;
}

export async function getCampaign(ctx: OrgCtx, id: string) {
  return present(ctx, await requireCampaign(ctx, id));
}

export async function updateCampaign(ctx: OrgCtx, id: string, input: { title?: string; description?: string; notificationIds?: string[] }, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const old = await requireCampaign(ctx, id);
  if (input.notificationIds) await assertInInbox(ctx, input.notificationIds);
  const before = (await itemRows(tx, and(eq(csirtNotifications.csirtId, org.id), eq(csirtNotifications.campaignId, id)))).map((r) => r.n.id).sort();
  const [row] = await tx
    .update(csirtCampaigns)
    .set({ title: input.title ?? old.title, description: input.description ?? old.description, updatedAt: now })
    .where(and(eq(csirtCampaigns.organisationId, org.id), eq(csirtCampaigns.id, id)))
    .returning();
  if (input.notificationIds) await link(ctx, id, input.notificationIds, now);
  audit.record({
    organisationId: org.id,
    entityType: 'csirt_campaign',
    entityId: id,
    action: 'update',
    before: { title: old.title, description: old.description, notificationIds: before },
    after: { title: row.title, description: row.description, notificationIds: input.notificationIds ? [...new Set(input.notificationIds)].sort() : before },
  });
  return present(ctx, row);
}
