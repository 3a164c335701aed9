/** Roles a user can hold per organisation (membership). Shared by server and web. */
export const ROLES = ['admin', 'ciso', 'privacy', 'oov', 'bestuurder', 'raad', 'auditor', 'medewerker', 'analist'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['gemeente', 'csirt', 'veiligheidsregio', 'samenwerkingsverband'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Roles that only make sense on a certain kind of organisation. */
export function roleAllowedFor(role: Role, kind: OrganisationKind): boolean {
  if (role === 'analist') return kind === 'csirt';
  return true;
}
