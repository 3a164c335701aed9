import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
});
afterAll(() => t?.close());

describe('installation administration', () => {
  it('creates an organisation, links it to a CSIRT, and adds an existing user as its admin', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    const created = await root.post('/api/v1/organisations', { slug: 'gamma', name: 'Gemeente Gamma', kind: 'gemeente' });
    expect(created.status).toBe(201);
    expect((await root.post('/api/v1/organisations', { slug: 'gamma', name: 'Dubbel', kind: 'gemeente' })).status).toBe(409);
    const linked = await root.patch('/api/v1/organisations/gamma', { csirt: 'csirt' });
    expect(linked.status).toBe(200);
    expect(linked.body.csirt).toEqual({ slug: 'csirt', name: 'CSIRT Test' });
    expect((await root.patch('/api/v1/organisations/gamma', { veiligheidsregio: 'alpha' })).status).toBe(400);
    const user = await root.post('/api/v1/users', { email: 'beheer@gamma.test', name: 'Beheer Gamma', password: 'lange zin als wachtwoord' });
    expect(user.status).toBe(201);
    const added = await root.post('/api/v1/organisations/gamma/members', { email: 'beheer@gamma.test', roles: ['admin'] });
    expect(added.status).toBe(201);
    const gammaAdmin = await loginAs(t.app, 'beheer@gamma.test', 'lange zin als wachtwoord');
    expect((await gammaAdmin.get('/api/v1/organisations/gamma/members')).body.items.map((m: any) => m.email)).toEqual(['beheer@gamma.test']);
    // the CSIRT analyst now sees gamma as connected
    const analist = await loginAs(t.app, 'analist@csirt.test');
    expect((await analist.get('/api/v1/organisations')).body.items.map((o: any) => o.slug)).toContain('gamma');
  });

  it('only installation admins create organisations and accounts or change links', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    expect((await admin.post('/api/v1/organisations', { slug: 'delta', name: 'Delta', kind: 'gemeente' })).status).toBe(403);
    expect((await admin.post('/api/v1/users', { email: 'x@alpha.test', name: 'X', password: 'lange zin als wachtwoord' })).status).toBe(403);
    expect((await admin.patch('/api/v1/organisations/alpha', { csirt: null })).status).toBe(403);
    expect((await admin.get('/api/v1/users')).status).toBe(403);
  });
});

describe('members and roles', () => {
  it('the organisation admin changes roles; the last admin cannot be removed or demoted', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const r = await admin.put(`/api/v1/organisations/alpha/members/${world.users.ciso.id}`, { roles: ['ciso', 'privacy'] });
    expect(r.status).toBe(200);
    expect(r.body.roles).toEqual(['ciso', 'privacy']);
    expect((await admin.put(`/api/v1/organisations/alpha/members/${world.users.admin.id}`, { roles: ['ciso'] })).status).toBe(409);
    expect((await admin.delete(`/api/v1/organisations/alpha/members/${world.users.admin.id}`)).status).toBe(409);
  });

  it('refuses the analist role outside a CSIRT and unknown roles', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const r = await admin.put(`/api/v1/organisations/alpha/members/${world.users.ciso.id}`, { roles: ['analist'] });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/CSIRT/);
    const bad = await admin.put(`/api/v1/organisations/alpha/members/${world.users.ciso.id}`, { roles: ['god'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.roles.0');
  });

  it('a medewerker-level role cannot manage members', async () => {
    const ciso = await loginAs(t.app, 'ciso@alpha.test');
    expect((await ciso.get('/api/v1/organisations/alpha/members')).status).toBe(200);
    expect((await ciso.put(`/api/v1/organisations/alpha/members/${world.users.ciso.id}`, { roles: ['admin'] })).status).toBe(403);
    expect((await ciso.post('/api/v1/organisations/alpha/invitations', { email: 'a@b.test', roles: ['admin'] })).status).toBe(403);
  });

  it('a user in several organisations sees all of them and acts per organisation', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    expect((await root.post('/api/v1/organisations/beta/members', { email: 'ciso@alpha.test', roles: ['auditor'] })).status).toBe(201);
    const ciso = await loginAs(t.app, 'ciso@alpha.test');
    const me = await ciso.get('/api/v1/me');
    const byOrg = Object.fromEntries(me.body.memberships.map((m: any) => [m.organisation.slug, m]));
    expect(byOrg.alpha.permissions).not.toContain('audit.read');
    expect(byOrg.beta.permissions).toContain('audit.read');
    expect((await ciso.get('/api/v1/organisations/beta/audit-events')).status).toBe(200);
    expect((await ciso.get('/api/v1/organisations/alpha/audit-events')).status).toBe(403);
  });
});

