import { iso } from '../../core/http/schemas.js';
import type { loadLinks } from './repo.js';

type Links = Awaited<ReturnType<typeof loadLinks>>;

export function presentOrganisation(
  o: { id: string; slug: string; name: string; kind: string; mfaRequired: boolean },
  links: Links,
  permissions: string[],
) {
  const out = (kind: string) => {
    const l = links.find((x) => x.direction === 'out' && x.kind === kind);
    return l ? { slug: l.slug, name: l.name } : null;
  };
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    kind: o.kind as any,
    mfaRequired: o.mfaRequired,
    csirt: out('csirt'),
    veiligheidsregio: out('veiligheidsregio'),
    connected: links.filter((l) => l.direction === 'in').map((l) => ({ slug: l.slug, name: l.name, kind: l.orgKind as any })),
    permissions,
  };
}

export function presentInvitation(i: { id: string; email: string; roles: string[]; createdAt: Date; expiresAt: Date; acceptedAt: Date | null }) {
  return { id: i.id, email: i.email, roles: i.roles, createdAt: iso(i.createdAt)!, expiresAt: iso(i.expiresAt)!, acceptedAt: iso(i.acceptedAt) };
}
