import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../src/server/modules/auth/setup.js';
import { loadDemo } from '../../src/server/demo/seed.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { Client, createTestApp, loginAs, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('first start of an empty installation', () => {
  it('creates the first administrator through the one-time setup link, once', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/v1/setup')).body).toEqual({ required: true });
    const token = await issueSetupToken(t.deps.database);
    expect(token).toBeTruthy();
    expect((await anon.post('/api/v1/setup', { token: 'x'.repeat(20), email: 'beheer@example.test', name: 'Beheer', password: 'een lange goede zin' })).status).toBe(403);
    expect((await anon.post('/api/v1/setup', { token, email: 'beheer@example.test', name: 'Beheer', password: 'kort' })).status).toBe(400);
    const ok = await anon.post('/api/v1/setup', { token, email: 'Beheer@Example.test', name: 'Beheer', password: 'een lange goede zin' });
    expect(ok.status).toBe(201);
    expect((await anon.get('/api/v1/setup')).body).toEqual({ required: false });
    expect(await issueSetupToken(t.deps.database)).toBeNull();
    expect((await anon.post('/api/v1/setup', { token, email: 'second@example.test', name: 'Nog een', password: 'een lange goede zin' })).status).toBe(409);
    const admin = await loginAs(t.app, 'beheer@example.test', 'een lange goede zin');
    const me = await admin.get('/api/v1/me');
    expect(me.body.user).toMatchObject({ email: 'beheer@example.test', isInstallationAdmin: true });
    const audit = await admin.get('/api/v1/audit-events');
    expect(audit.body.items.some((e: any) => e.entityType === 'user' && e.action === 'create')).toBe(true);
  });

  it('refuses to load the demo dataset into a database that holds other data', async () => {
    await expect(loadDemo(t.deps.database)).rejects.toThrow(/andere gegevens/);
    expect((await new Client(t.app).post('/api/v1/auth/login', { email: 'admin@weerbaar.example', password: 'weerbaar-demo' })).status).toBe(401);
  });
});

