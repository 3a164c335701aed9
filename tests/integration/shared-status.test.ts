import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { memberships, organisations, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { loadDemo } from '../../src/server/demo/seed.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * A joint arrangement that is itself an organisation (a samenwerkingsverband, "gr") shares its status
 * with the organisations whose arrangement links to it. Alpha links to it; beta does not. Another
 * samenwerkingsverband ("ander") publishes too, and nobody links to it.
 */

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const GR = '/api/v1/organisations/gr';
const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');

let t: TestApp;
let ciso: Client; // alpha's CISO: gets the notices
let alphaAdmin: Client; // alpha's admin: no ciso role, no notices
let auditor: Client;
let beta: Client;
let grCiso: Client;
let grAuditor: Client;
let anderCiso: Client;
let arrangementId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  const db = t.deps.database.db;
  const [gr, ander] = await db
    .insert(organisations)
    .values([
      { slug: 'gr', name: 'GR Kust ICT', kind: 'samenwerkingsverband' },
      { slug: 'ander', name: 'Ander Samenwerkingsverband', kind: 'samenwerkingsverband' },
    ])
    .returning();
  const hash = await hashPassword(PASSWORD);
  const mk = async (email: string) => (await db.insert(users).values({ email, name: email.split('@')[0], passwordHash: hash }).returning())[0];
  const [c, a, x, ad] = [await mk('ciso@gr.test'), await mk('auditor@gr.test'), await mk('ciso@ander.test'), await mk('admin@gr.test')];
  await db.insert(memberships).values([
    { organisationId: gr.id, userId: c.id, roles: ['ciso'] },
    { organisationId: gr.id, userId: ad.id, roles: ['admin'] },
    { organisationId: gr.id, userId: a.id, roles: ['auditor'] },
    { organisationId: ander.id, userId: x.id, roles: ['ciso'] },
  ]);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  alphaAdmin = await loginAs(t.app, 'admin@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
  grCiso = await loginAs(t.app, 'ciso@gr.test');
  grAuditor = await loginAs(t.app, 'auditor@gr.test');
  anderCiso = await loginAs(t.app, 'ciso@ander.test');
  const r = await ciso.post(`${A}/joint-arrangements`, { name: 'ICT-samenwerking Kust', kind: 'gemeenschappelijke_regeling', linkedOrganisation: 'gr' });
  expect(r.status).toBe(201);
  arrangementId = r.body.id;
  await beta.post(`${B}/joint-arrangements`, { name: 'Eigen regeling', kind: 'convenant' });
});
afterAll(() => t?.close());

const notices = async (c: Client) => (await c.get('/api/v1/inbox?limit=100')).body.items.filter((n: any) => n.kind === 'gedeelde_status');

