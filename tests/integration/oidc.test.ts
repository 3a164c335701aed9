import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

/**
 * Single sign-on against a real OpenID provider (panva/oidc-provider) on a loopback port. The test
 * plays the browser: it follows the redirects by hand, keeps the provider's cookies and answers the
 * provider's login and consent prompts through a tiny interaction endpoint of its own.
 */

const CLIENT_ID = 'weerbaar-alpha';
const CLIENT_SECRET = 'alpha-client-secret-3f9d1c7e0b2a4d6f8e1c3a5b7d9f0e2c';
const REDIRECT_URI = 'http://localhost:3000/api/v1/auth/oidc/callback';
const APP_ORIGIN = 'http://localhost:3000';

/** Accounts at the identity provider (the ID is what the test "types" in the login prompt). */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  ciso: { email: 'ciso@alpha.test', email_verified: true, name: 'Ciso Alpha' },
  'ciso-shouting': { email: 'CISO@Alpha.Test', email_verified: true, name: 'Ciso Alpha' },
  stranger: { email: 'stranger@elsewhere.test', email_verified: true, name: 'Stranger' },
  unverified: { email: 'ciso@alpha.test', email_verified: false, name: 'Not Ciso' },
};

let t: TestApp;
let idp: { issuer: string; close(): Promise<void>; errors: unknown[] };

// oidc-provider prints "development-only" notices (in-memory adapter, runtime version) through console.
const quiet = (orig: (...a: unknown[]) => void) =>
  function (...args: unknown[]) {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider')) return;
    orig(...args);
  };
const spies = [vi.spyOn(console, 'warn').mockImplementation(quiet(console.warn.bind(console))), vi.spyOn(console, 'info').mockImplementation(quiet(console.info.bind(console)))];

