import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let admin: Client;
let root: Client;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  admin = await loginAs(t.app, 'admin@alpha.test');
  root = await loginAs(t.app, 'root@install.test');
});
afterAll(() => t?.close());

function expectProblem(r: { status: number; body: any; headers: any; text: string }, status: number) {
  expect(r.status).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(r.body).toMatchObject({ type: expect.stringContaining('/problems/'), title: expect.any(String), status });
  expect(r.text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
}

describe('contracts', () => {
  it('health tells the engine', async () => {
    const r = await new Client(t.app).get('/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', database: t.deps.database.engine, version: expect.any(String), demo: false });
  });

  it('serves the OpenAPI 3 document of every endpoint and a readable reference', async () => {
    const r = await new Client(t.app).get('/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(r.body.paths);
    for (const p of ['/auth/login', '/me', '/organisations', '/organisations/{org}/audit-events', '/me/tokens', '/organisations/{org}/members/{userId}']) {
      expect(paths).toContain(p);
    }
    expect(r.body.paths['/auth/login'].post.requestBody).toBeDefined();
    const docs = await t.app.inject({ url: '/api/v1/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    expect(docs.body).toContain('/api/v1/organisations/{org}/audit-events');
    expect(docs.body).not.toContain('<script');
  });

  it('sets security headers on every response', async () => {
    for (const url of ['/api/v1/health', '/api/v1/docs', '/', '/api/v1/nope']) {
      const r = await t.app.inject({ url });
      const csp = String(r.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBeDefined();
      expect(r.headers['strict-transport-security']).toBeUndefined(); // plain http here
    }
  });

  it('sends HSTS and a Secure cookie behind TLS', async () => {
    const t2 = await createTestApp({ config: { trustProxy: true } });
    try {
      await seedWorld(t2.deps);
      const r = await t2.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        payload: { email: 'admin@alpha.test', password: 'correct horse battery' },
      });
      expect(r.statusCode).toBe(200);
      expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(String(r.headers['set-cookie'])).toMatch(/; Secure/i);
    } finally {
      await t2.close();
    }
  });

  it('unknown API paths are problem+json 404', async () => {
    expectProblem(await admin.get('/api/v1/does-not-exist'), 404);
  });

  it('requires authentication', async () => {
    const anon = new Client(t.app);
    for (const url of ['/api/v1/me', '/api/v1/organisations', '/api/v1/organisations/alpha/audit-events', '/api/v1/me/tokens']) {
      expectProblem(await anon.get(url), 401);
    }
    expectProblem(await t.app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer wbt_forged' } }).then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers, text: r.body })), 401);
  });
});

describe('bad input gets a clear problem and loses nothing', () => {
  const u = () => world.users.ciso.id;
  const cases: [string, string, () => unknown, string][] = [
    ['POST', '/api/v1/auth/login', () => ({ email: 'not-an-email', password: 'x' }), 'body.email'],
    ['POST', '/api/v1/auth/login', () => ({ email: 'a@b.test', password: 'x', admin: true }), 'body'],
    ['POST', '/api/v1/auth/mfa', () => ({ code: '12ab56' }), 'body.code'],
    ['POST', '/api/v1/setup', () => ({ token: 'short' }), 'body.token'],
    ['PATCH', '/api/v1/me', () => ({ language: 'fr' }), 'body.language'],
    ['PATCH', '/api/v1/me', () => ({ isInstallationAdmin: true }), 'body'],
    ['POST', '/api/v1/me/password', () => ({ currentPassword: 'x' }), 'body.newPassword'],
    ['POST', '/api/v1/me/mfa/totp/confirm', () => ({ code: 123456 }), 'body.code'],
    ['POST', '/api/v1/me/mfa/totp/disable', () => ({}), 'body.code'],
    ['DELETE', '/api/v1/me/sessions/not-a-uuid', () => undefined, 'path.id'],
    ['POST', '/api/v1/me/tokens', () => ({ name: '' }), 'body.name'],
    ['POST', '/api/v1/me/tokens', () => ({ name: 'x', expiresInDays: 9999 }), 'body.expiresInDays'],
    ['DELETE', '/api/v1/me/tokens/123', () => undefined, 'path.id'],
    ['POST', '/api/v1/organisations', () => ({ slug: 'Met Spaties', name: 'X', kind: 'gemeente' }), 'body.slug'],
    ['POST', '/api/v1/organisations', () => ({ slug: 'ok-slug', name: 'Xyz', kind: 'leverancier' }), 'body.kind'],
    ['PATCH', '/api/v1/organisations/alpha', () => ({ mfaRequired: 'yes' }), 'body.mfaRequired'],
    ['POST', '/api/v1/organisations/alpha/members', () => ({ email: 'a@b.test', roles: [] }), 'body.roles'],
    ['PUT', `/api/v1/organisations/alpha/members/USER`, () => ({ roles: 'admin' }), 'body.roles'],
    ['DELETE', '/api/v1/organisations/alpha/members/42', () => undefined, 'path.userId'],
    ['POST', '/api/v1/organisations/alpha/invitations', () => ({ email: 'x', roles: ['raad'] }), 'body.email'],
    ['DELETE', '/api/v1/organisations/alpha/invitations/abc', () => undefined, 'path.id'],
    ['POST', '/api/v1/invitations/short/accept', () => ({}), 'path.token'],
    ['PUT', '/api/v1/organisations/alpha/oidc', () => ({ enabled: true, issuer: 'not a url', clientId: 'x', label: 'x' }), 'body.issuer'],
    ['GET', '/api/v1/organisations/alpha/audit-events?limit=100000', () => undefined, 'query.limit'],
    ['GET', '/api/v1/organisations/alpha/audit-events?cursor=abc', () => undefined, 'query.cursor'],
    ['GET', '/api/v1/organisations/alpha/audit-events?unknown=1', () => undefined, 'query'],
    ['POST', '/api/v1/users', () => ({ email: 'a@b.test', name: 'x' }), 'body.password'],
  ];

  it.each(cases)('%s %s', async (method, url, body, field) => {
    const client = url.startsWith('/api/v1/users') || url === '/api/v1/organisations' ? root : admin;
    const r = await client.request(method, url.replace('USER', u()), body());
    expectProblem(r, 400);
    expect(r.body.errors?.map((e: any) => e.path)).toContain(field);
    expect(r.body.detail).toBeTruthy();
  });

  it('rejects a body that is not JSON, the wrong media type and an oversized body', async () => {
    const h = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { ...h, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const form = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { ...h, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=x' });
    expect(form.statusCode).toBe(415);
    const big = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { ...h, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(300_000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
  });

  it('nothing was changed by any of the bad requests', async () => {
    const me = await admin.get('/api/v1/me');
    expect(me.body.user.name).toBe('admin');
    const orgs = await root.get('/api/v1/organisations');
    expect(orgs.body.items.map((o: any) => o.slug).sort()).toEqual(['alpha', 'beta', 'csirt']);
  });
});

describe('web app', () => {
  it('serves the app for its own routes but 404 for unknown assets', async () => {
    const page = await t.app.inject({ url: '/o/alpha/members' });
    const asset = await t.app.inject({ url: '/assets/index-old.js' });
    expect(asset.statusCode).toBe(404);
    if (page.statusCode === 200) expect(page.headers['content-type']).toContain('text/html');
  });
});
