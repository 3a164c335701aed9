import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessions } from '../db/schema.js';
import type { Executor } from '../db/client.js';
import type { Config } from '../config.js';
import { randomToken, sha256 } from './crypto.js';

export const SESSION_COOKIE = 'weerbaar_session';

/** The CSRF token is derived from the session token: nothing to store, changes when the session rotates. */
export const csrfFor = (sessionToken: string) => sha256(`csrf:${sessionToken}`);

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
}

export async function createSession(
  tx: Executor,
  config: Config,
  input: { userId: string; mfaPending: boolean; authMethod: 'password' | 'oidc' | 'invitation'; ip: string; userAgent: string | undefined },
): Promise<NewSession> {
  const token = randomToken();
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      userId: input.userId,
      mfaPending: input.mfaPending,
      mfaVerifiedAt: null,
      authMethod: input.authMethod,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + config.sessionAbsoluteHours * 3600_000),
    })
    .returning({ id: sessions.id });
  return { token, id: row.id, csrfToken: csrfFor(token) };
}

/** New token for the same session (after MFA, after enrolment): a stolen pre-MFA token becomes useless. */
export async function rotateSession(tx: Executor, sessionId: string, changes: { mfaPending?: boolean; mfaVerified?: boolean }): Promise<NewSession> {
  const token = randomToken();
  await tx
    .update(sessions)
    .set({
      tokenHash: sha256(token),
      ...(changes.mfaPending !== undefined ? { mfaPending: changes.mfaPending } : {}),
      ...(changes.mfaVerified ? { mfaVerifiedAt: new Date() } : {}),
      lastSeenAt: new Date(),
    })
    .where(eq(sessions.id, sessionId));
  return { token, id: sessionId, csrfToken: csrfFor(token) };
}

export async function revokeSession(tx: Executor, userId: string, sessionId: string): Promise<boolean> {
  const r = await tx.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).returning({ id: sessions.id });
  return r.length > 0;
}

export async function revokeOtherSessions(tx: Executor, userId: string, keepSessionId: string | null) {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), keepSessionId ? sql`${sessions.id} <> ${keepSessionId}` : sql`true`));
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
