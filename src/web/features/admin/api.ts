import { get, post, seg } from '../../app/api';
import type { OrganisationKind } from '../../../shared/roles';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  isInstallationAdmin: boolean;
  mfaEnabled: boolean;
  /** `organisation` is the organisation's slug. */
  memberships: Array<{ organisation: string; roles: string[] }>;
}

export interface UsersPage {
  items: AdminUser[];
  nextCursor: string | null;
}

export const usersKey = ['admin', 'users'] as const;

/** GET /users — paged (by e-mail) and searchable on e-mail and name. */
export function fetchUsers(query: string, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: '50' });
  if (query) params.set('q', query);
  if (cursor) params.set('cursor', cursor);
  return get<UsersPage>(`/users?${params.toString()}`, signal);
}

export const createUser = (body: { email: string; name: string; password: string; isInstallationAdmin?: boolean }) =>
  post<unknown>('/users', body);

export const createOrganisation = (body: { slug: string; name: string; kind: OrganisationKind }) =>
  post<unknown>('/organisations', body);

export const addMembership = (slug: string, body: { email: string; roles: string[] }) =>
  post<unknown>(`/organisations/${seg(slug)}/members`, body);
