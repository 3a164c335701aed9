import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSync } from 'otplib';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
});
afterAll(() => t?.close());

describe('login', () => {
  it('signs in with e-mail and password and sets a safe session cookie', async () => {
    const c = new Client(t.app);
    const r = await c.post('/api/v1/auth/login', { email: 'CISO@alpha.test', password: PASSWORD });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: false });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ciso@alpha.test');
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ organisation: expect.objectContaining({ slug: 'alpha' }), roles: ['ciso'] }),
    ]);
  });

  it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
    const a = await new Client(t.app).post('/api/v1/auth/login', { email: 'ciso@alpha.test', password: 'wrong password!!' });
    const b = await new Client(t.app).post('/api/v1/auth/login', { email: 'nobody@alpha.test', password: 'wrong password!!' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.headers['content-type']).toContain('application/problem+json');
    expect(a.body.detail).toBe(b.body.detail);
  });

  it('rate-limits an account after five failures, with a clear message, also for the right password', async () => {
    const c = new Client(t.app);
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/v1/auth/login', { email: 'auditor@alpha.test', password: `wrong-password-${i}` })).status).toBe(401);
    }
    const blocked = await c.post('/api/v1/auth/login', { email: 'auditor@alpha.test', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    expect(blocked.body.detail).toMatch(/15 minuten/);
    // another account from the same address still works
    expect((await c.post('/api/v1/auth/login', { email: 'admin@alpha.test', password: PASSWORD })).status).toBe(200);
    await t.deps.database.db.execute(sql`delete from login_attempts`);
  });

  it('rate-limits an address that tries many accounts', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.7' };
    const c = new Client(t.app);
    let last = 0;
    for (let i = 0; i < 31; i++) {
      last = (await c.request('POST', '/api/v1/auth/login', { email: `spray${i}@alpha.test`, password: 'not the password' }, headers)).status;
    }
    // without trustProxy every inject comes from 127.0.0.1: the address limit applies to it
    expect(last).toBe(429);
    await t.deps.database.db.execute(sql`delete from login_attempts`);
  });

  it('logs out and the session no longer works', async () => {
    const c = await loginAs(t.app, 'ciso@alpha.test');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    c.cookie = c.cookie || 'weerbaar_session=stale';
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const c = await loginAs(t.app, 'ciso@alpha.test');
    c.csrf = '';
    const r = await c.patch('/api/v1/me', { name: 'X' });
    expect(r.status).toBe(403);
    expect(r.body.title).toMatch(/CSRF/);
  });
});

