import { and, desc, eq } from 'drizzle-orm';
import type { App, Deps } from '../../core/http/pipeline.js';
import { asUser, requirePrincipal } from '../../core/http/pipeline.js';
import { iso, NoContent, problems } from '../../core/http/schemas.js';
import { apiTokens, sessions, users } from '../../core/db/schema.js';
import { csrfFor, revokeSession, setSessionCookie } from '../../core/auth/sessions.js';
import { randomToken, sha256 } from '../../core/auth/crypto.js';
import { notFound } from '../../core/http/problem.js';
import {
  ChangePasswordBody,
  CodeBody,
  CreatedToken,
  CreateTokenBody,
  CsrfResult,
  IdParams,
  MeDto,
  SessionList,
  TokenList,
  TotpEnrolment,
  UpdateMeBody,
  UserDto,
} from './schemas.js';
import { presentMe, presentToken } from './present.js';
import { changePassword } from './change-password.js';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from './totp.js';

const tags = ['profiel'];

export async function profileRoutes(app: App, deps: Deps) {
  app.get(
    '/me',
    { config: { auth: 'mfa-pending' }, schema: { tags, summary: 'De ingelogde gebruiker, lidmaatschappen en rollen', response: { 200: MeDto, ...problems(401) } } },
    async (request) => {
      const p = requirePrincipal(request);
      return presentMe(p, request.sessionToken ? csrfFor(request.sessionToken) : null);
    },
  );

  app.patch(
    '/me',
    { schema: { tags, summary: 'Naam of taal wijzigen', body: UpdateMeBody, response: { 200: UserDto, ...problems(400, 401) } } },
    asUser(deps, async ({ tx, principal, audit, request }) => {
      const body = request.body as { name?: string; language?: 'nl' | 'en' };
      const [before] = await tx.select().from(users).where(eq(users.id, principal.userId));
      const [u] = await tx.update(users).set({ ...body, updatedAt: new Date() }).where(eq(users.id, principal.userId)).returning();
      audit.record({ organisationId: null, entityType: 'user', entityId: u.id, action: 'update', before: { name: before.name, language: before.language }, after: { name: u.name, language: u.language } });
      return { id: u.id, email: u.email, name: u.name, language: u.language as 'nl' | 'en', isInstallationAdmin: u.isInstallationAdmin, mfaEnabled: u.totpSecret != null };
    }),
  );

  app.post(
    '/me/password',
    { schema: { tags, summary: 'Wachtwoord wijzigen (beëindigt uw andere sessies)', body: ChangePasswordBody, response: { 204: NoContent, ...problems(400, 401) } } },
    asUser(deps, async (ctx) => {
      const body = ctx.request.body as { currentPassword: string; newPassword: string };
      await changePassword(ctx, body.currentPassword, body.newPassword);
      ctx.reply.code(204);
      return null;
    }),
  );

  app.post(
    '/me/mfa/totp',
    { config: { auth: 'enrolment' }, schema: { tags, summary: 'Authenticator-app koppelen: geheim en QR-code', response: { 200: TotpEnrolment, ...problems(401, 409) } } },
    asUser(deps, (ctx) => startTotpEnrolment(ctx)),
  );

  app.post(
    '/me/mfa/totp/confirm',
    { config: { auth: 'enrolment' }, schema: { tags, summary: 'Koppeling bevestigen met een eerste code', body: CodeBody, response: { 200: CsrfResult, ...problems(400, 401, 409) } } },
    asUser(deps, async (ctx) => {
      const session = await confirmTotpEnrolment(ctx, (ctx.request.body as { code: string }).code);
      if (session) setSessionCookie(ctx.request, ctx.reply, deps.config, session.token);
      return { csrfToken: session?.csrfToken ?? '' };
    }),
  );

  app.post(
    '/me/mfa/totp/disable',
    { schema: { tags, summary: 'Tweestapsverificatie uitschakelen (met een geldige code)', body: CodeBody, response: { 204: NoContent, ...problems(400, 401, 409) } } },
    asUser(deps, async (ctx) => {
      await disableTotp(ctx, (ctx.request.body as { code: string }).code);
      ctx.reply.code(204);
      return null;
    }),
  );

  app.get(
    '/me/sessions',
    { schema: { tags, summary: 'Mijn actieve sessies', response: { 200: SessionList, ...problems(401) } } },
    asUser(deps, async ({ tx, principal }) => {
      const rows = await tx.select().from(sessions).where(eq(sessions.userId, principal.userId)).orderBy(desc(sessions.lastSeenAt));
      const now = Date.now();
      return {
        items: rows
          .filter((s) => s.expiresAt.getTime() > now && s.lastSeenAt.getTime() > now - deps.config.sessionIdleMinutes * 60_000)
          .map((s) => ({
            id: s.id,
            createdAt: iso(s.createdAt)!,
            lastSeenAt: iso(s.lastSeenAt)!,
            expiresAt: iso(s.expiresAt)!,
            ip: s.ip,
            userAgent: s.userAgent,
            method: s.authMethod,
            current: s.id === principal.sessionId,
          })),
      };
    }),
  );

  app.delete(
    '/me/sessions/:id',
    { schema: { tags, summary: 'Een sessie beëindigen', params: IdParams, response: { 204: NoContent, ...problems(401, 404) } } },
    asUser(deps, async ({ tx, principal, audit, request, reply }) => {
      const { id } = request.params as { id: string };
      if (!(await revokeSession(tx, principal.userId, id))) throw notFound();
      audit.record({ organisationId: null, entityType: 'session', entityId: id, action: 'revoke' });
      reply.code(204);
      return null;
    }),
  );

  app.get(
    '/me/tokens',
    { schema: { tags, summary: 'Mijn persoonlijke API-tokens', response: { 200: TokenList, ...problems(401) } } },
    asUser(deps, async ({ tx, principal }) => {
      const rows = await tx.select().from(apiTokens).where(eq(apiTokens.userId, principal.userId)).orderBy(desc(apiTokens.createdAt));
      return { items: rows.map(presentToken) };
    }),
  );

  app.post(
    '/me/tokens',
    { schema: { tags, summary: 'Persoonlijk API-token aanmaken (eenmalig zichtbaar)', body: CreateTokenBody, response: { 201: CreatedToken, ...problems(400, 401) } } },
    asUser(deps, async ({ tx, principal, audit, request, reply }) => {
      const body = request.body as { name: string; expiresInDays?: number };
      const token = `wbt_${randomToken()}`;
      const [t] = await tx
        .insert(apiTokens)
        .values({
          userId: principal.userId,
          name: body.name,
          tokenHash: sha256(token),
          expiresAt: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86400_000) : null,
        })
        .returning();
      audit.record({ organisationId: null, entityType: 'api_token', entityId: t.id, action: 'create', after: { name: t.name, expiresAt: t.expiresAt } });
      reply.code(201);
      return { ...presentToken(t), token };
    }),
  );

  app.delete(
    '/me/tokens/:id',
    { schema: { tags, summary: 'API-token intrekken', params: IdParams, response: { 204: NoContent, ...problems(401, 404) } } },
    asUser(deps, async ({ tx, principal, audit, request, reply }) => {
      const { id } = request.params as { id: string };
      const r = await tx.delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, principal.userId))).returning();
      if (r.length === 0) throw notFound();
      audit.record({ organisationId: null, entityType: 'api_token', entityId: id, action: 'delete', before: { name: r[0].name } });
      reply.code(204);
      return null;
    }),
  );
}