describe(`shared status on ${ENGINE}`, () => {
  it('before publishing: no status, and the participants are the organisations that link to it', async () => {
    const r = await grAuditor.get(`${GR}/shared-status`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: null, message: '', shareCompliance: false, updatedAt: null, participants: [{ slug: 'alpha', name: 'Gemeente Alpha' }] });
    const ja = await ciso.get(`${A}/joint-arrangements/${arrangementId}`);
    expect(ja.body).toMatchObject({ linkedOrganisation: { slug: 'gr' }, sharedStatus: null });
  });

  it('publishes a status: audited, the participants’ CISOs get a notice, the participant sees it on its arrangement', async () => {
    const r = await grCiso.put(`${GR}/shared-status`, { status: 'verstoord', message: 'Netwerkstoring in het datacenter; zaaksysteem traag.', shareCompliance: false });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ status: 'verstoord', message: 'Netwerkstoring in het datacenter; zaaksysteem traag.', shareCompliance: false, participants: [{ slug: 'alpha' }] });
    expect(new Date(r.body.updatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const mine = await notices(ciso);
    expect(mine).toEqual([
      expect.objectContaining({
        organisation: { slug: 'alpha', name: 'Gemeente Alpha' },
        title: 'GR Kust ICT: status verstoord',
        body: 'Netwerkstoring in het datacenter; zaaksysteem traag.',
        link: `/o/alpha/assets/joint-arrangements/${arrangementId}`,
        readAt: null,
      }),
    ]);
    expect(await notices(alphaAdmin)).toEqual([]);
    expect(await notices(beta)).toEqual([]);

    const ja = await auditor.get(`${A}/joint-arrangements/${arrangementId}`);
    expect(ja.body.sharedStatus).toEqual({ status: 'verstoord', message: 'Netwerkstoring in het datacenter; zaaksysteem traag.', updatedAt: r.body.updatedAt, compliance: null });
    const list = await auditor.get(`${A}/joint-arrangements`);
    expect(list.body.items.find((j: any) => j.id === arrangementId).sharedStatus.status).toBe('verstoord');

    const events = rowsOf<{ action: string; changes: any }>(await t.deps.database.db.execute(sql`
      select e.action, e.changes from audit_events e join organisations o on o.id = e.organisation_id
      where o.slug = 'gr' and e.entity_type = 'shared_status' order by e.seq`));
    expect(events.map((e) => e.action)).toEqual(['create']);
    expect(JSON.stringify(events[0].changes)).toContain('alpha');
  });

  it('a new message or sharing alone notifies nobody; a new status does; the same PUT twice changes nothing', async () => {
    await grCiso.put(`${GR}/shared-status`, { status: 'verstoord', message: 'Update 12.00: oorzaak gevonden.', shareCompliance: false });
    expect(await notices(ciso)).toHaveLength(1);
    const r = await grCiso.put(`${GR}/shared-status`, { status: 'uitval', message: 'Datacenter onbereikbaar.', shareCompliance: false });
    expect(r.body.status).toBe('uitval');
    const mine = await notices(ciso);
    expect(mine.map((n: any) => n.title)).toEqual(['GR Kust ICT: status uitval', 'GR Kust ICT: status verstoord']);
    const before = rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from audit_events where entity_type = 'shared_status'`))[0].n;
    const same = await grCiso.put(`${GR}/shared-status`, { status: 'uitval', message: 'Datacenter onbereikbaar.', shareCompliance: false });
    expect(same.body.updatedAt).toBe(r.body.updatedAt);
    const after = rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from audit_events where entity_type = 'shared_status'`))[0].n;
    expect(after).toBe(before);
    expect(await notices(ciso)).toHaveLength(2);
  });

  it('shares compliance progress only when chosen: per framework of its latest year, the share that voldoet', async () => {
    expect((await grCiso.post(`${GR}/assessment-years`, { year: 2026, frameworks: ['test:alpha'] })).status).toBe(201);
    const ids = rowsOf<{ id: string }>(
      await t.deps.database.db.execute(sql`select id from requirements where framework_id = 'test:alpha' and ref in ('5.1.01', '8.2.01')`),
    ).map((r) => r.id);
    const bulk = await grCiso.post(`${GR}/assessment-years/2026/assessments/bulk`, { requirementIds: ids, changes: { result: 'voldoet' } });
    expect(bulk.status, bulk.text).toBe(200);
    expect((await ciso.get(`${A}/joint-arrangements/${arrangementId}`)).body.sharedStatus.compliance).toBeNull();
    await grCiso.put(`${GR}/shared-status`, { status: 'normaal', message: '', shareCompliance: true });
    const ja = await ciso.get(`${A}/joint-arrangements/${arrangementId}`);
    expect(ja.body.sharedStatus).toMatchObject({ status: 'normaal', message: '', compliance: { frameworks: [{ id: 'test:alpha', name: expect.any(String), percentage: 66.7 }] } });
    expect((await notices(ciso)).map((n: any) => n.title)[0]).toBe('GR Kust ICT: status normaal');
    expect((await notices(ciso))[0].body).toContain('was uitval');
  });

  it('refuses bad input, a reader, and an organisation that is not a samenwerkingsverband', async () => {
    for (const body of [
      { status: 'kapot' },
      { status: null, message: '' },
      { status: 'normaal', message: 'x'.repeat(2001) },
      { status: 'normaal', extra: 1 },
      { message: 'geen status' },
      { status: 'normaal', shareCompliance: 'ja' },
    ]) {
      const r = await grCiso.put(`${GR}/shared-status`, body);
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await grAuditor.put(`${GR}/shared-status`, { status: 'uitval' })).status).toBe(403);
    const gemeente = await alphaAdmin.put(`${A}/shared-status`, { status: 'uitval' });
    expect(gemeente.status).toBe(400);
    expect(gemeente.body.detail).toContain('samenwerkingsverband');
    expect((await ciso.get(`${A}/shared-status`)).body).toMatchObject({ status: null, participants: [] });
  });

  it('isolation: a non-participant sees nothing and gets 404; statuses of organisations one does not link to stay hidden', async () => {
    await anderCiso.put('/api/v1/organisations/ander/shared-status', { status: 'uitval', message: 'Geheim', shareCompliance: true });
    expect((await beta.get(`${GR}/shared-status`)).status).toBe(404);
    expect((await beta.put(`${GR}/shared-status`, { status: 'uitval' })).status).toBe(404);
    expect((await ciso.get('/api/v1/organisations/ander/shared-status')).status).toBe(404);
    const betaList = (await beta.get(`${B}/joint-arrangements`)).body.items;
    expect(betaList.every((j: any) => j.sharedStatus === null)).toBe(true);
    // alpha's arrangements show gr's status, never ander's
    const alphaList = (await ciso.get(`${A}/joint-arrangements`)).body.items;
    expect(JSON.stringify(alphaList)).not.toContain('Geheim');
    // nobody got a notice for ander's status: it has no participants
    expect((await anderCiso.get('/api/v1/organisations/ander/shared-status')).body.participants).toEqual([]);
    expect((await notices(beta)).length + (await notices(ciso)).filter((n: any) => n.title.startsWith('Ander')).length).toBe(0);
  });

  it('unlinking ends it: no status on the arrangement, no longer a participant, no notices', async () => {
    const before = (await notices(ciso)).length;
    const r = await ciso.patch(`${A}/joint-arrangements/${arrangementId}`, { linkedOrganisation: null });
    expect(r.body).toMatchObject({ linkedOrganisation: null, sharedStatus: null });
    expect((await grCiso.get(`${GR}/shared-status`)).body.participants).toEqual([]);
    await grCiso.put(`${GR}/shared-status`, { status: 'verstoord', message: 'Weer storing', shareCompliance: true });
    expect(await notices(ciso)).toHaveLength(before);
    const relinked = await ciso.patch(`${A}/joint-arrangements/${arrangementId}`, { linkedOrganisation: 'gr' });
    expect(relinked.body.sharedStatus).toMatchObject({ status: 'verstoord', message: 'Weer storing' });
  });

  it('the audit trail of the samenwerkingsverband stays intact', async () => {
    const admin = await loginAs(t.app, 'admin@gr.test');
    expect((await admin.put(`${GR}/shared-status`, { status: 'normaal', message: 'Opgelost.', shareCompliance: true })).status).toBe(200);
    const v = await admin.post(`${GR}/audit-events/verify`);
    expect(v.status, v.text).toBe(200);
    expect(v.body.valid).toBe(true);
  });
});

