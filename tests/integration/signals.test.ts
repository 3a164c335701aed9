import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { actions, memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { addDays, localDate as todayInAmsterdam } from '../../src/shared/dates.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const today = todayInAmsterdam();
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let admin: Client;
let beta: Client;
let token: string;
let patching: string;
let logging: string;
let betaMeasure: string;

/** The scanner: an API token, no cookie, no CSRF token. */
async function scanner(body: unknown, org = 'alpha', bearer = token) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${org}/signals`,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

const signalCount = async () => rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from signals`))[0].n;
const inbox = async (c: Client, kind = 'measure_failing') => (await c.get('/api/v1/inbox?limit=100')).body.items.filter((n: any) => n.kind === kind);

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  admin = await loginAs(t.app, 'admin@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
  const created = await ciso.post('/api/v1/me/tokens', { name: 'scanner', expiresInDays: 30 });
  expect(created.status).toBe(201);
  token = created.body.token;
  patching = (await ciso.post(`${A}/measures`, { title: 'Patchbeheer', status: 'geimplementeerd' })).body.id;
  logging = (await ciso.post(`${A}/measures`, { title: 'Logging en monitoring', status: 'in_uitvoering' })).body.id;
  betaMeasure = (await beta.post(`${B}/measures`, { title: 'Patchbeheer Beta', status: 'gepland' })).body.id;
});
afterAll(() => t?.close());

