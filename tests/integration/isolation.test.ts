import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { tenantTx } from '../../src/server/core/db/client.js';
import { auditEvents, invitations, memberships, organisationOidc, organisations, users } from '../../src/server/core/db/schema.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { ENGINE } from '../helpers/db.js';
import { createTestApp, loginAs, ownerSql, seedWorld, type TestApp } from '../helpers/app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  // give both organisations data in every tenant table
  const alphaAdmin = await loginAs(t.app, 'admin@alpha.test');
  const betaAdmin = await loginAs(t.app, 'admin@beta.test');
  for (const [c, org] of [[alphaAdmin, 'alpha'], [betaAdmin, 'beta']] as const) {
    expect((await c.post(`/api/v1/organisations/${org}/invitations`, { email: `new@${org}.test`, roles: ['medewerker'] })).status).toBe(201);
    expect((await c.put(`/api/v1/organisations/${org}/oidc`, { enabled: false, issuer: `https://idp.${org}.test`, clientId: org, clientSecret: `secret-${org}`, label: org })).status).toBe(200);
  }
});
afterAll(() => t?.close());

describe(`row-level security on ${ENGINE}`, () => {
  it('a query that forgets the organisation filter still sees only its own organisation', async () => {
    const { alpha, beta } = world.orgs;
    const seen = await tenantTx(t.deps.database, { organisationId: alpha.id, userId: world.users.admin.id }, async (tx) => ({
      memberships: await tx.select().from(memberships),
      invitations: await tx.select().from(invitations),
      oidc: await tx.select().from(organisationOidc),
      audit: await tx.select().from(auditEvents),
      users: await tx.select({ email: users.email }).from(users),
      orgs: await tx.select({ slug: organisations.slug }).from(organisations),
      role: rowsOf<{ r: string }>(await tx.execute(sql`select current_user as r`))[0].r,
    }));
    expect(seen.role).toBe('weerbaar_app');
    expect(seen.memberships.length).toBeGreaterThan(0);
    expect(seen.memberships.every((m) => m.organisationId === alpha.id)).toBe(true);
    expect(seen.invitations.map((i) => i.email)).toEqual(['new@alpha.test']);
    expect(seen.oidc.map((o) => o.organisationId)).toEqual([alpha.id]);
    expect(seen.audit.length).toBeGreaterThan(0);
    expect(seen.audit.every((e) => e.organisationId === alpha.id)).toBe(true);
    expect(seen.users.map((u) => u.email)).not.toContain('admin@beta.test');
    // its own organisation and the linked CSIRT, never the other gemeente
    expect(seen.orgs.map((o) => o.slug).sort()).toEqual(['alpha', 'csirt']);
    expect(seen.orgs.map((o) => o.slug)).not.toContain(beta.slug);
  });

  it('without an organisation set, a tenant transaction sees nothing', async () => {
    const r = await tenantTx(t.deps.database, { organisationId: '00000000-0000-0000-0000-000000000000', userId: null }, async (tx) => ({
      m: await tx.select().from(memberships),
      a: await tx.select().from(auditEvents),
    }));
    expect(r.m).toEqual([]);
    expect(r.a).toEqual([]);
  });

  it('refuses to write a row for another organisation', async () => {
    const { alpha, beta } = world.orgs;
    await expect(
      tenantTx(t.deps.database, { organisationId: alpha.id, userId: null }, (tx) =>
        tx.insert(memberships).values({ organisationId: beta.id, userId: world.users.ciso.id, roles: ['admin'] }),
      ),
    ).rejects.toThrow();
    const leaked = rowsOf(await t.deps.database.db.execute(sql`select 1 from memberships where organisation_id = ${beta.id} and user_id = ${world.users.ciso.id}`));
    expect(leaked).toEqual([]);
  });

  it('cannot touch installation tables (sessions, tokens) or rewrite audit events', async () => {
    const { alpha } = world.orgs;
    await expect(tenantTx(t.deps.database, { organisationId: alpha.id, userId: null }, (tx) => tx.execute(sql`select * from sessions`))).rejects.toThrow();
    await expect(tenantTx(t.deps.database, { organisationId: alpha.id, userId: null }, (tx) => tx.execute(sql`update audit_events set action = 'x'`))).rejects.toThrow();
    await expect(tenantTx(t.deps.database, { organisationId: alpha.id, userId: null }, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toThrow();
  });

  it('the role is back to the owner after the transaction', async () => {
    await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: null }, async () => undefined);
    const [r] = rowsOf<{ r: string }>(await t.deps.database.db.execute(sql`select current_user as r`));
    expect(r.r).not.toBe('weerbaar_app');
  });
});

