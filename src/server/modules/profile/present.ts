import type { Principal } from '../../core/auth/principal.js';
import { permissionsFor } from '../../core/policies.js';
import { iso } from '../../core/http/schemas.js';

export function presentMe(p: Principal, csrfToken: string | null) {
  return {
    user: {
      id: p.userId,
      email: p.email,
      name: p.name,
      language: (p.language === 'en' ? 'en' : 'nl') as 'nl' | 'en',
      isInstallationAdmin: p.isInstallationAdmin,
      mfaEnabled: p.mfaEnabled,
    },
    memberships: p.memberships.map((m) => ({
      organisation: { id: m.organisationId, slug: m.slug, name: m.name, kind: m.kind },
      roles: m.roles,
      permissions: permissionsFor(m.roles),
    })),
    session: { via: p.via, mfaPending: p.mfaPending, mfaEnrolmentRequired: p.mfaEnrolmentRequired },
    csrfToken,
  };
}

export function presentToken(t: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null }) {
  return { id: t.id, name: t.name, createdAt: iso(t.createdAt)!, lastUsedAt: iso(t.lastUsedAt), expiresAt: iso(t.expiresAt) };
}
