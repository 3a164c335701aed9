import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import { systemTx, tenantTx, type Database, type Tx } from '../db/client.js';
import { organisations } from '../db/schema.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Mailer } from '../mail/mailer.js';
import { AuditLog, type Actor } from '../audit/audit.js';
import type { SecretBox } from '../auth/crypto.js';
import { principalFromApiToken, principalFromSession, type Principal } from '../auth/principal.js';
import { csrfFor, SESSION_COOKIE, clearSessionCookie } from '../auth/sessions.js';
import { safeEqual } from '../auth/crypto.js';
import { can, installationAdminCan, listInstallationPermissions, permissionsFor } from '../policies.js';
import { forbidden, HttpProblem, notFound, unauthenticated } from './problem.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface Deps {
  database: Database;
  config: Config;
  queue: JobQueue;
  secrets: SecretBox;
  /** outgoing e-mail; when absent, made from the configuration (SMTP_URL, else logged): use mailerOf(deps) */
  mailer?: Mailer;
}

export type AuthMode = 'public' | 'user' | 'mfa-pending' | 'enrolment';

export interface OrgContext {
  id: string;
  slug: string;
  name: string;
  kind: string;
  roles: string[];
  access: 'member' | 'installation';
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
    organisation: OrgContext | null;
  }
  interface FastifyContextConfig {
    /** default 'user': a fully signed-in user. 'mfa-pending' / 'enrolment' also admit half-finished logins. */
    auth?: AuthMode;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function actorOf(principal: Principal | null): Actor {
  if (!principal) return { type: 'system', id: null, label: null };
  if (principal.via === 'token') return { type: 'token', id: principal.userId, label: `${principal.email} (API-token ${principal.tokenId})` };
  return { type: 'user', id: principal.userId, label: principal.email };
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

/**
 * Step 1 of every request: authenticate (onRequest, before validation).
 * Step 2: resolve the organisation in the path (preValidation): not a member → 404.
 */
export function installPipeline(app: App, deps: Deps) {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('organisation', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const mode: AuthMode = request.routeOptions.config?.auth ?? 'user';
    const authz = request.headers.authorization;
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      request.principal = m ? await principalFromApiToken(deps.database, m[1]) : null;
      if (!request.principal) throw unauthenticated('Het API-token is ongeldig, verlopen of ingetrokken.');
    } else {
      const token = request.cookies?.[SESSION_COOKIE];
      if (token) {
        request.principal = await principalFromSession(deps.database, token, deps.config.sessionIdleMinutes);
        if (request.principal) request.sessionToken = token;
        else clearSessionCookie(reply);
      }
    }
    const p = request.principal;
    if (p?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfFor(request.sessionToken!))) {
        throw new HttpProblem(403, 'CSRF-controle mislukt', 'Het verzoek mist een geldig x-csrf-token. Vernieuw de pagina en probeer het opnieuw.');
      }
    }
    if (mode === 'public') return;
    if (!p) throw unauthenticated();
    if (p.mfaPending && mode !== 'mfa-pending') throw unauthenticated('Voer eerst de code uit uw authenticator-app in.');
    if (p.mfaEnrolmentRequired && mode !== 'enrolment' && mode !== 'mfa-pending')
      throw new HttpProblem(403, 'Tweestapsverificatie vereist', 'Uw organisatie vereist tweestapsverificatie. Stel eerst een authenticator-app in.');
  });

  app.addHook('preValidation', async (request) => {
    if ((request.routeOptions.config?.auth ?? 'user') === 'public') return;
    const slug = (request.params as Record<string, unknown> | undefined)?.org;
    if (typeof slug !== 'string') return;
    const p = requirePrincipal(request);
    const m = p.memberships.find((x) => x.slug === slug);
    if (m) {
      request.organisation = { id: m.organisationId, slug: m.slug, name: m.name, kind: m.kind, roles: m.roles, access: 'member' };
      return;
    }
    if (p.isInstallationAdmin) {
      const [o] = await deps.database.db.select().from(organisations).where(eq(organisations.slug, slug));
      if (o) {
        request.organisation = { id: o.id, slug: o.slug, name: o.name, kind: o.kind, roles: [], access: 'installation' };
        return;
      }
    }
    throw notFound();
  });
}

export function orgPermissions(org: OrgContext): string[] {
  if (org.access === 'member') return permissionsFor(org.roles);
  return listInstallationPermissions();
}

export function orgAllows(org: OrgContext, permission: string): boolean {
  return org.access === 'member' ? can(org.roles, permission) : installationAdminCan(permission);
}

/**
 * A use case returns its result; the pipeline answers after the commit. A reply sent from inside the
 * transaction would let the client race ahead of the commit (on PostgreSQL it can read stale data).
 */
function assertNotSent(reply: FastifyReply) {
  if (reply.sent) throw new Error('reply sent inside a transaction: return the result instead');
}

export interface Ctx {
  tx: Tx;
  audit: AuditLog;
  principal: Principal;
  deps: Deps;
  request: FastifyRequest;
  reply: FastifyReply;
}
export interface OrgCtx extends Ctx {
  org: OrgContext;
}

/**
 * Steps 3–8 for organisation-scoped routes: validated input → transaction as the RLS role with the
 * organisation set → authorise → use case → audit (same transaction) → present.
 */
export function inOrganisation<R>(deps: Deps, permission: string, fn: (ctx: OrgCtx) => Promise<R>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<R> => {
    const principal = requirePrincipal(request);
    const org = request.organisation;
    if (!org) throw notFound();
    if (!orgAllows(org, permission)) throw forbidden();
    const audit = new AuditLog(actorOf(principal), request.id);
    return tenantTx(deps.database, { organisationId: org.id, userId: principal.userId }, async (tx) => {
      const out = await fn({ tx, audit, principal, deps, request, reply, org });
      assertNotSent(reply);
      await audit.flush(tx);
      return out;
    });
  };
}

/** Routes about the caller themselves (profile, sessions, tokens) or installation-wide: a system transaction. */
export function asUser<R>(deps: Deps, fn: (ctx: Ctx) => Promise<R>, opts: { installationAdmin?: boolean } = {}) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<R> => {
    const principal = requirePrincipal(request);
    if (opts.installationAdmin && !principal.isInstallationAdmin) throw forbidden('Alleen een installatiebeheerder mag dit.');
    const audit = new AuditLog(actorOf(principal), request.id);
    return systemTx(deps.database, async (tx) => {
      const out = await fn({ tx, audit, principal, deps, request, reply });
      assertNotSent(reply);
      await audit.flush(tx);
      return out;
    });
  };
}

/** Unauthenticated routes that still write (login, setup, invitation acceptance). */
export function asPublic<R>(deps: Deps, fn: (ctx: Omit<Ctx, 'principal'> & { principal: Principal | null }) => Promise<R>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<R> => {
    const audit = new AuditLog(actorOf(request.principal), request.id);
    return systemTx(deps.database, async (tx) => {
      const out = await fn({ tx, audit, principal: request.principal, deps, request, reply });
      await audit.flush(tx);
      return out;
    });
  };
}
