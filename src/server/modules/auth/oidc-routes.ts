import { z } from 'zod';
import type { App, Deps } from '../../core/http/pipeline.js';
import { HttpProblem } from '../../core/http/problem.js';
import { setSessionCookie } from '../../core/auth/sessions.js';
import { OidcCallbackQuery, OidcProviders, OidcStartParams } from './schemas.js';
import { finishOidcLogin, listOidcProviders, OIDC_STATE_COOKIE, OIDC_STATE_COOKIE_PATH, OIDC_STATE_TTL_SECONDS, startOidcLogin } from './oidc.js';

// Not `:org`: the pipeline resolves a path parameter named org as an organisation of the signed-in
// user (401/404 for everyone else), and this route is public.
const StartParams = z.strictObject({ organisation: OidcStartParams.shape.org });

export async function oidcRoutes(app: App, deps: Deps) {
  app.get(
    '/auth/oidc/providers',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'Organisaties waarmee u via SSO kunt inloggen', response: { 200: OidcProviders } } },
    () => listOidcProviders(deps),
  );

  app.get(
    '/auth/oidc/:organisation/start',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'Start inloggen via de identiteitsprovider van de organisatie (redirect)', params: StartParams } },
    async (request, reply) => {
      const location = await startOidcLogin(deps, request.params.organisation);
      // Bind the attempt to this browser; the callback only accepts the state from this cookie.
      reply.setCookie(OIDC_STATE_COOKIE, new URL(location).searchParams.get('state') ?? '', {
        path: OIDC_STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax', // sent along on the top-level redirect back from the provider
        secure: request.protocol === 'https',
        maxAge: OIDC_STATE_TTL_SECONDS,
      });
      return reply.redirect(location);
    },
  );

  app.get(
    '/auth/oidc/callback',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'Terugkeer van de identiteitsprovider (redirect)', querystring: OidcCallbackQuery } },
    async (request, reply) => {
      const browserState = request.cookies[OIDC_STATE_COOKIE];
      reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_STATE_COOKIE_PATH });
      if (request.query.error) return reply.redirect(`/login?error=oidc&reason=${encodeURIComponent(request.query.error)}`);
      try {
        const url = new URL(request.url, deps.config.publicUrl);
        const session = await finishOidcLogin(deps, url, { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id, browserState });
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