describe('invitations', () => {
  it('invites a new person, who creates an account and is signed in with the roles', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const inv = await admin.post('/api/v1/organisations/alpha/invitations', { email: 'Nieuw@Alpha.test', roles: ['oov'] });
    expect(inv.status).toBe(201);
    expect(inv.body.acceptUrl).toMatch(/^http:\/\/localhost:3000\/invitation\//);
    const token = inv.body.acceptUrl.split('/').pop();
    const guest = new Client(t.app);
    const preview = await guest.get(`/api/v1/invitations/${token}`);
    expect(preview.body).toEqual({ organisation: { slug: 'alpha', name: expect.any(String) }, email: 'nieuw@alpha.test', existingUser: false });
    expect((await guest.post(`/api/v1/invitations/${token}/accept`, { name: 'Nieuw', password: 'kort' })).status).toBe(400);
    const ok = await guest.post(`/api/v1/invitations/${token}/accept`, { name: 'Nieuwe Collega', password: 'een goede lange zin' });
    expect(ok.status).toBe(200);
    const me = await guest.get('/api/v1/me');
    expect(me.body.memberships[0]).toMatchObject({ organisation: { slug: 'alpha' }, roles: ['oov'] });
    // used once
    expect((await new Client(t.app).get(`/api/v1/invitations/${token}`)).status).toBe(404);
    const list = await admin.get('/api/v1/organisations/alpha/invitations');
    expect(list.body.items.find((i: any) => i.email === 'nieuw@alpha.test').acceptedAt).not.toBeNull();
  });

  it('an existing account must be signed in as the invited address', async () => {
    const betaAdmin = await loginAs(t.app, 'admin@beta.test');
    const inv = await betaAdmin.post('/api/v1/organisations/beta/invitations', { email: 'auditor@alpha.test', roles: ['auditor'] });
    const token = inv.body.acceptUrl.split('/').pop();
    expect((await new Client(t.app).post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(401);
    const wrong = await loginAs(t.app, 'ciso@alpha.test');
    expect((await wrong.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(401);
    const right = await loginAs(t.app, 'auditor@alpha.test');
    expect((await right.post(`/api/v1/invitations/${token}/accept`, {})).status).toBe(200);
    expect((await right.get('/api/v1/me')).body.memberships.map((m: any) => m.organisation.slug).sort()).toEqual(['alpha', 'beta']);
  });

  it('revoked invitations no longer work; inviting a member is refused', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const inv = await admin.post('/api/v1/organisations/alpha/invitations', { email: 'later@alpha.test', roles: ['raad'] });
    expect((await admin.delete(`/api/v1/organisations/alpha/invitations/${inv.body.id}`)).status).toBe(204);
    expect((await new Client(t.app).get(`/api/v1/invitations/${inv.body.acceptUrl.split('/').pop()}`)).status).toBe(404);
    expect((await admin.post('/api/v1/organisations/alpha/invitations', { email: 'ciso@alpha.test', roles: ['raad'] })).status).toBe(409);
  });
});

describe('account administration', () => {
  it('searches and pages through accounts', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    const p1 = await root.get('/api/v1/users?limit=2');
    expect(p1.status).toBe(200);
    expect(p1.body.items).toHaveLength(2);
    const p2 = await root.get(`/api/v1/users?limit=2&cursor=${encodeURIComponent(p1.body.nextCursor)}`);
    expect(p2.body.items[0].email > p1.body.items[1].email).toBe(true);
    const found = await root.get('/api/v1/users?q=ANALIST');
    expect(found.body.items.map((u: any) => u.email)).toEqual(['analist@csirt.test']);
    expect(found.body.items[0].memberships).toEqual([{ organisation: 'csirt', roles: ['analist'] }]);
    expect((await root.get('/api/v1/users?q=%25')).body.items).toEqual([]);
  });
});
