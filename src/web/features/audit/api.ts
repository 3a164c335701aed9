import { get, post, seg } from '../../app/api';

export interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { type: 'user' | 'token' | 'system'; id: string | null; email: string | null };
  entityType: string;
  entityId: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown; redacted?: boolean }> | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBroken: { seq: number; id: string | null; reason: string } | null;
}

export const PAGE_SIZE = 50;

export const auditKey = (slug: string) => ['organisation', slug, 'audit'] as const;

export function fetchAuditEvents(slug: string, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return get<AuditPage>(`/organisations/${seg(slug)}/audit-events?${params.toString()}`, signal);
}

export const verifyChain = (slug: string) => post<ChainVerification>(`/organisations/${seg(slug)}/audit-events/verify`);