describe('demo dataset', () => {
  it('loads once, with the contract organisations and accounts', async () => {
    const t2 = await createTestApp();
    try {
      await loadCatalogs(t2.deps.database);
      expect(await loadDemo(t2.deps.database)).toBe('loaded');
      expect(await loadDemo(t2.deps.database)).toBe('already-loaded');
      const analist = await loginAs(t2.app, 'analist@csirt.example', 'weerbaar-demo');
      const orgs = (await analist.get('/api/v1/organisations')).body.items.map((o: any) => o.slug).sort();
      expect(orgs).toEqual(['csirt-gemeenten', 'noorderveld', 'oostbroek', 'zuidhaven']);
      for (const slug of ['zuidhaven', 'noorderveld', 'oostbroek']) {
        for (const [local, role] of [['ciso', 'ciso'], ['fg', 'privacy'], ['oov', 'oov'], ['burgemeester', 'bestuurder'], ['raad', 'raad'], ['auditor', 'auditor']]) {
          const c = await loginAs(t2.app, `${local}@${slug}.example`, 'weerbaar-demo');
          const me = (await c.get('/api/v1/me')).body;
          expect(me.memberships).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ slug }), roles: [role] })]);
        }
      }
      const admin = await loginAs(t2.app, 'admin@weerbaar.example', 'weerbaar-demo');
      const z = (await admin.get('/api/v1/organisations/zuidhaven')).body;
      expect(z.csirt.slug).toBe('csirt-gemeenten');
      expect(z.veiligheidsregio.slug).toBe('vr-kustland');
      expect((await admin.post('/api/v1/organisations/zuidhaven/audit-events/verify')).body.valid).toBe(true);

      // the compliance picture: measures, a signed 2025 year and a half-filled 2026 year
      const ciso = await loginAs(t2.app, 'ciso@zuidhaven.example', 'weerbaar-demo');
      const measures = (await ciso.get('/api/v1/organisations/zuidhaven/measures?limit=100')).body.items;
      expect(measures.length).toBeGreaterThanOrEqual(10);
      expect(measures.every((m: any) => m.requirements.length > 0)).toBe(true);
      const years = (await ciso.get('/api/v1/organisations/zuidhaven/assessment-years')).body.items;
      expect(years.map((y: any) => [y.year, y.signed !== null])).toEqual([[2025, true], [2026, false]]);
      const y2026 = (await ciso.get('/api/v1/organisations/zuidhaven/assessment-years/2026')).body;
      const bio = y2026.progress.find((p: any) => p.framework === 'weerbaar:bio2');
      expect(bio.total).toBe(117);
      expect(bio.niet_beoordeeld / bio.total).toBeGreaterThan(0.3);
      expect(bio.niet_beoordeeld / bio.total).toBeLessThan(0.7);
      const diff = (await ciso.get('/api/v1/organisations/zuidhaven/assessment-years/2026/diff?against=2025')).body;
      expect(diff.summary.improved + diff.summary.slipped).toBeGreaterThan(0);
      const cov = (await ciso.get('/api/v1/organisations/zuidhaven/frameworks/weerbaar:cbw-nis2/coverage')).body;
      expect(cov.summary.voldoet + cov.summary.voldoet_deels).toBeGreaterThan(3);
      const overview = (await loginAs(t2.app, 'analist@csirt.example', 'weerbaar-demo')).get('/api/v1/organisations/csirt-gemeenten/compliance-overview?year=2026');
      expect((await overview).body.items.map((i: any) => i.organisation.slug)).toEqual(['noorderveld', 'oostbroek', 'zuidhaven']);

      // the audit of 2025: findings that became actions, one overdue, and actions of other kinds
      const findings = (await ciso.get('/api/v1/organisations/zuidhaven/assessment-years/2025/findings')).body.items;
      expect(findings.map((f: any) => f.severity)).toEqual(['hoog', 'midden', 'laag']);
      expect(findings.every((f: any) => f.requirement && f.action?.status === 'open')).toBe(true);
      const attention = (await ciso.get('/api/v1/organisations/zuidhaven/compliance/attention')).body;
      expect(attention.overdueAssessments.length).toBeGreaterThan(0);
      expect(attention.evidence.length).toBeGreaterThan(0);
      expect(attention.failingMeasures.length).toBeGreaterThan(0);
      // the open ransomware incident: its 72-hour notification falls due within the day
      expect(attention.incidentDeadlines.map((x: any) => [x.deadline.name, x.deadline.overdue])).toEqual([['Incidentmelding', false]]);
      // the dependency graph: the shared hosting party carries most processes; its outage cascades
      const conc = (await ciso.get('/api/v1/organisations/zuidhaven/concentration?limit=5')).body;
      const top = (conc.items ?? conc.suppliers ?? conc)[0];
      expect(JSON.stringify(top)).toContain('Kustnet');
      const kustnet = (await ciso.get('/api/v1/organisations/zuidhaven/suppliers?q=Kustnet')).body.items.find((x: any) => x.name === 'Kustnet Datacenters B.V.');
      const cascade = (await ciso.get(`/api/v1/organisations/zuidhaven/cascade?node=${kustnet.id}&outageHours=48`)).body;
      const processes = JSON.stringify(cascade);
      for (const name of ['Paspoorten en rijbewijzen', 'Uitkeringen verstrekken (Participatiewet)', 'Afvalinzameling', 'Vergunningen (omgevingswet)']) expect(processes).toContain(name);
      const polderflow = (await ciso.get('/api/v1/organisations/zuidhaven/suppliers?q=Polderflow')).body.items.find((x: any) => x.name === 'Polderflow Automation B.V.');
      expect(polderflow.highRisk).toBeTruthy();
      expect(JSON.stringify((await ciso.get(`/api/v1/organisations/zuidhaven/cascade?node=${polderflow.id}&outageHours=4`)).body)).toContain('Waterkering en gemalen bedienen');
      const overdue = (await ciso.get('/api/v1/organisations/zuidhaven/actions?overdue=true')).body.items;
      expect(overdue.length).toBeGreaterThanOrEqual(2);
      expect((await ciso.get('/api/v1/organisations/noorderveld/actions')).status).toBe(404);
      const oostbroekCiso = await loginAs(t2.app, 'ciso@oostbroek.example', 'weerbaar-demo');
      expect((await oostbroekCiso.get('/api/v1/organisations/oostbroek/actions?status=afgerond')).body.items).toHaveLength(1);
      expect((await admin.post('/api/v1/organisations/zuidhaven/audit-events/verify')).body.valid).toBe(true);
    } finally {
      await t2.close();
    }
  });
});
