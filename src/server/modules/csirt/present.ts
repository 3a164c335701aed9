import { iso } from '../../core/http/schemas.js';
import { kindName } from '../incidents/deadlines.js';
import type { ItemRow, MessageRow } from './repo.js';

/** The name shown for an organisation that is no longer linked (its name is then not visible). */
const UNKNOWN = '(niet meer gekoppeld)';

export const presentMessage = (m: MessageRow) => ({
  id: m.id,
  side: m.authorSide as 'gemeente' | 'csirt',
  author: m.authorName,
  body: m.body,
  createdAt: iso(m.createdAt)!,
});

const handling = (n: ItemRow['n']) => ({
  status: n.status as 'ontvangen' | 'in_behandeling' | 'afgesloten',
  acknowledgedAt: iso(n.acknowledgedAt),
  acknowledgedBy: n.acknowledgedByName,
});

/** A row of the CSIRT's inbox. */
export function presentItem(r: ItemRow) {
  const n = r.n;
  return {
    id: n.id,
    gemeente: { slug: r.gemeenteSlug, name: r.gemeenteName ?? UNKNOWN },
    incident: { ref: n.incidentRef, title: n.incidentTitle },
    kind: n.kind as any,
    name: kindName(n.kind),
    regime: n.regime as 'cbw' | 'avg',
    sentAt: iso(n.sentAt)!,
    sentBy: n.sentByName,
    ...handling(n),
    campaign: n.campaignId ? { id: n.campaignId, title: r.campaignTitle ?? '' } : null,
    messages: r.messages,
    awaitingReply: r.lastSide === 'gemeente',
  };
}

/** One notification for the CSIRT: the inbox row plus exactly what was sent, its hash and the thread. */
export function presentNotification(r: ItemRow, thread: readonly MessageRow[]) {
  return {
    ...presentItem(r),
    content: r.n.content as Record<string, unknown>,
    contentHash: r.n.contentHash,
    thread: thread.map(presentMessage),
  };
}

/** One notification for the gemeente that sent it: how the CSIRT handles it, and the thread. */
export function presentForGemeente(r: ItemRow, thread: readonly MessageRow[]) {
  const n = r.n;
  return {
    id: n.id,
    csirt: { slug: r.csirtSlug, name: r.csirtName ?? UNKNOWN },
    kind: n.kind as any,
    name: kindName(n.kind),
    sentAt: iso(n.sentAt)!,
    sentBy: n.sentByName,
    contentHash: n.contentHash,
    ...handling(n),
    thread: thread.map(presentMessage),
  };
}
