import { del, get, post, put, seg } from '../../app/api';

export interface Member {
  userId: string;
  email: string;
  name: string;
  roles: string[];
  mfaEnabled: boolean;
}

export interface Invitation {
  id: string;
  email: string;
  roles: string[];
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface CreatedInvitation {
  id: string;
  email: string;
  roles: string[];
  expiresAt: string;
  acceptUrl: string;
}

const base = (slug: string) => `/organisations/${seg(slug)}`;

export const membersKey = (slug: string) => ['organisation', slug, 'members'] as const;
export const invitationsKey = (slug: string) => ['organisation', slug, 'invitations'] as const;

export const fetchMembers = (slug: string, signal?: AbortSignal) =>
  get<{ items: Member[] }>(`${base(slug)}/members`, signal).then((data) => data.items);
export const updateMemberRoles = (slug: string, userId: string, roles: string[]) =>
  put<unknown>(`${base(slug)}/members/${seg(userId)}`, { roles });
export const removeMember = (slug: string, userId: string) => del(`${base(slug)}/members/${seg(userId)}`);
export const addMember = (slug: string, body: { email: string; roles: string[] }) => post<unknown>(`${base(slug)}/members`, body);

export const fetchInvitations = (slug: string, signal?: AbortSignal) =>
  get<{ items: Invitation[] }>(`${base(slug)}/invitations`, signal).then((data) => data.items);
export const createInvitation = (slug: string, body: { email: string; roles: string[] }) =>
  post<CreatedInvitation>(`${base(slug)}/invitations`, body);
export const revokeInvitation = (slug: string, id: string) => del(`${base(slug)}/invitations/${seg(id)}`);