async function readBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function startIdentityProvider() {
  // oidc-provider ships no type declarations: import it untyped.
  const { default: Provider } = (await import('oidc-provider' as string)) as { default: any };
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const errors: unknown[] = [];
  let provider: any;
  let providerCallback: (req: http.IncomingMessage, res: http.ServerResponse) => void;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://idp');
    const m = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(url.pathname);
    if (!m) return providerCallback(req, res);
    (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== m[1]) throw new Error('interaction uid mismatch');
      if (req.method === 'GET' && !m[2]) {
        // the "page": tells the browser which prompt to answer
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
        return;
      }
      if (req.method === 'POST' && m[2] === 'login' && details.prompt.name === 'login') {
        const accountId = (await readBody(req)).get('login') ?? '';
        if (!ACCOUNTS[accountId]) throw new Error(`unknown account ${accountId}`);
        await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
        return;
      }
      if (req.method === 'POST' && m[2] === 'consent' && details.prompt.name === 'consent') {
        const { prompt, grantId, session, params } = details;
        const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
        if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
        if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return;
      }
      throw new Error(`unexpected ${req.method} ${url.pathname} for prompt ${details.prompt.name}`);
    })().catch((err) => {
      errors.push(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err?.message ?? err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = ACCOUNTS[id];
      return account ? { accountId: id, claims: async () => ({ sub: id, ...account }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['oidc-test-cookie-key'] },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test' }] },
    // Keep the provider's defaults otherwise: in particular conformIdTokenClaims, which leaves the
    // e-mail out of the ID token of a code flow (it is on the UserInfo endpoint), like many real IdPs.
  });
  for (const event of ['server_error', 'authorization.error', 'grant.error', 'userinfo.error', 'discovery.error']) {
    provider.on(event, (_ctx: unknown, err: unknown) => errors.push(err));
  }
  providerCallback = provider.callback();

  return {
    issuer,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser at the identity provider: follows redirects, keeps cookies, answers the prompts as `accountId`. */
async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let init: { method: string; body?: string } = { method: 'GET' };
  for (let hop = 0; hop < 15; hop++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      signal: AbortSignal.timeout(10_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() <= Date.now());
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    if (res.status >= 300 && res.status < 400) {
      await res.arrayBuffer();
      const next = new URL(res.headers.get('location') ?? '', url);
      if (next.origin === APP_ORIGIN) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const text = await res.text();
    if (res.status !== 200 || !url.pathname.startsWith('/interaction/')) throw new Error(`provider answered ${res.status} at ${url.pathname}: ${text.slice(0, 500)}`);
    const page = JSON.parse(text) as { uid: string; prompt: 'login' | 'consent' };
    url = new URL(`/interaction/${page.uid}/${page.prompt}`, url);
    init = { method: 'POST', body: page.prompt === 'login' ? new URLSearchParams({ login: accountId }).toString() : '' };
  }
  throw new Error('too many redirects at the identity provider');
}

function cookiesOf(res: { headers: Record<string, unknown> }): Map<string, string> {
  const set = res.headers['set-cookie'];
  const out = new Map<string, string>();
  for (const c of Array.isArray(set) ? set : set ? [String(set)] : []) {
    const [pair] = String(c).split(';');
    const i = pair.indexOf('=');
    out.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return out;
}
const cookieHeader = (m: Map<string, string>) => [...m].filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join('; ');

/** The whole round trip as one browser: start at Weerbaar, sign in at the provider, come back. */
async function ssoLogin(accountId: string, org = 'alpha') {
  const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${org}/start` });
  expect(start.statusCode, start.body).toBe(302);
  const appCookies = cookiesOf(start);
  const authorizationUrl = String(start.headers.location);
  const callback = await signInAtProvider(authorizationUrl, accountId);
  const callbackPath = callback.pathname + callback.search;
  const res = await t.app.inject({ method: 'GET', url: callbackPath, headers: { cookie: cookieHeader(appCookies) } });
  return { authorizationUrl: new URL(authorizationUrl), callback, callbackPath, appCookies, startSetCookie: start.headers['set-cookie'], res, session: cookiesOf(res).get('weerbaar_session') };
}

function expectLoginError(res: { statusCode: number; headers: Record<string, unknown> }, reason?: RegExp) {
  expect(res.statusCode).toBe(302);
  const location = String(res.headers.location);
  expect(location).toMatch(/^\/login\?error=oidc/);
  if (reason) expect(decodeURIComponent(new URL(location, APP_ORIGIN).searchParams.get('reason') ?? '')).toMatch(reason);
  expect(cookiesOf(res).get('weerbaar_session') ?? '').toBe('');
}

beforeAll(async () => {
  idp = await startIdentityProvider();
  t = await createTestApp();
  await seedWorld(t.deps);
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
  for (const s of spies) s.mockRestore();
});

describe('SSO configuration', () => {
  it('refuses to enable SSO without a client secret on a fresh configuration', async () => {
    const beta = await loginAs(t.app, 'admin@beta.test');
    const r = await beta.put('/api/v1/organisations/beta/oidc', { enabled: true, issuer: idp.issuer, clientId: CLIENT_ID, label: 'Beta' });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect((await beta.get('/api/v1/organisations/beta/oidc')).body).toMatchObject({ enabled: false, hasSecret: false });
  });

  it('stores the configuration; the secret is never shown nor written to the audit trail', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const put = await admin.put('/api/v1/organisations/alpha/oidc', {
      enabled: true,
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      label: 'Inloggen met Alpha-account',
    });
    expect(put.status, put.text).toBe(200);
    expect(put.text).not.toContain(CLIENT_SECRET);

    const get = await admin.get('/api/v1/organisations/alpha/oidc');
    expect(get.status).toBe(200);
    expect(get.body).toEqual({ enabled: true, issuer: idp.issuer, clientId: CLIENT_ID, hasSecret: true, label: 'Inloggen met Alpha-account' });
    expect(get.text).not.toContain(CLIENT_SECRET);

    const audit = await admin.get('/api/v1/organisations/alpha/audit-events?entityType=oidc_config');
    expect(audit.status).toBe(200);
    const events = audit.body.items.filter((e: { entityType: string }) => e.entityType === 'oidc_config');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'create', actor: { email: 'admin@alpha.test' } });
    expect(events[0].changes.issuer).toEqual({ before: null, after: idp.issuer });
    expect(events[0].changes.clientSecret).toEqual({ before: null, after: null, redacted: true });
    expect(audit.text).not.toContain(CLIENT_SECRET);
  });

  it('lists the organisation as an SSO provider, publicly', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/providers' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ items: [{ organisation: 'alpha', name: 'Gemeente Alpha', label: 'Inloggen met Alpha-account' }] });
  });

  it('answers 404 problem+json when an organisation has no SSO', async () => {
    for (const org of ['beta', 'no-such-org']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${org}/start` });
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('SSO sign-in', () => {
  it('signs a member in with the authorization code flow (PKCE, state, nonce)', async () => {
    const flow = await ssoLogin('ciso');
    const auth = flow.authorizationUrl;
    expect(auth.origin + auth.pathname).toBe(`${idp.issuer}/auth`);
    expect(auth.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(auth.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(auth.searchParams.get('response_type')).toBe('code');
    expect(auth.searchParams.get('scope')).toBe('openid email profile');
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(auth.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    // the attempt is bound to this browser by a short-lived cookie holding the state
    expect(flow.appCookies.get('weerbaar_oidc_state')).toBe(auth.searchParams.get('state'));
    expect(String(flow.startSetCookie)).toMatch(/weerbaar_oidc_state=[^;]+;.*Path=\/api\/v1\/auth\/oidc;.*HttpOnly/i);
    expect(String(flow.startSetCookie)).toMatch(/SameSite=Lax/i);
    expect(flow.callback.searchParams.get('code')).toBeTruthy();
    expect(flow.callback.searchParams.get('state')).toBe(auth.searchParams.get('state'));

    expect(flow.res.statusCode, String(flow.res.headers.location)).toBe(302);
    expect(flow.res.headers.location).toBe('/');
    expect(flow.session).toBeTruthy();
    expect(String(flow.res.headers['set-cookie'])).toMatch(/weerbaar_session=[^;]+;.*HttpOnly/i);
    expect(cookiesOf(flow.res).get('weerbaar_oidc_state')).toBe(''); // cleared

    const browser = new Client(t.app);
    browser.cookie = `weerbaar_session=${flow.session}`;
    const me = await browser.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ciso@alpha.test');

    // the sign-in is in the installation's audit trail
    const root = await loginAs(t.app, 'root@install.test');
    const audit = await root.get('/api/v1/audit-events?entityType=session');
    const logins = audit.body.items.filter((e: any) => e.action === 'login' && e.actor.email === 'ciso@alpha.test');
    expect(logins.some((e: any) => e.changes.method?.after === 'oidc')).toBe(true);

    // replaying the same callback (the state is used up) fails, also from the same browser
    const replay = await t.app.inject({ method: 'GET', url: flow.callbackPath, headers: { cookie: cookieHeader(flow.appCookies) } });
    expectLoginError(replay, /verlopen of onbekend/);
  });

  it('matches the e-mail address case-insensitively', async () => {
    const flow = await ssoLogin('ciso-shouting');
    expect(flow.res.headers.location).toBe('/');
    expect(flow.session).toBeTruthy();
  });

  it('refuses an account whose e-mail is not a member of the organisation', async () => {
    const flow = await ssoLogin('stranger');
    expectLoginError(flow.res, /stranger@elsewhere\.test/);
  });

  it('refuses an e-mail address the provider says is not verified', async () => {
    const flow = await ssoLogin('unverified');
    expectLoginError(flow.res, /niet bevestigd|geverifieerd/);
  });

  it('refuses a callback that was started in another browser (login CSRF)', async () => {
    // the attacker signs in at the provider and sends the callback URL to a victim
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/alpha/start' });
    expect(start.statusCode).toBe(302);
    const callback = await signInAtProvider(String(start.headers.location), 'ciso');
    // the victim's browser has no binding cookie for this state, or one of its own attempt
    const res = await t.app.inject({ method: 'GET', url: callback.pathname + callback.search });
    expectLoginError(res, /niet in deze browser begonnen/);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/alpha/start' });
    expect(other.statusCode).toBe(302);
    const res2 = await t.app.inject({ method: 'GET', url: callback.pathname + callback.search, headers: { cookie: cookieHeader(cookiesOf(other)) } });
    expectLoginError(res2, /niet in deze browser begonnen/);
  });

  it('sends the browser back to the login page when the provider reports an error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?error=access_denied&state=whatever' });
    expectLoginError(res, /access_denied/);
  });

  it('the identity provider saw no errors', () => {
    expect(idp.errors).toEqual([]);
  });
});
