import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../core/db/client.js';
import { csirtCampaigns, csirtMessages, csirtNotifications, organisationLinks, organisations } from '../../core/db/schema.js';

export type NotificationRow = typeof csirtNotifications.$inferSelect;
export type MessageRow = typeof csirtMessages.$inferSelect;
export type CampaignRow = typeof csirtCampaigns.$inferSelect;

/** The CSIRT the gemeente is connected to now (organisation_links, kind 'csirt'), if any. */
export async function connectedCsirt(tx: Executor, gemeenteId: string): Promise<{ id: string; slug: string; name: string } | null> {
  const [row] = await tx
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisationLinks)
    .innerJoin(organisations, eq(organisations.id, organisationLinks.targetId))
    .where(and(eq(organisationLinks.organisationId, gemeenteId), eq(organisationLinks.kind, 'csirt'), eq(organisations.kind, 'csirt')));
  return row ?? null;
}

const gemeente = alias(organisations, 'gemeente');
const csirt = alias(organisations, 'csirt');

/** A notification with what the lists show next to it: both organisations' names, the campaign, the thread's size and last side. */
export const itemColumns = {
  n: csirtNotifications,
  gemeenteSlug: gemeente.slug,
  gemeenteName: gemeente.name,
  csirtSlug: csirt.slug,
  csirtName: csirt.name,
  campaignTitle: csirtCampaigns.title,
  messages: sql<number>`(select count(*) from csirt_messages m where m.notification_id = csirt_notifications.id)`.mapWith(Number),
  lastSide: sql<string | null>`(select m.author_side from csirt_messages m where m.notification_id = csirt_notifications.id order by m.created_at desc, m.id desc limit 1)`,
};
export type ItemRow = {
  n: NotificationRow;
  gemeenteSlug: string | null;
  gemeenteName: string | null;
  csirtSlug: string | null;
  csirtName: string | null;
  campaignTitle: string | null;
  messages: number;
  lastSide: string | null;
};

/**
 * Notifications with their list columns. The organisations' names come through the organisations policy
 * (linked organisations are visible); a gemeente no longer linked keeps its notifications, without a name.
 */
export async function itemRows(tx: Executor, where: SQL | undefined, opts: { limit?: number; order?: 'newest' | 'oldest' } = {}): Promise<ItemRow[]> {
  const q = tx
    .select(itemColumns)
    .from(csirtNotifications)
    .leftJoin(gemeente, eq(gemeente.id, csirtNotifications.organisationId))
    .leftJoin(csirt, eq(csirt.id, csirtNotifications.csirtId))
    .leftJoin(csirtCampaigns, eq(csirtCampaigns.id, csirtNotifications.campaignId))
    .where(where)
    .orderBy(...(opts.order === 'oldest' ? [asc(csirtNotifications.sentAt), asc(csirtNotifications.id)] : [desc(csirtNotifications.sentAt), desc(csirtNotifications.id)]));
  return (opts.limit ? q.limit(opts.limit) : q) as Promise<ItemRow[]>;
}

/** One notification in the CSIRT's inbox (explicitly this CSIRT's, on top of the policies). */
export async function loadForCsirt(tx: Executor, csirtId: string, id: string): Promise<ItemRow | null> {
  const [row] = await itemRows(tx, and(eq(csirtNotifications.csirtId, csirtId), eq(csirtNotifications.id, id)));
  return row ?? null;
}

/** The thread, oldest first. */
export async function threadOf(tx: Executor, notificationIds: readonly string[]): Promise<MessageRow[]> {
  if (notificationIds.length === 0) return [];
  return tx
    .select()
    .from(csirtMessages)
    .where(sql`${csirtMessages.notificationId} = any(${`{${notificationIds.join(',')}}`}::uuid[])`)
    .orderBy(asc(csirtMessages.createdAt), asc(csirtMessages.id));
}

export async function loadCampaign(tx: Executor, csirtId: string, id: string): Promise<CampaignRow | null> {
  const [row] = await tx
    .select()
    .from(csirtCampaigns)
    .where(and(eq(csirtCampaigns.organisationId, csirtId), eq(csirtCampaigns.id, id)));
  return row ?? null;
}