describe('demo: GR Kustland ICT shares a disrupted status with the three gemeenten', () => {
  it('links the gemeenten’s ICT arrangement, shares compliance, and notified their CISOs', async () => {
    const t2 = await createTestApp();
    try {
      await loadCatalogs(t2.deps.database);
      expect(await loadDemo(t2.deps.database)).toBe('loaded');
      const gr = await loginAs(t2.app, 'ciso@gr-kustland-ict.example', 'weerbaar-demo');
      const own = (await gr.get('/api/v1/organisations/gr-kustland-ict/shared-status')).body;
      expect(own).toMatchObject({ status: 'verstoord', shareCompliance: true });
      expect(own.participants.map((p: any) => p.slug)).toEqual(['noorderveld', 'oostbroek', 'zuidhaven']);
      const admin = await loginAs(t2.app, 'admin@weerbaar.example', 'weerbaar-demo');
      expect((await admin.get('/api/v1/organisations/gr-kustland-ict/shared-status')).status).toBe(200);
      for (const slug of ['zuidhaven', 'noorderveld', 'oostbroek']) {
        const c = await loginAs(t2.app, `ciso@${slug}.example`, 'weerbaar-demo');
        const list = (await c.get(`/api/v1/organisations/${slug}/joint-arrangements?q=ICT`)).body.items;
        const ict = list.find((j: any) => j.name === 'ICT Samenwerking Kustland');
        expect(ict.linkedOrganisation).toEqual({ slug: 'gr-kustland-ict', name: 'GR Kustland ICT' });
        expect(ict.sharedStatus.status).toBe('verstoord');
        expect(ict.sharedStatus.compliance.frameworks.map((f: any) => f.id).sort()).toEqual(['weerbaar:bio2', 'weerbaar:cbw-nis2']);
        expect(ict.sharedStatus.compliance.frameworks.every((f: any) => f.percentage > 40 && f.percentage < 90)).toBe(true);
        const inbox = (await c.get('/api/v1/inbox?limit=100')).body.items;
        expect(inbox.filter((n: any) => n.kind === 'gedeelde_status' && n.organisation.slug === slug)).toHaveLength(1);
      }
    } finally {
      await t2.close();
    }
  });
});
