import type { App, Deps } from '../../core/http/pipeline.js';
import { HttpProblem } from '../../core/http/problem.js';
import { setSessionCookie } from '../../core/auth/sessions.js';
import { OidcCallbackQuery, OidcProviders, OidcStartParams } from './schemas.js';
import { finishOidcLogin, listOidcProviders, startOidcLogin } from './oidc.js';

export async function oidcRoutes(app: App, deps: Deps) {
  app.get(
    '/auth/oidc/providers',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'Organisaties waarmee u via SSO kunt inloggen', response: { 200: OidcProviders } } },
    () => listOidcProviders(deps),
  );

  app.get(
    '/auth/oidc/:org/start',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'Start inloggen via de identiteitsprovider van de organisatie (redirect)', params: OidcStartParams } },
    async (request, reply) => reply.redirect(await startOidcLogin(deps, request.params.org)),
  );

  app.get(
    '/auth/oidc/callback',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'Terugkeer van de identiteitsprovider (redirect)', querystring: OidcCallbackQuery } },
    async (request, reply) => {
      if (request.query.error) return reply.redirect(`/login?error=oidc&reason=${encodeURIComponent(request.query.error)}`);
      try {
        const url = new URL(request.url, deps.config.publicUrl);
        const session = await finishOidcLogin(deps, url, { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id });
        setSessionCookie(request, reply, deps.config, session.token);
        return reply.redirect('/');
      } catch (err) {
        if (err instanceof HttpProblem) {
          request.log.warn({ detail: err.detail }, 'oidc login failed');
          return reply.redirect(`/login?error=oidc&reason=${encodeURIComponent(err.detail ?? err.title)}`);
        }
        throw err;
      }
    },
  );
}
