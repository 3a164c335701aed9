import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/http/pipeline.js';
import { rowsOf } from '../../core/db/rows.js';
import { notFound } from '../../core/http/problem.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { iso } from '../../core/http/schemas.js';

/*
 * The inbox spans all of the user's organisations, so it runs in a system transaction and every
 * query is filtered on the user and on the organisations they are still a member of.
 */

const orgIdsOf = (ctx: Ctx) => ctx.principal.memberships.map((m) => m.organisationId);

export async function listInbox(ctx: Ctx, q: { unread?: 'true' | 'false'; limit: number; cursor?: string }) {
  const orgIds = orgIdsOf(ctx);
  if (!orgIds.length) return { items: [], unread: 0, nextCursor: null };
  const userId = ctx.principal.userId;
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.timestamp, CURSOR_PART.uuid]) : null;
  const rows = rowsOf<{
    id: string;
    slug: string;
    name: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    createdAt: Date | string;
    readAt: Date | string | null;
    key: string;
  }>(
    await ctx.tx.execute(sql`
      select n.id, o.slug, o.name, n.kind, n.title, n.body, n.link, n.created_at as "createdAt", n.read_at as "readAt",
             to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key
      from notifications n join organisations o on o.id = n.organisation_id
      where n.user_id = ${userId} and n.organisation_id in ${orgIds}
        and (${q.unread === 'true'} = false or n.read_at is null)
        and (${after?.[0] ?? null}::timestamptz is null or (n.created_at, n.id) < (${after?.[0] ?? null}::timestamptz, ${after?.[1] ?? null}::uuid))
      order by n.created_at desc, n.id desc
      limit ${q.limit + 1}`),
  );
  const [{ unread }] = rowsOf<{ unread: number }>(
    await ctx.tx.execute(sql`select count(*)::int as unread from notifications where user_id = ${userId} and organisation_id in ${orgIds} and read_at is null`),
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((n) => ({
      id: n.id,
      organisation: { slug: n.slug, name: n.name },
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: iso(n.createdAt)!,
      readAt: iso(n.readAt),
    })),
    unread: Number(unread),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.key, last.id]) : null,
  };
}

export async function markRead(ctx: Ctx, id: string) {
  const orgIds = orgIdsOf(ctx);
  const hit = orgIds.length
    ? rowsOf(
        await ctx.tx.execute(sql`
          update notifications set read_at = coalesce(read_at, now())
          where id = ${id} and user_id = ${ctx.principal.userId} and organisation_id in ${orgIds} returning id`),
      )
    : [];
  if (!hit.length) throw notFound('Dit bericht bestaat niet of is niet voor u.');
}

export async function markAllRead(ctx: Ctx) {
  const orgIds = orgIdsOf(ctx);
  if (!orgIds.length) return;
  await ctx.tx.execute(sql`
    update notifications set read_at = now()
    where user_id = ${ctx.principal.userId} and organisation_id in ${orgIds} and read_at is null`);
}
