import { get, post, rememberCsrf, seg } from '../../app/api';

export interface LoginResult {
  mfaRequired: boolean;
  mfaEnrolmentRequired: boolean;
  csrfToken: string;
}

export interface OidcProvider {
  organisation: string;
  name: string;
  label: string;
}

export interface InvitationInfo {
  organisation: { slug: string; name: string };
  email: string;
  existingUser: boolean;
}

export const login = async (body: { email: string; password: string }) =>
  rememberCsrf(await post<LoginResult>('/auth/login', body));

export const verifyMfa = async (code: string) => rememberCsrf(await post<LoginResult>('/auth/mfa', { code }));

export const fetchProviders = (signal?: AbortSignal) =>
  get<{ items: OidcProvider[] }>('/auth/oidc/providers', signal).then((data) => data.items);

export const oidcStartUrl = (organisation: string) => `/api/v1/auth/oidc/${seg(organisation)}/start`;

export const fetchSetupStatus = (signal?: AbortSignal) => get<{ required: boolean }>('/setup', signal);

export const completeSetup = (body: { token: string; email: string; name: string; password: string }) =>
  post<unknown>('/setup', body);

export const fetchInvitation = (token: string, signal?: AbortSignal) =>
  get<InvitationInfo>(`/invitations/${seg(token)}`, signal);

export const acceptInvitation = async (token: string, body: { name?: string; password?: string }) =>
  rememberCsrf(await post<{ csrfToken: string }>(`/invitations/${seg(token)}/accept`, body));