describe(`signals on ${ENGINE}`, () => {
  it('records one observation with an API token', async () => {
    const r = await scanner({ measureId: patching, source: 'weerbaar-scanner', check: 'tls-certificaat geldig', passed: true, observedAt: minutesAgo(30), details: { host: 'www.alpha.example' } });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ recorded: 1 });
    const m = (await ciso.get(`${A}/measures/${patching}`)).body;
    expect(m.signals).toEqual({ failing: 0, passing: 1 });
    const s = await ciso.get(`${A}/measures/${patching}/signals`);
    expect(s.body.state).toEqual([{ source: 'weerbaar-scanner', check: 'tls-certificaat geldig', passed: true, observedAt: expect.any(String) }]);
    expect(s.body.history).toEqual([
      expect.objectContaining({ id: expect.any(String), source: 'weerbaar-scanner', passed: true, details: { host: 'www.alpha.example' }, receivedAt: expect.any(String) }),
    ]);
  });

  it('refuses bad input and measures of another organisation, recording nothing', async () => {
    const before = await signalCount();
    const ok = { measureId: patching, source: 'weerbaar-scanner', check: 'x', passed: true, observedAt: minutesAgo(1) };
    const future = await scanner({ ...ok, observedAt: new Date(Date.now() + 10 * 60_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('body.signals.0.observedAt');
    // a little clock skew is fine
    expect((await scanner({ ...ok, observedAt: new Date(Date.now() + 2 * 60_000).toISOString() })).status).toBe(201);
    const inBatch = await scanner({ signals: [ok, { ...ok, observedAt: new Date(Date.now() + 3600_000).toISOString() }] });
    expect(inBatch.status).toBe(400);
    expect(inBatch.body.errors[0].path).toBe('body.signals.1.observedAt');
    expect((await scanner({ ...ok, observedAt: '2026-01-01 10:00' })).status).toBe(400);
    expect((await scanner({ ...ok, passed: 'ja' })).status).toBe(400);
    expect((await scanner({ ...ok, kleur: 'rood' })).status).toBe(400);
    expect((await scanner({ ...ok, details: { blob: 'x'.repeat(20_000) } })).status).toBe(400);
    expect((await scanner({ signals: [] })).status).toBe(400);
    expect((await scanner({ signals: Array.from({ length: 501 }, () => ok) })).status).toBe(400);
    const other = await scanner({ signals: [ok, { ...ok, measureId: betaMeasure, passed: false }] });
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('Patchbeheer Beta');
    expect((await scanner(ok, 'beta')).status).toBe(404);
    expect(await signalCount()).toBe(before + 1);
    // only members with the right role record; without a valid token nothing at all
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    expect((await auditor.post(`${A}/signals`, ok)).status).toBe(403);
    expect((await scanner(ok, 'alpha', 'wbt_onzin')).status).toBe(401);
  });

  it('a failing latest observation puts the measure on the attention list and notifies admin and CISO once', async () => {
    const r = await scanner({
      signals: [
        { measureId: patching, source: 'weerbaar-scanner', check: 'verouderde software', passed: false, observedAt: minutesAgo(20), details: { product: 'nginx 1.18' } },
        { measureId: patching, source: 'weerbaar-scanner', check: 'verouderde software', passed: false, observedAt: minutesAgo(19) },
        { measureId: logging, source: 'siem', check: 'logbron actief', passed: true, observedAt: minutesAgo(19) },
      ],
    });
    expect(r.body).toEqual({ recorded: 3 });
    const m = (await ciso.get(`${A}/measures?limit=200`)).body.items.find((x: any) => x.id === patching);
    expect(m.signals).toEqual({ failing: 1, passing: 2 }); // tls and the check 'x' from before pass
    const attention = (await ciso.get(`${A}/compliance/attention`)).body;
    expect(attention.failingMeasures).toEqual([
      { id: patching, title: 'Patchbeheer', failing: [{ source: 'weerbaar-scanner', check: 'verouderde software', observedAt: expect.any(String) }] },
    ]);
    for (const c of [ciso, admin]) {
      const notices = await inbox(c);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ organisation: { slug: 'alpha' }, title: expect.stringContaining('Patchbeheer'), link: `/o/alpha/compliance/measures/${patching}`, readAt: null });
    }
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    expect(await inbox(auditor)).toEqual([]);
    // still red: no second notice
    await scanner({ measureId: patching, source: 'weerbaar-scanner', check: 'open poorten', passed: false, observedAt: minutesAgo(18) });
    expect(await inbox(ciso)).toHaveLength(1);
    // one audit event per batch
    const events = (await admin.get(`${A}/audit-events?entityType=signal_batch&limit=100`)).body.items;
    const batch = events.find((e: any) => e.changes.recorded?.after === 3);
    expect(batch).toMatchObject({ action: 'record', actor: { type: 'token' } });
    expect(batch.changes.turnedRed.after).toEqual(['Patchbeheer']);
  });

  it('a later passing observation clears it; an older one arriving late does not undo that', async () => {
    await scanner({
      signals: [
        { measureId: patching, source: 'weerbaar-scanner', check: 'verouderde software', passed: true, observedAt: minutesAgo(10) },
        { measureId: patching, source: 'weerbaar-scanner', check: 'open poorten', passed: true, observedAt: minutesAgo(10) },
      ],
    });
    expect((await ciso.get(`${A}/measures/${patching}`)).body.signals).toEqual({ failing: 0, passing: 4 });
    expect((await ciso.get(`${A}/compliance/attention`)).body.failingMeasures).toEqual([]);
    await scanner({ measureId: patching, source: 'weerbaar-scanner', check: 'verouderde software', passed: false, observedAt: minutesAgo(15) });
    expect((await ciso.get(`${A}/measures/${patching}`)).body.signals).toEqual({ failing: 0, passing: 4 });
    const s = (await ciso.get(`${A}/measures/${patching}/signals`)).body;
    expect(s.state.every((x: any) => x.passed)).toBe(true);
    expect(s.history.filter((h: any) => h.check === 'verouderde software')).toHaveLength(4);
    expect(s.history[0].observedAt >= s.history[1].observedAt).toBe(true); // newest first
    expect((await ciso.get(`${A}/measures/${patching}/signals?limit=2`)).body.history).toHaveLength(2);
    expect(await inbox(ciso)).toHaveLength(1);
    // red again: a new transition, a new notice
    await scanner({ measureId: patching, source: 'weerbaar-scanner', check: 'open poorten', passed: false, observedAt: minutesAgo(1) });
    expect(await inbox(ciso)).toHaveLength(2);
    expect(await inbox(admin)).toHaveLength(2);
  });

  it('another organisation sees none of the signals', async () => {
    const r = await beta.get(`${B}/measures/${patching}/signals`);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('weerbaar-scanner');
    expect((await beta.get(`${A}/measures/${patching}/signals`)).status).toBe(404);
    expect((await beta.get(`${B}/compliance/attention`)).body.failingMeasures).toEqual([]);
    expect((await beta.get(`${B}/measures/${betaMeasure}`)).body.signals).toEqual({ failing: 0, passing: 0 });
    expect(await inbox(beta)).toEqual([]);
  });
});

