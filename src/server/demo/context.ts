import { AuditLog } from '../core/audit/audit.js';
import type { OrgCtx } from '../core/http/pipeline.js';
import type { Principal } from '../core/auth/principal.js';

/** A use-case context for loading the demo through the real use cases, as a given member. */
export function seedCtx(tx: any, org: { id: string; slug: string; name: string }, userId: string, label: string, roles: string[] = ['admin', 'bestuurder']): OrgCtx {
  const principal = { userId, email: label, memberships: [] } as unknown as Principal;
  return {
    tx,
    audit: new AuditLog({ type: 'system', id: null, label }, null),
    principal,
    org: { id: org.id, slug: org.slug, name: org.name, kind: 'gemeente', roles, access: 'member' },
    deps: undefined as any,
    request: undefined as any,
    reply: undefined as any,
  };
}
