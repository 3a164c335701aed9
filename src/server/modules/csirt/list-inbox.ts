import { and, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { csirtNotifications, organisations } from '../../core/db/schema.js';
import { containsPattern } from '../../core/db/rows.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { requireCsirtOrg } from './access.js';
import { presentItem } from './present.js';
import { itemRows } from './repo.js';
import type { NotificationStatus } from './schemas.js';

export interface InboxQuery {
  /** open: ontvangen and in_behandeling (the default); alle: every status */
  status: NotificationStatus | 'open' | 'alle';
  gemeente?: string;
  kind?: string;
  campaign?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/**
 * The CSIRT's inbox across all gemeenten that sent it something, newest first (sent_at, id), with
 * filters and the total of the filtered list. By default the open notifications (received or being
 * handled): what needs the analyst; `status=alle` adds the closed ones (years of them nationally, so
 * that total costs more). Only this CSIRT's notifications: the policies and an
 * explicit filter on csirt_id.
 */
export async function listInbox(ctx: OrgCtx, q: InboxQuery) {
  requireCsirtOrg(ctx);
  const { tx, org } = ctx;
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.timestamp, CURSOR_PART.uuid]) : null;
  let gemeenteId: string | undefined;
  if (q.gemeente) {
    // the organisations policy shows only linked organisations; an unknown slug has no notifications
    const [g] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, q.gemeente));
    if (!g) return { items: [], total: 0, nextCursor: null };
    gemeenteId = g.id;
  }
  const filters: (SQL | undefined)[] = [
    eq(csirtNotifications.csirtId, org.id),
    q.status === 'alle' ? undefined : q.status === 'open' ? inArray(csirtNotifications.status, ['ontvangen', 'in_behandeling']) : eq(csirtNotifications.status, q.status),
    gemeenteId ? eq(csirtNotifications.organisationId, gemeenteId) : undefined,
    q.kind ? eq(csirtNotifications.kind, q.kind) : undefined,
    q.campaign ? eq(csirtNotifications.campaignId, q.campaign) : undefined,
    q.q ? or(ilike(csirtNotifications.incidentRef, containsPattern(q.q)), ilike(csirtNotifications.incidentTitle, containsPattern(q.q))) : undefined,
  ];
  const keyset = after
    ? or(lt(csirtNotifications.sentAt, new Date(after[0])), and(eq(csirtNotifications.sentAt, new Date(after[0])), lt(csirtNotifications.id, after[1])))
    : undefined;
  const rows = await itemRows(tx, and(...filters, keyset), { limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(csirtNotifications)
    .where(and(...filters));
  const last = page.at(-1);
  return {
    items: page.map(presentItem),
    total: Number(n),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.n.sentAt.toISOString(), last.n.id]) : null,
  };
}