describe(`the attention list on ${ENGINE}`, () => {
  it('lists overdue assessments of open years only, not those that are met, not applicable or signed', async () => {
    const [b] = await t.deps.database.db.insert(users).values({ email: 'burgemeester@alpha.test', name: 'Burgemeester', passwordHash: await hashPassword(PASSWORD) }).returning();
    await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: b.id, roles: ['bestuurder'] });
    const burgemeester = await loginAs(t.app, 'burgemeester@alpha.test');
    const Y = `${A}/assessment-years`;
    await ciso.post(Y, { year: 2024, frameworks: ['test:alpha'] });
    const old = (await ciso.get(`${Y}/2024/assessments`)).body.items;
    await ciso.post(`${Y}/2024/assessments/bulk`, { requirementIds: old.map((i: any) => i.requirementId), changes: { dueDate: '2024-06-01' } });
    expect((await burgemeester.post(`${Y}/2024/sign`, { signerName: 'B. Burgemeester', signerFunction: 'burgemeester', statement: 'Het college verklaart het.' })).status).toBe(200);

    await ciso.post(Y, { year: 2025, frameworks: ['test:alpha', 'test:nis'] });
    const items = (await ciso.get(`${Y}/2025/assessments`)).body.items;
    const id = (ref: string) => items.find((i: any) => i.ref === ref).requirementId;
    const past = addDays(today, -3);
    await ciso.patch(`${Y}/2025/assessments/${id('5.1.01')}`, { dueDate: past, ownerId: world.users.ciso.id, result: 'voldoet_deels' });
    await ciso.patch(`${Y}/2025/assessments/${id('5.1.02')}`, { dueDate: past, result: 'voldoet' });
    await ciso.patch(`${Y}/2025/assessments/${id('8.2.01')}`, { dueDate: past, applicable: false, notApplicableReason: 'Geen eigen datacenter' });
    await ciso.patch(`${Y}/2025/assessments/${id('21.2.a')}`, { dueDate: addDays(today, -40) });
    await ciso.patch(`${Y}/2025/assessments/${id('21.2.b')}`, { dueDate: today });

    const a = (await ciso.get(`${A}/compliance/attention`)).body;
    expect(a.overdueAssessments).toEqual([
      { year: 2025, requirementId: id('21.2.a'), frameworkId: 'test:nis', ref: '21.2.a', title: expect.any(String), dueDate: addDays(today, -40), result: 'niet_beoordeeld', owner: null },
      { year: 2025, requirementId: id('5.1.01'), frameworkId: 'test:alpha', ref: '5.1.01', title: expect.any(String), dueDate: past, result: 'voldoet_deels', owner: { id: world.users.ciso.id, name: 'ciso' } },
    ]);
    expect((await beta.get(`${B}/compliance/attention`)).body.overdueAssessments).toEqual([]);
  });

  it('lists expired and soon-expiring evidence, and overdue open actions', async () => {
    const mk = async (title: string, validUntil: string | null) => (await ciso.post(`${A}/evidence/links`, { title, url: 'https://intranet.example/x', validUntil })).body.id;
    const expired = await mk('Verlopen', addDays(today, -2));
    const soon = await mk('Bijna', addDays(today, 20));
    await mk('Geldig', addDays(today, 60));
    await mk('Zonder einde', null);
    const db = t.deps.database.db;
    const [overdue] = await db
      .insert(actions)
      .values([
        { organisationId: world.orgs.alpha.id, title: 'Pentest-bevindingen oplossen', dueDate: addDays(today, -5), status: 'in_uitvoering', sourceType: 'handmatig', ownerId: world.users.admin.id },
        { organisationId: world.orgs.alpha.id, title: 'Afgerond', dueDate: addDays(today, -5), status: 'afgerond', sourceType: 'handmatig' },
        { organisationId: world.orgs.alpha.id, title: 'Nog niet te laat', dueDate: today, status: 'open', sourceType: 'handmatig' },
        { organisationId: world.orgs.beta.id, title: 'Van Beta', dueDate: addDays(today, -5), status: 'open', sourceType: 'handmatig' },
      ])
      .returning();
    const a = (await ciso.get(`${A}/compliance/attention`)).body;
    expect(a.evidence.map((e: any) => [e.id, e.status])).toEqual([
      [expired, 'verlopen'],
      [soon, 'verloopt_binnenkort'],
    ]);
    expect(a.overdueActions).toEqual([{ id: overdue.id, title: 'Pentest-bevindingen oplossen', dueDate: addDays(today, -5), status: 'in_uitvoering', owner: { id: world.users.admin.id, name: 'admin' } }]);
    const b = (await beta.get(`${B}/compliance/attention`)).body;
    expect(b.evidence).toEqual([]);
    expect(b.overdueActions.map((x: any) => x.title)).toEqual(['Van Beta']);
    const raad = await loginAs(t.app, 'admin@beta.test');
    expect((await raad.get(`${A}/compliance/attention`)).status).toBe(404);
  });
});