describe('sessions', () => {
  it('lists my sessions and ends another one, which then stops working', async () => {
    const laptop = await loginAs(t.app, 'admin@alpha.test');
    const phone = await loginAs(t.app, 'admin@alpha.test');
    const list = await laptop.get('/api/v1/me/sessions');
    expect(list.status).toBe(200);
    const others = list.body.items.filter((s: any) => !s.current);
    expect(others.length).toBeGreaterThanOrEqual(1);
    expect(list.body.items.filter((s: any) => s.current)).toHaveLength(1);
    for (const s of others) expect((await laptop.delete(`/api/v1/me/sessions/${s.id}`)).status).toBe(204);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  it('expires after the idle time and after the absolute lifetime', async () => {
    const idle = await loginAs(t.app, 'admin@alpha.test');
    const old = await loginAs(t.app, 'admin@alpha.test');
    const ids = (await idle.get('/api/v1/me/sessions')).body.items.map((s: any) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const idleId = (await idle.get('/api/v1/me/sessions')).body.items.find((s: any) => s.current).id;
    const oldId = (await old.get('/api/v1/me/sessions')).body.items.find((s: any) => s.current).id;
    await t.deps.database.db.execute(sql`update sessions set last_seen_at = now() - interval '61 minutes' where id = ${idleId}`);
    await t.deps.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where id = ${oldId}`);
    expect((await idle.get('/api/v1/me')).status).toBe(401);
    expect((await old.get('/api/v1/me')).status).toBe(401);
  });

  it('cannot end somebody else’s session', async () => {
    const other = await loginAs(t.app, 'ciso@alpha.test');
    const mine = await loginAs(t.app, 'auditor@alpha.test').catch(() => null);
    const otherSessions = (await other.get('/api/v1/me/sessions')).body.items;
    const me = mine ?? (await loginAs(t.app, 'admin@alpha.test'));
    expect((await me.delete(`/api/v1/me/sessions/${otherSessions[0].id}`)).status).toBe(404);
    expect((await other.get('/api/v1/me')).status).toBe(200);
  });
});

describe('TOTP', () => {
  it('enrols, then requires the code on the next login, and refuses a replayed code', async () => {
    const c = await loginAs(t.app, 'ciso@alpha.test');
    const start = await c.post('/api/v1/me/mfa/totp');
    expect(start.status).toBe(200);
    expect(start.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(start.body.qrSvg).toMatch(/^<svg/);
    const secret = start.body.secret;
    expect((await c.post('/api/v1/me/mfa/totp/confirm', { code: '000000' })).status).toBe(400);
    const ok = await c.post('/api/v1/me/mfa/totp/confirm', { code: generateSync({ secret }) });
    expect(ok.status).toBe(200);
    expect((await c.get('/api/v1/me')).body.user.mfaEnabled).toBe(true);

    const next = new Client(t.app);
    const login = await next.post('/api/v1/auth/login', { email: 'ciso@alpha.test', password: PASSWORD });
    expect(login.body.mfaRequired).toBe(true);
    expect((await next.get('/api/v1/organisations')).status).toBe(401);
    const me = await next.get('/api/v1/me');
    expect(me.body.session.mfaPending).toBe(true);
    const cookieBefore = next.cookie;
    // the code used for enrolment cannot be used again
    expect((await next.post('/api/v1/auth/mfa', { code: generateSync({ secret }) })).status).toBe(401);

    // disable again so other tests can log in without a code (and prove disabling works)
    const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const passed = await next.post('/api/v1/auth/mfa', { code });
    expect(passed.status).toBe(200);
    expect(next.cookie).not.toBe(cookieBefore); // session token rotated
    expect((await next.get('/api/v1/organisations')).status).toBe(200);
    await t.deps.database.db.execute(sql`update users set totp_secret = null, totp_last_step = null where email = 'ciso@alpha.test'`);
  });

  it('an organisation can require MFA: members without it must enrol before anything else', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    // an admin who has no MFA would lock themselves out: refused with an explanation
    const refused = await admin.patch('/api/v1/organisations/alpha', { mfaRequired: true });
    expect(refused.status).toBe(409);
    const own = await admin.post('/api/v1/me/mfa/totp');
    expect((await admin.post('/api/v1/me/mfa/totp/confirm', { code: generateSync({ secret: own.body.secret }) })).status).toBe(200);
    expect((await admin.patch('/api/v1/organisations/alpha', { mfaRequired: true })).status).toBe(200);
    const c = new Client(t.app);
    const login = await c.post('/api/v1/auth/login', { email: 'auditor@alpha.test', password: PASSWORD });
    expect(login.body.mfaEnrolmentRequired).toBe(true);
    const blocked = await c.get('/api/v1/organisations');
    expect(blocked.status).toBe(403);
    expect(blocked.body.title).toMatch(/Tweestapsverificatie/);
    const start = await c.post('/api/v1/me/mfa/totp');
    expect(start.status).toBe(200);
    expect((await c.post('/api/v1/me/mfa/totp/confirm', { code: generateSync({ secret: start.body.secret }) })).status).toBe(200);
    expect((await c.get('/api/v1/organisations')).status).toBe(200);
    // cannot switch MFA off while the organisation requires it
    const off = await c.post('/api/v1/me/mfa/totp/disable', { code: generateSync({ secret: start.body.secret, epoch: Math.floor(Date.now() / 1000) + 30 }) });
    expect(off.status).toBe(409);
    expect((await admin.patch('/api/v1/organisations/alpha', { mfaRequired: false })).status).toBe(200);
    await t.deps.database.db.execute(sql`update users set totp_secret = null, totp_last_step = null`);
  });
});

describe('API tokens', () => {
  it('creates a personal token usable as Bearer, and revoking it ends access', async () => {
    const c = await loginAs(t.app, 'admin@alpha.test');
    const created = await c.post('/api/v1/me/tokens', { name: 'script', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^wbt_/);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const viaToken = await t.app.inject({ method: 'GET', url: '/api/v1/organisations/alpha/members', headers: bearer });
    expect(viaToken.statusCode).toBe(200);
    // no CSRF token needed with a bearer token
    const write = await t.app.inject({ method: 'PATCH', url: '/api/v1/organisations/alpha', headers: { ...bearer, 'content-type': 'application/json' }, payload: { name: 'Gemeente Alpha' } });
    expect(write.statusCode).toBe(200);
    const list = await c.get('/api/v1/me/tokens');
    expect(list.body.items.map((x: any) => x.name)).toContain('script');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await c.delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('refuses short and common passwords and ends other sessions on change', async () => {
    const c = await loginAs(t.app, 'admin@alpha.test');
    const other = await loginAs(t.app, 'admin@alpha.test');
    expect((await c.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' })).body.detail).toMatch(/12 tekens/);
    expect((await c.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'passwordpassword' })).body.detail).toMatch(/veelgebruikte/);
    expect((await c.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'a much better passphrase' })).status).toBe(400);
    expect((await c.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a much better passphrase' })).status).toBe(204);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect((await c.post('/api/v1/me/password', { currentPassword: 'a much better passphrase', newPassword: PASSWORD })).status).toBe(204);
  });
});
