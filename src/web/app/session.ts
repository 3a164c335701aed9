import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { get, isApiError, post, rememberCsrf, setCsrfToken } from './api';
import type { Language } from '../i18n/setup';
import type { OrganisationKind } from '../../shared/roles';

export interface MeUser {
  id: string;
  email: string;
  name: string;
  language: Language;
  isInstallationAdmin: boolean;
  mfaEnabled: boolean;
}

export interface Membership {
  organisation: { id: string; slug: string; name: string; kind: OrganisationKind };
  roles: string[];
  permissions: string[];
}

export interface Me {
  user: MeUser;
  memberships: Membership[];
  session: { mfaPending: boolean; mfaEnrolmentRequired: boolean };
  csrfToken: string;
}

export const ME_KEY = ['me'] as const;

/** GET /me; resolves to null when nobody is logged in (401). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = rememberCsrf(await get<Me>('/me', signal));
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

/** Logs out on the server (best effort) and forgets every cached query. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await post<void>('/auth/logout');
    } catch {
      // The session may already be gone; the client state is cleared either way.
    }
    setCsrfToken(null);
    queryClient.removeQueries();
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);
}

/** Only same-site paths are allowed as a post-login destination. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/** The logged-in user inside the Shell (whose guard guarantees one). */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe used outside the signed-in shell');
  return data;
}
