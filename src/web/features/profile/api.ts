import { del, get, patch, post, rememberCsrf, seg } from '../../app/api';
import type { MeUser } from '../../app/session';
import type { Language } from '../../i18n/setup';

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface CreatedToken extends ApiToken {
  token: string;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export const sessionsKey = ['me', 'sessions'] as const;
export const tokensKey = ['me', 'tokens'] as const;

export const updateProfile = (body: { name?: string; language?: Language }) => patch<MeUser>('/me', body);
export const changePassword = (body: { currentPassword: string; newPassword: string }) => post<void>('/me/password', body);

export const startTotp = () => post<TotpEnrolment>('/me/mfa/totp');
export const confirmTotp = async (code: string) => rememberCsrf(await post<{ csrfToken: string }>('/me/mfa/totp/confirm', { code }));
export const disableTotp = (code: string) => post<void>('/me/mfa/totp/disable', { code });

export const fetchSessions = (signal?: AbortSignal) =>
  get<{ items: SessionInfo[] }>('/me/sessions', signal).then((data) => data.items);
export const revokeSession = (id: string) => del(`/me/sessions/${seg(id)}`);

export const fetchTokens = (signal?: AbortSignal) => get<{ items: ApiToken[] }>('/me/tokens', signal).then((data) => data.items);
export const createToken = (body: { name: string; expiresInDays?: number }) => post<CreatedToken>('/me/tokens', body);
export const revokeToken = (id: string) => del(`/me/tokens/${seg(id)}`);

/** The server's QR code SVG as a data: URI for <img> (inline SVG markup would need looser CSP rules). */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
