import { sql } from 'drizzle-orm';
import type { App, Deps } from '../../core/http/pipeline.js';
import { asPublic, requirePrincipal } from '../../core/http/pipeline.js';
import { problems, NoContent } from '../../core/http/schemas.js';
import { clearSessionCookie, setSessionCookie } from '../../core/auth/sessions.js';
import { systemTx } from '../../core/db/client.js';
import { AuditLog } from '../../core/audit/audit.js';
import { actorOf } from '../../core/http/pipeline.js';
import { LoginBody, LoginResult, MfaBody, SetupBody, SetupStatus } from './schemas.js';
import { login } from './login.js';
import { verifyMfa } from './verify-mfa.js';
import { completeSetup, hasUsers } from './setup.js';

export async function authRoutes(app: App, deps: Deps) {
  app.post(
    '/auth/login',
    {
      config: { auth: 'public' },
      schema: { tags: ['auth'], summary: 'Inloggen met e-mail en wachtwoord', body: LoginBody, response: { 200: LoginResult, ...problems(400, 401, 429) } },
    },
    async (request, reply) => {
      const out = await login(deps, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id });
      setSessionCookie(request, reply, deps.config, out.session.token);
      return { mfaRequired: out.mfaRequired, mfaEnrolmentRequired: out.mfaEnrolmentRequired, csrfToken: out.session.csrfToken };
    },
  );

  app.post(
    '/auth/mfa',
    {
      config: { auth: 'mfa-pending' },
      schema: { tags: ['auth'], summary: 'Tweede stap: de code uit de authenticator-app', body: MfaBody, response: { 200: LoginResult, ...problems(400, 401, 409, 429) } },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const session = await verifyMfa(deps, principal, request.body.code, request.ip, request.id);
      setSessionCookie(request, reply, deps.config, session.token);
      return { mfaRequired: false, mfaEnrolmentRequired: false, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { auth: 'public' },
      schema: { tags: ['auth'], summary: 'Uitloggen (beëindigt deze sessie)', response: { 204: NoContent } },
    },
    async (request, reply) => {
      const p = request.principal;
      if (p?.sessionId) {
        await systemTx(deps.database, async (tx) => {
          await tx.execute(sql`delete from sessions where id = ${p.sessionId}`);
          const audit = new AuditLog(actorOf(p), request.id);
          audit.record({ organisationId: null, entityType: 'session', entityId: p.sessionId!, action: 'logout' });
          await audit.flush(tx);
        });
      }
      clearSessionCookie(reply);
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/setup',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'Moet de eerste beheerder nog worden aangemaakt?', response: { 200: SetupStatus } } },
    async () => ({ required: !(await hasUsers(deps.database.db)) }),
  );

  app.post(
    '/setup',
    {
      config: { auth: 'public' },
      schema: { tags: ['auth'], summary: 'Eerste installatiebeheerder aanmaken met de eenmalige link', body: SetupBody, response: { 201: SetupStatus, ...problems(400, 403, 409) } },
    },
    asPublic(deps, async ({ tx, audit, request, reply }) => {
      await completeSetup(tx, audit, request.body as any);
      reply.code(201);
      return { required: false };
    }),
  );
}
