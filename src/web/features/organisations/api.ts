import { get, patch, put, seg } from '../../app/api';
import type { OrganisationDetail } from '../../shared/organisation';

export interface OrganisationUpdate {
  name?: string;
  mfaRequired?: boolean;
  csirt?: string | null;
  veiligheidsregio?: string | null;
}

export interface OidcConfig {
  enabled: boolean;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  label: string;
}

export interface OidcConfigUpdate {
  enabled: boolean;
  issuer: string;
  clientId: string;
  label?: string;
  clientSecret?: string;
}

export const oidcKey = (slug: string) => ['organisation', slug, 'oidc'] as const;

export const updateOrganisation = (slug: string, body: OrganisationUpdate) =>
  patch<OrganisationDetail>(`/organisations/${seg(slug)}`, body);

export const fetchOidc = (slug: string, signal?: AbortSignal) => get<OidcConfig>(`/organisations/${seg(slug)}/oidc`, signal);

export const saveOidc = (slug: string, body: OidcConfigUpdate) => put<OidcConfig>(`/organisations/${seg(slug)}/oidc`, body);
