import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { auditEvents } from '../../core/db/schema.js';
import { iso } from '../../core/http/schemas.js';

/** Newest first; the cursor is the sequence number of the last event on the previous page. */
export async function listAuditEvents(tx: Executor, chain: string, q: { limit: number; cursor?: string; entityType?: string }) {
  const rows = await tx
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.chain, chain),
        q.cursor ? lt(auditEvents.seq, Number(q.cursor)) : undefined,
        q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((e) => ({
      id: e.id,
      seq: e.seq,
      occurredAt: iso(e.occurredAt)!,
      actor: { type: e.actorType as 'user' | 'token' | 'system', id: e.actorId, email: e.actorLabel },
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      changes: e.changes as Record<string, { before: unknown; after: unknown }>,
      requestId: e.requestId,
    })),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1].seq) : null,
  };
}
