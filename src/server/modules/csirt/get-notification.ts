import type { OrgCtx } from '../../core/http/pipeline.js';
import { notFound } from '../../core/http/problem.js';
import { requireCsirtOrg } from './access.js';
import { presentNotification } from './present.js';
import { loadForCsirt, threadOf, type ItemRow } from './repo.js';

/** A notification in this CSIRT's inbox, else 404. */
export async function requireInInbox(ctx: OrgCtx, id: string): Promise<ItemRow> {
  requireCsirtOrg(ctx);
  const row = await loadForCsirt(ctx.tx, ctx.org.id, id);
  if (!row) throw notFound('Deze melding staat niet in de inbox van dit CSIRT.');
  return row;
}

/** Exactly what was sent, its hash, how it is handled, and the thread (oldest first). */
export async function getNotification(ctx: OrgCtx, id: string) {
  const row = await requireInInbox(ctx, id);
  return presentNotification(row, await threadOf(ctx.tx, [id]));
}