describe('HTTP: another organisation answers 404, never 403 and never the data', () => {
  const paths = (org: string) => [
    ['GET', `/api/v1/organisations/${org}`],
    ['GET', `/api/v1/organisations/${org}/members`],
    ['GET', `/api/v1/organisations/${org}/invitations`],
    ['GET', `/api/v1/organisations/${org}/oidc`],
    ['GET', `/api/v1/organisations/${org}/audit-events`],
    ['POST', `/api/v1/organisations/${org}/audit-events/verify`],
    ['PATCH', `/api/v1/organisations/${org}`, { name: 'Overgenomen' }],
    ['POST', `/api/v1/organisations/${org}/invitations`, { email: 'x@y.test', roles: ['admin'] }],
    ['PUT', `/api/v1/organisations/${org}/oidc`, { enabled: false, issuer: 'https://x.test', clientId: 'x', label: 'x' }],
  ] as const;

  it.each(['beta', 'does-not-exist'])('alpha admin requesting %s', async (org) => {
    const c = await loginAs(t.app, 'admin@alpha.test');
    for (const [method, url, body] of paths(org)) {
      const r = await c.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.text).not.toContain('Beta');
    }
  });

  it('members, invitations and users of beta are not reachable by id from alpha', async () => {
    const c = await loginAs(t.app, 'admin@alpha.test');
    const r1 = await c.put(`/api/v1/organisations/alpha/members/${world.users.betaAdmin.id}`, { roles: ['medewerker'] });
    expect(r1.status).toBe(404);
    const betaInv = rowsOf<{ id: string }>(await t.deps.database.db.execute(sql`select id from invitations where email = 'new@beta.test'`))[0];
    expect((await c.delete(`/api/v1/organisations/alpha/invitations/${betaInv.id}`)).status).toBe(404);
  });

  it('a CSIRT analyst sees the connected gemeente in the list, but not its data', async () => {
    const c = await loginAs(t.app, 'analist@csirt.test');
    const list = await c.get('/api/v1/organisations');
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: 'csirt', access: 'member' }), expect.objectContaining({ slug: 'alpha', access: 'connected' })]),
    );
    expect(list.body.items.map((o: any) => o.slug)).not.toContain('beta');
    expect((await c.get('/api/v1/organisations/alpha/audit-events')).status).toBe(404);
    const csirt = await c.get('/api/v1/organisations/csirt');
    expect(csirt.body.connected.map((o: any) => o.slug)).toEqual(['alpha']);
  });

  it('the organisation list holds only what the caller may see', async () => {
    const c = await loginAs(t.app, 'ciso@alpha.test');
    const list = await c.get('/api/v1/organisations');
    expect(list.body.items.map((o: any) => o.slug)).toEqual(['alpha']);
  });

  it('every table with an organisation_id has row-level security, a policy and the application role may use it', async () => {
    const tables = rowsOf<{ table_name: string; rls: boolean; policies: number; granted: boolean }>(
      await ownerSql(
        t.deps,
        sql`select c.table_name, cl.relrowsecurity as rls,
              (select count(*)::int from pg_policies p where p.tablename = c.table_name) as policies,
              has_table_privilege('weerbaar_app', quote_ident(c.table_name), 'SELECT') as granted
            from information_schema.columns c join pg_class cl on cl.relname = c.table_name
            where c.column_name = 'organisation_id' and c.table_schema = current_schema() and cl.relkind = 'r'
            order by 1`,
      ),
    );
    expect(tables.length).toBeGreaterThan(15);
    // installation tables that only system transactions reach (see the schema's header)
    const global = new Set(['alerts', 'oidc_states']);
    const missing = tables.filter((x) => !global.has(x.table_name)).filter((x) => !x.rls || x.policies < 1 || !x.granted).map((x) => x.table_name);
    expect(missing).toEqual([]);
  });
});

