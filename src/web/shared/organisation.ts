import { useQuery } from '@tanstack/react-query';
import { useOutletContext } from 'react-router';
import { get, seg } from '../app/api';
import type { OrganisationKind } from '../../shared/roles';

export type OrganisationAccess = 'member' | 'connected' | 'installation';

export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  access: OrganisationAccess;
}

export interface OrganisationRef {
  slug: string;
  name: string;
}

export interface OrganisationDetail {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  mfaRequired: boolean;
  csirt: OrganisationRef | null;
  veiligheidsregio: OrganisationRef | null;
  connected: Array<OrganisationRef & { kind: OrganisationKind }>;
  permissions: string[];
}

export const PERMISSIONS = {
  manageOrganisation: 'organisation.manage',
  manageMembers: 'members.manage',
  readAudit: 'audit.read',
  readMembers: 'members.read',
  readMeasures: 'measures.read',
  manageMeasures: 'measures.manage',
} as const;

export { ORGANISATION_KINDS } from '../../shared/roles';

export const organisationsKey = ['organisations'] as const;
export const organisationKey = (slug: string) => ['organisation', slug] as const;

/** GET /organisations: every organisation the user can see (member, connected via CSIRT/region, installation admin). */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: organisationsKey,
    queryFn: ({ signal }) => get<{ items: OrganisationSummary[] }>('/organisations', signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useOrganisation(slug: string | undefined) {
  return useQuery({
    queryKey: organisationKey(slug ?? ''),
    queryFn: ({ signal }) => get<OrganisationDetail>(`/organisations/${seg(slug ?? '')}`, signal),
    enabled: Boolean(slug),
  });
}

export function can(organisation: Pick<OrganisationDetail, 'permissions'> | undefined, permission: string): boolean {
  return Boolean(organisation?.permissions.includes(permission));
}

/** Inside /o/:org pages: the organisation loaded by the organisation layout route. */
export function useCurrentOrganisation(): OrganisationDetail {
  return useOutletContext<OrganisationDetail>();
}
