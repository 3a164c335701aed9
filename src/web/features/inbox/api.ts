import { get, post, seg } from '../../app/api';

/** A notice for the signed-in user, from any of their organisations (GET /inbox). */
export interface Notice {
  id: string;
  organisation: { slug: string; name: string };
  kind: string;
  title: string;
  body: string;
  /** A path in the app (e.g. /o/zuidhaven/compliance/evidence) or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: Notice[];
  unread: number;
  nextCursor: string | null;
}

export const INBOX_PAGE_SIZE = 25;
export const inboxKey = ['inbox'] as const;
export const inboxListKey = (unreadOnly: boolean) => [...inboxKey, 'list', unreadOnly] as const;
export const inboxCountKey = [...inboxKey, 'count'] as const;

export function fetchInbox(unreadOnly: boolean, cursor: string | null, limit = INBOX_PAGE_SIZE, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (unreadOnly) params.set('unread', 'true');
  if (cursor) params.set('cursor', cursor);
  return get<InboxPage>(`/inbox?${params.toString()}`, signal);
}

export const markRead = (id: string) => post<void>(`/inbox/${seg(id)}/read`);
export const markAllRead = () => post<void>('/inbox/read-all');
