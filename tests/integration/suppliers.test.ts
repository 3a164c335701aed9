import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { assets, dependencies, memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { JOBS } from '../../src/server/core/jobs/registry.js';
import { sendSupplierReminders, isoWeek } from '../../src/server/modules/suppliers/reminders.js';
import { addDays, localDate } from '../../src/shared/dates.js';
import { loadDemo } from '../../src/server/demo/seed.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const NOPE = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let admin: Client;
let ciso: Client;
let auditor: Client;
let privacy: Client;
let beta: Client;
let root: Client;
const today = localDate();

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  const [fg] = await t.deps.database.db.insert(users).values({ email: 'fg@alpha.test', name: 'FG Alpha', passwordHash: await hashPassword(PASSWORD) }).returning();
  await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: fg.id, roles: ['privacy'] });
  admin = await loginAs(t.app, 'admin@alpha.test');
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  privacy = await loginAs(t.app, 'fg@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
  root = await loginAs(t.app, 'root@install.test');
});
afterAll(() => t?.close());

const newSupplier = async (c: Client, body: Record<string, unknown>, base = A) => {
  const r = await c.post(`${base}/suppliers`, body);
  expect(r.status, r.text).toBe(201);
  return r.body;
};

describe(`suppliers on ${ENGINE}`, () => {
  let hostingId: string;

  it('creates a supplier with validated countries and shows Dutch country names', async () => {
    const r = await ciso.post(`${A}/suppliers`, {
      name: 'Kustnet Hosting B.V.',
      description: 'Datacenter en beheerde hosting',
      website: 'https://kustnet.example',
      registrationNumber: '12345678',
      countryOfOrigin: 'nl',
      processingCountries: ['NL', 'DE', 'NL'],
      processesPersonalData: false,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      name: 'Kustnet Hosting B.V.',
      registrationNumber: '12345678',
      countryOfOrigin: { code: 'NL', name: 'Nederland' },
      processingCountries: [
        { code: 'NL', name: 'Nederland' },
        { code: 'DE', name: 'Duitsland' },
      ],
      highRisk: false,
      highRiskReasons: [],
      warnings: [],
      contracts: [],
      processingAgreements: [],
      certifications: [],
      subprocessors: [],
      subprocessorOf: [],
    });
    hostingId = r.body.id;
    expect((await auditor.get(`${A}/suppliers/${hostingId}`)).body.name).toBe('Kustnet Hosting B.V.');
  });

  it('refuses bad input with a problem that names the field, and writes nothing', async () => {
    const bad = [
      { name: 'X' },
      { name: 'Onbekend land', countryOfOrigin: 'XX' },
      { name: 'Onbekend land', processingCountries: ['NL', 'QQ'] },
      { name: 'Rare site', website: 'ftp://x.example' },
      { name: 'Extra veld', extra: true },
      { name: 'Te veel', processingCountries: Array(51).fill('NL') },
    ];
    for (const body of bad) {
      const r = await ciso.post(`${A}/suppliers`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.errors.length).toBeGreaterThan(0);
    }
    const country = await ciso.post(`${A}/suppliers`, { name: 'Onbekend land', countryOfOrigin: 'XX' });
    expect(country.body.errors[0].path).toBe('body.countryOfOrigin');
    const list = await ciso.get(`${A}/suppliers?q=${encodeURIComponent('Onbekend')}`);
    expect(list.body.total).toBe(0);
    expect((await ciso.patch(`${A}/suppliers/${hostingId}`, { countryOfOrigin: 'ZZ' })).status).toBe(400);
    expect((await ciso.get(`${A}/suppliers/${NOPE}`)).status).toBe(404);
    expect((await ciso.get(`${A}/suppliers/not-a-uuid`)).status).toBe(400);
  });

  it('only managers change suppliers; readers read', async () => {
    expect((await auditor.post(`${A}/suppliers`, { name: 'Mag niet' })).status).toBe(403);
    expect((await auditor.patch(`${A}/suppliers/${hostingId}`, { name: 'Mag niet' })).status).toBe(403);
    expect((await auditor.delete(`${A}/suppliers/${hostingId}`)).status).toBe(403);
    expect((await auditor.post(`${A}/suppliers/${hostingId}/contracts`, { title: 'Mag niet' })).status).toBe(403);
    expect((await auditor.get(`${A}/suppliers`)).status).toBe(200);
    const p = await privacy.patch(`${A}/suppliers/${hostingId}`, { description: 'Hosting van het zaaksysteem' });
    expect(p.status).toBe(200);
    expect(p.body.description).toBe('Hosting van het zaaksysteem');
  });

  it('keeps contracts with their period, value, notice period and exit plan', async () => {
    const r = await ciso.post(`${A}/suppliers/${hostingId}/contracts`, {
      title: 'Raamovereenkomst hosting',
      startDate: '2022-01-01',
      endDate: addDays(today, 200),
      valueCents: 12_500_000,
      noticePeriodDays: 90,
      exitPlan: 'Migratie naar de regionale ICT-samenwerking binnen 6 maanden.',
    });
    expect(r.status, r.text).toBe(201);
    const c = r.body.contracts[0];
    expect(c).toMatchObject({ title: 'Raamovereenkomst hosting', valueCents: 12_500_000, noticePeriodDays: 90, noticeDeadline: addDays(today, 110) });
    expect(r.body.warnings).toEqual([]);
    expect((await ciso.post(`${A}/suppliers/${hostingId}/contracts`, { title: 'Omgekeerd', startDate: '2025-01-01', endDate: '2024-01-01' })).status).toBe(400);
    expect((await ciso.post(`${A}/suppliers/${hostingId}/contracts`, { title: 'Datum', endDate: '2025-02-30' })).status).toBe(400);
    expect((await ciso.post(`${A}/suppliers/${hostingId}/contracts`, { title: 'Negatief', valueCents: -1 })).status).toBe(400);
    expect((await ciso.patch(`${A}/suppliers/${hostingId}/contracts/${c.id}`, { startDate: addDays(today, 300) })).status).toBe(400);
    const soon = await ciso.patch(`${A}/suppliers/${hostingId}/contracts/${c.id}`, { endDate: addDays(today, 30) });
    expect(soon.status).toBe(200);
    expect(soon.body.contracts[0].endDate).toBe(addDays(today, 30));
    expect(soon.body.warnings.map((w: any) => w.code)).toEqual(['contract_loopt_af']);
    expect((await ciso.patch(`${A}/suppliers/${hostingId}/contracts/${NOPE}`, { title: 'Weg' })).status).toBe(404);
    const extra = await ciso.post(`${A}/suppliers/${hostingId}/contracts`, { title: 'Tijdelijke uitbreiding' });
    const extraId = extra.body.contracts.find((x: any) => x.title === 'Tijdelijke uitbreiding').id;
    expect((await ciso.delete(`${A}/suppliers/${hostingId}/contracts/${extraId}`)).status).toBe(204);
    expect((await ciso.delete(`${A}/suppliers/${hostingId}/contracts/${extraId}`)).status).toBe(404);
    expect((await ciso.get(`${A}/suppliers/${hostingId}`)).body.contracts).toHaveLength(1);
  });

  it('warns when a supplier processes personal data without a signed verwerkersovereenkomst', async () => {
    const s = await newSupplier(ciso, { name: 'Burgerzaken Cloud B.V.', processesPersonalData: true, countryOfOrigin: 'NL' });
    expect(s.warnings.map((w: any) => w.code)).toEqual(['verwerkersovereenkomst_ontbreekt']);
    const draft = await privacy.post(`${A}/suppliers/${s.id}/processing-agreements`, { signed: false, model: 'vng_model', modelVersion: 'VNG 2.0' });
    expect(draft.status, draft.text).toBe(201);
    expect(draft.body.warnings.map((w: any) => w.code)).toEqual(['verwerkersovereenkomst_ontbreekt']);
    const agreementId = draft.body.processingAgreements[0].id;
    expect((await privacy.post(`${A}/suppliers/${s.id}/processing-agreements`, { signed: false, signedOn: '2024-01-01', model: 'vng_model' })).status).toBe(400);
    expect((await privacy.post(`${A}/suppliers/${s.id}/processing-agreements`, { signed: true, signedOn: addDays(today, 5), model: 'vng_model' })).status).toBe(400);
    expect((await privacy.post(`${A}/suppliers/${s.id}/processing-agreements`, { signed: true, model: 'eigen' })).status).toBe(400);
    const signed = await privacy.patch(`${A}/suppliers/${s.id}/processing-agreements/${agreementId}`, { signed: true, signedOn: '2024-03-01' });
    expect(signed.status).toBe(200);
    expect(signed.body.processingAgreements[0]).toMatchObject({ signed: true, signedOn: '2024-03-01', model: 'vng_model', modelVersion: 'VNG 2.0' });
    expect(signed.body.warnings).toEqual([]);
    const withdrawn = await privacy.patch(`${A}/suppliers/${s.id}/processing-agreements/${agreementId}`, { signed: false });
    expect(withdrawn.body.processingAgreements[0]).toMatchObject({ signed: false, signedOn: null });
    expect(withdrawn.body.warnings.map((w: any) => w.code)).toEqual(['verwerkersovereenkomst_ontbreekt']);
    expect((await privacy.delete(`${A}/suppliers/${s.id}/processing-agreements/${agreementId}`)).status).toBe(204);
    expect((await privacy.get(`${A}/suppliers/${s.id}`)).body.processingAgreements).toEqual([]);
  });

  it('shows certifications with their status and warns when one has expired', async () => {
    const s = await newSupplier(ciso, { name: 'Certified Software B.V.' });
    const a = await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'iso27001', validUntil: addDays(today, 400) });
    expect(a.status).toBe(201);
    const b = await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'isae3402', name: 'Type II', validUntil: addDays(today, 20) });
    const c = await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'nen7510' });
    expect(c.body.certifications.map((x: any) => [x.kind, x.status])).toEqual([
      ['isae3402', 'verloopt_binnenkort'],
      ['iso27001', 'geldig'],
      ['nen7510', 'onbekend'],
    ]);
    expect(c.body.warnings).toEqual([]);
    const isae = b.body.certifications.find((x: any) => x.kind === 'isae3402').id;
    const expired = await ciso.patch(`${A}/suppliers/${s.id}/certifications/${isae}`, { validUntil: addDays(today, -1) });
    expect(expired.body.certifications[0]).toMatchObject({ kind: 'isae3402', status: 'verlopen' });
    expect(expired.body.warnings).toEqual([{ code: 'certificering_verlopen', message: expect.stringContaining('ISAE 3402 (Type II)') }]);
    expect((await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'iso9001' })).status).toBe(400);
    expect((await ciso.delete(`${A}/suppliers/${s.id}/certifications/${isae}`)).status).toBe(204);
    expect((await ciso.get(`${A}/suppliers/${s.id}`)).body.warnings).toEqual([]);
  });

  it('links sub-processors: another supplier of the same organisation, never itself', async () => {
    const saas = await newSupplier(ciso, { name: 'Zaaksysteem SaaS B.V.', processesPersonalData: true });
    const r = await ciso.put(`${A}/suppliers/${saas.id}/subprocessors/${hostingId}`, {});
    expect(r.status, r.text).toBe(200);
    expect(r.body.subprocessors).toEqual([{ id: hostingId, name: 'Kustnet Hosting B.V.', highRisk: false }]);
    expect((await ciso.put(`${A}/suppliers/${saas.id}/subprocessors/${hostingId}`, {})).body.subprocessors).toHaveLength(1);
    expect((await ciso.get(`${A}/suppliers/${hostingId}`)).body.subprocessorOf).toEqual([{ id: saas.id, name: 'Zaaksysteem SaaS B.V.', highRisk: false }]);
    const self = await ciso.put(`${A}/suppliers/${saas.id}/subprocessors/${saas.id}`, {});
    expect(self.status).toBe(400);
    expect(self.headers['content-type']).toContain('application/problem+json');
    expect((await ciso.put(`${A}/suppliers/${saas.id}/subprocessors/${NOPE}`, {})).status).toBe(404);
    expect((await ciso.delete(`${A}/suppliers/${saas.id}/subprocessors/${hostingId}`)).status).toBe(204);
    expect((await ciso.delete(`${A}/suppliers/${saas.id}/subprocessors/${hostingId}`)).status).toBe(404);
    expect((await ciso.put(`${A}/suppliers/${saas.id}/subprocessors/${hostingId}`, {})).status).toBe(200);
  });

  it('lists with filters and keyset paging', async () => {
    for (const n of ['Paging Een', 'Paging Twee', 'Paging Drie', 'Paging Vier', 'Paging Vijf']) await newSupplier(ciso, { name: n });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: any = await ciso.get(`${A}/suppliers?q=Paging&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(5);
      seen.push(...r.body.items.map((s: any) => s.name));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['Paging Drie', 'Paging Een', 'Paging Twee', 'Paging Vier', 'Paging Vijf']);
    expect((await ciso.get(`${A}/suppliers?q=12345678`)).body.items.map((s: any) => s.name)).toEqual(['Kustnet Hosting B.V.']);
    const pd = await ciso.get(`${A}/suppliers?processesPersonalData=true`);
    expect(pd.body.items.map((s: any) => s.name)).toEqual(['Burgerzaken Cloud B.V.', 'Zaaksysteem SaaS B.V.']);
    const noDpa = await ciso.get(`${A}/suppliers?warning=verwerkersovereenkomst_ontbreekt`);
    expect(noDpa.body.items.map((s: any) => s.name)).toEqual(['Burgerzaken Cloud B.V.', 'Zaaksysteem SaaS B.V.']);
    expect((await ciso.get(`${A}/suppliers?warning=contract_loopt_af`)).body.items.map((s: any) => s.name)).toEqual(['Kustnet Hosting B.V.']);
    expect((await ciso.get(`${A}/suppliers?warning=certificering_verlopen`)).body.total).toBe(0);
    expect((await ciso.get(`${A}/suppliers?warning=onzin`)).status).toBe(400);
    expect((await ciso.get(`${A}/suppliers?cursor=bm9wZQ`)).status).toBe(400);
    expect((await ciso.get(`${A}/suppliers?limit=0`)).status).toBe(400);
  });
});

describe(`high-risk countries on ${ENGINE}`, () => {
  let riskyId: string;

  it('only the installation admin maintains the list; everyone signed in reads it', async () => {
    expect((await admin.put('/api/v1/high-risk-countries/CN', { reason: 'Offensief cyberprogramma' })).status).toBe(403);
    const created = await root.put('/api/v1/high-risk-countries/cn', { reason: 'Staatsgesteund offensief cyberprogramma (fictief voorbeeld)' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ code: 'CN', name: 'China', reason: 'Staatsgesteund offensief cyberprogramma (fictief voorbeeld)' });
    const updated = await root.put('/api/v1/high-risk-countries/CN', { reason: 'Offensief cyberprogramma; wetgeving verplicht medewerking aan inlichtingendiensten' });
    expect(updated.status).toBe(200);
    expect((await root.put('/api/v1/high-risk-countries/XX', { reason: 'bestaat niet' })).status).toBe(400);
    expect((await root.put('/api/v1/high-risk-countries/RU', { reason: '' })).status).toBe(400);
    expect((await root.put('/api/v1/high-risk-countries/RU', { reason: 'Offensief cyberprogramma', extra: 1 })).status).toBe(400);
    expect((await root.put('/api/v1/high-risk-countries/RU', { reason: 'Offensief cyberprogramma' })).status).toBe(201);
    const list = await auditor.get('/api/v1/high-risk-countries');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.code)).toEqual(['CN', 'RU']);
    expect(list.body.items[0].reason).toContain('inlichtingendiensten');
    expect((await new Client(t.app).get('/api/v1/high-risk-countries')).status).toBe(401);
  });

  it('flags a supplier whose origin or processing country is on the list, with the reasons, and filters on it', async () => {
    const s = await newSupplier(ciso, { name: 'Gemaalbesturing Systems Ltd.', countryOfOrigin: 'GB', processingCountries: ['NL', 'CN'] });
    riskyId = s.id;
    expect(s.highRisk).toBe(true);
    expect(s.highRiskReasons).toEqual([{ country: { code: 'CN', name: 'China' }, role: 'verwerking', reason: expect.stringContaining('inlichtingendiensten') }]);
    const origin = await ciso.patch(`${A}/suppliers/${s.id}`, { countryOfOrigin: 'RU' });
    expect(origin.body.highRiskReasons.map((r: any) => [r.country.code, r.role])).toEqual([
      ['RU', 'herkomst'],
      ['CN', 'verwerking'],
    ]);
    expect((await ciso.get(`${A}/suppliers?highRisk=true`)).body.items.map((x: any) => x.name)).toEqual(['Gemaalbesturing Systems Ltd.']);
    const notRisky = await ciso.get(`${A}/suppliers?highRisk=false&limit=200`);
    expect(notRisky.body.items.map((x: any) => x.name)).toContain('Burgerzaken Cloud B.V.');
    expect(notRisky.body.items.map((x: any) => x.name)).not.toContain('Gemaalbesturing Systems Ltd.');
    // a supplier using it as sub-processor shows that the sub-processor is high-risk
    const hosting = (await ciso.get(`${A}/suppliers?q=Kustnet`)).body.items[0];
    expect((await ciso.put(`${A}/suppliers/${hosting.id}/subprocessors/${s.id}`, {})).body.subprocessors).toEqual([{ id: s.id, name: 'Gemaalbesturing Systems Ltd.', highRisk: true }]);
  });

  it('recomputes when the list changes, and audits changes on the installation chain', async () => {
    expect((await admin.delete('/api/v1/high-risk-countries/RU')).status).toBe(403);
    expect((await root.delete('/api/v1/high-risk-countries/RU')).status).toBe(204);
    expect((await root.delete('/api/v1/high-risk-countries/RU')).status).toBe(404);
    const s = (await ciso.get(`${A}/suppliers/${riskyId}`)).body;
    expect(s.highRiskReasons.map((r: any) => r.country.code)).toEqual(['CN']);
    const events = await root.get('/api/v1/audit-events?entityType=high_risk_country');
    expect(events.status).toBe(200);
    expect(events.body.items.map((e: any) => `${e.entityId}:${e.action}`)).toEqual(['RU:delete', 'RU:create', 'CN:update', 'CN:create']);
    expect(events.body.items[0].actor.email).toBe('root@install.test');
    expect((await root.post('/api/v1/audit-events/verify')).body.valid).toBe(true);
    // not in the organisation's trail
    expect((await admin.get(`${A}/audit-events?entityType=high_risk_country`)).body.items).toEqual([]);
  });
});

describe(`deleting a supplier on ${ENGINE}`, () => {
  it('answers 409 with the dependants, and removes the links with force=true', async () => {
    const s = await newSupplier(ciso, { name: 'Verwijder Mij Hosting' });
    const user = await newSupplier(ciso, { name: 'Gebruiker Van Hosting' });
    await ciso.put(`${A}/suppliers/${user.id}/subprocessors/${s.id}`, {});
    await ciso.post(`${A}/suppliers/${s.id}/contracts`, { title: 'Hostingcontract' });
    const db = t.deps.database.db;
    const [app] = await db.insert(assets).values({ organisationId: world.orgs.alpha.id, kind: 'applicatie', name: 'Zaaksysteem' }).returning();
    await db.insert(dependencies).values([
      { organisationId: world.orgs.alpha.id, fromType: 'asset', fromId: app.id, toType: 'supplier', toId: s.id, kind: 'gehost_bij' },
      { organisationId: world.orgs.alpha.id, fromType: 'supplier', fromId: s.id, toType: 'supplier', toId: user.id, kind: 'afhankelijk_van' },
    ]);
    const r = await ciso.delete(`${A}/suppliers/${s.id}`);
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 409, title: 'Conflict', instance: `/api/v1/organisations/alpha/suppliers/${s.id}` });
    expect(r.body.dependants).toEqual([
      { type: 'asset', id: app.id, name: 'Zaaksysteem', kind: 'gehost_bij' },
      { type: 'supplier', id: user.id, name: 'Gebruiker Van Hosting', kind: 'subverwerker' },
    ]);
    expect((await ciso.get(`${A}/suppliers/${s.id}`)).status).toBe(200);
    expect((await ciso.delete(`${A}/suppliers/${s.id}?force=nee`)).status).toBe(400);
    expect((await ciso.delete(`${A}/suppliers/${s.id}?force=true`)).status).toBe(204);
    expect((await ciso.get(`${A}/suppliers/${s.id}`)).status).toBe(404);
    expect((await ciso.get(`${A}/suppliers/${user.id}`)).body.subprocessors).toEqual([]);
    const left = await db.select().from(dependencies).where(and(eq(dependencies.organisationId, world.orgs.alpha.id), inArray(dependencies.toId, [s.id, user.id])));
    expect(left).toEqual([]);
    const events = (await admin.get(`${A}/audit-events?entityType=supplier`)).body.items;
    const del = events.find((e: any) => e.entityId === s.id && e.action === 'delete');
    expect(del.changes.edgesRemoved).toEqual({ before: null, after: 2 });
    expect(del.changes.dependants.before).toEqual(['asset:Zaaksysteem (gehost_bij)', 'supplier:Gebruiker Van Hosting (subverwerker)']);
  });

  it('deletes a supplier without dependants straight away', async () => {
    const s = await newSupplier(ciso, { name: 'Los Zand B.V.' });
    await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'soc2' });
    expect((await ciso.delete(`${A}/suppliers/${s.id}`)).status).toBe(204);
    expect((await ciso.delete(`${A}/suppliers/${s.id}`)).status).toBe(404);
  });
});

describe(`audit trail on ${ENGINE}`, () => {
  it('records every change to suppliers and their parts', async () => {
    const s = await newSupplier(ciso, { name: 'Audit Leverancier', countryOfOrigin: 'NL' });
    await ciso.patch(`${A}/suppliers/${s.id}`, { name: 'Audit Leverancier B.V.' });
    const c = await ciso.post(`${A}/suppliers/${s.id}/contracts`, { title: 'Audit contract', valueCents: 100 });
    await ciso.patch(`${A}/suppliers/${s.id}/contracts/${c.body.contracts[0].id}`, { valueCents: 200 });
    const pa = await ciso.post(`${A}/suppliers/${s.id}/processing-agreements`, { signed: true, model: 'anders' });
    const cert = await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'soc2' });
    const other = await newSupplier(ciso, { name: 'Audit Sub' });
    await ciso.put(`${A}/suppliers/${s.id}/subprocessors/${other.id}`, {});
    await ciso.delete(`${A}/suppliers/${s.id}/subprocessors/${other.id}`);
    await ciso.delete(`${A}/suppliers/${s.id}/processing-agreements/${pa.body.processingAgreements[0].id}`);
    await ciso.delete(`${A}/suppliers/${s.id}/certifications/${cert.body.certifications[0].id}`);
    const get = async (type: string) => (await admin.get(`${A}/audit-events?entityType=${type}&limit=200`)).body.items;
    const sup = (await get('supplier')).filter((e: any) => e.entityId === s.id);
    expect(sup.map((e: any) => e.action)).toEqual(['update', 'create']);
    expect(sup[0].changes.name).toEqual({ before: 'Audit Leverancier', after: 'Audit Leverancier B.V.' });
    expect(sup[0].actor.email).toBe('ciso@alpha.test');
    const contract = (await get('supplier_contract')).filter((e: any) => e.entityId === c.body.contracts[0].id);
    expect(contract.map((e: any) => e.action)).toEqual(['update', 'create']);
    expect(contract[0].changes.valueCents).toEqual({ before: 100, after: 200 });
    expect((await get('processing_agreement')).filter((e: any) => e.entityId === pa.body.processingAgreements[0].id).map((e: any) => e.action)).toEqual(['delete', 'create']);
    expect((await get('supplier_certification')).filter((e: any) => e.entityId === cert.body.certifications[0].id).map((e: any) => e.action)).toEqual(['delete', 'create']);
    expect((await get('supplier_subprocessor')).filter((e: any) => e.entityId === `${s.id}:${other.id}`).map((e: any) => e.action)).toEqual(['delete', 'create']);
    expect((await admin.post(`${A}/audit-events/verify`)).body.valid).toBe(true);
  });
});

describe(`isolation on ${ENGINE}`, () => {
  it('beta never sees or changes alpha suppliers or their parts, and cannot link to them', async () => {
    const s = await newSupplier(ciso, { name: 'Alleen Alpha B.V.', processesPersonalData: true });
    const withParts = (await ciso.post(`${A}/suppliers/${s.id}/contracts`, { title: 'Alpha contract' })).body;
    const contractId = withParts.contracts[0].id;
    const agreementId = (await ciso.post(`${A}/suppliers/${s.id}/processing-agreements`, { signed: false, model: 'vng_model' })).body.processingAgreements[0].id;
    const certId = (await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'soc2' })).body.certifications[0].id;
    const mine = await newSupplier(beta, { name: 'Beta Leverancier' }, B);

    expect((await beta.get(`${A}/suppliers`)).status).toBe(404);
    expect((await beta.get(`${A}/suppliers/${s.id}`)).status).toBe(404);
    expect((await beta.post(`${A}/suppliers`, { name: 'Inbraak' })).status).toBe(404);
    for (const [method, url, body] of [
      ['GET', `${B}/suppliers/${s.id}`, undefined],
      ['PATCH', `${B}/suppliers/${s.id}`, { name: 'Gekaapt' }],
      ['DELETE', `${B}/suppliers/${s.id}?force=true`, undefined],
      ['POST', `${B}/suppliers/${s.id}/contracts`, { title: 'Gekaapt' }],
      ['PATCH', `${B}/suppliers/${s.id}/contracts/${contractId}`, { title: 'Gekaapt' }],
      ['PATCH', `${B}/suppliers/${mine.id}/contracts/${contractId}`, { title: 'Gekaapt' }],
      ['DELETE', `${B}/suppliers/${mine.id}/contracts/${contractId}`, undefined],
      ['POST', `${B}/suppliers/${s.id}/processing-agreements`, { signed: true, model: 'anders' }],
      ['PATCH', `${B}/suppliers/${mine.id}/processing-agreements/${agreementId}`, { signed: true }],
      ['DELETE', `${B}/suppliers/${mine.id}/processing-agreements/${agreementId}`, undefined],
      ['POST', `${B}/suppliers/${s.id}/certifications`, { kind: 'soc2' }],
      ['PATCH', `${B}/suppliers/${mine.id}/certifications/${certId}`, { kind: 'iso27001' }],
      ['DELETE', `${B}/suppliers/${mine.id}/certifications/${certId}`, undefined],
      ['PUT', `${B}/suppliers/${mine.id}/subprocessors/${s.id}`, {}],
      ['PUT', `${B}/suppliers/${s.id}/subprocessors/${mine.id}`, {}],
    ] as const) {
      const r = await beta.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(JSON.stringify(r.body ?? {})).not.toContain('Alleen Alpha');
    }
    const list = await beta.get(`${B}/suppliers?limit=200`);
    expect(list.body.items.map((x: any) => x.name)).toEqual(['Beta Leverancier']);
    const after = (await ciso.get(`${A}/suppliers/${s.id}`)).body;
    expect(after).toMatchObject({ name: 'Alleen Alpha B.V.', contracts: [{ title: 'Alpha contract' }], processingAgreements: [{ signed: false }], certifications: [{ kind: 'soc2' }], subprocessors: [], subprocessorOf: [] });
    // a dependency edge of another organisation never shows up as a dependant
    await t.deps.database.db.insert(dependencies).values({ organisationId: world.orgs.beta.id, fromType: 'supplier', fromId: mine.id, toType: 'supplier', toId: s.id, kind: 'gebruikt' });
    expect((await ciso.delete(`${A}/suppliers/${s.id}`)).status).toBe(204);
  });
});

describe(`reminders job on ${ENGINE}`, () => {
  const DAY = '2031-03-10'; // a Monday
  const notices = async (subjectIds: string[]) =>
    rowsOf<{ kind: string; subjectId: string; email: string; link: string; title: string }>(
      await t.deps.database.db.execute(sql`
        select n.kind, n.subject_id as "subjectId", u.email, n.link, n.title from notifications n join users u on u.id = n.user_id
        where n.subject_id = any(${`{${subjectIds.join(',')}}`}::uuid[]) order by n.kind, u.email`),
    );
  let contractSoon: string;
  let contractLater: string;
  let certId: string;
  let dpaSupplier: string;
  let betaSupplier: string;
  const ids = () => [contractSoon, contractLater, certId, dpaSupplier, betaSupplier];

  beforeAll(async () => {
    const s = await newSupplier(ciso, { name: 'Herinnering Contracten B.V.' });
    let r = await ciso.post(`${A}/suppliers/${s.id}/contracts`, { title: 'Loopt af', endDate: '2031-05-01', noticePeriodDays: 30 });
    contractSoon = r.body.contracts.find((c: any) => c.title === 'Loopt af').id;
    r = await ciso.post(`${A}/suppliers/${s.id}/contracts`, { title: 'Later', endDate: '2031-12-31', noticePeriodDays: 30 });
    contractLater = r.body.contracts.find((c: any) => c.title === 'Later').id;
    r = await ciso.post(`${A}/suppliers/${s.id}/certifications`, { kind: 'iso27001', validUntil: '2031-04-15' });
    certId = r.body.certifications[0].id;
    dpaSupplier = (await newSupplier(privacy, { name: 'Herinnering DPA B.V.', processesPersonalData: true })).id;
    betaSupplier = (await newSupplier(beta, { name: 'Beta DPA', processesPersonalData: true }, B)).id;
  });

  it('isoWeek follows ISO 8601', () => {
    expect(isoWeek('2031-03-10')).toBe('2031-W11');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('sends what is due on the day, to the right people, once', async () => {
    // 2031-05-01 − 30 (notice) − 30 = 2031-03-02 ≤ DAY: due. 2031-12-31 − 60 is not. Certificate within 60 days.
    const first = await sendSupplierReminders(t.deps.database, DAY);
    expect(first.reminders).toBeGreaterThanOrEqual(4);
    const n = await notices(ids());
    const pairs = n.map((x) => `${x.kind}:${x.subjectId === contractSoon ? 'soon' : x.subjectId === certId ? 'cert' : x.subjectId === dpaSupplier ? 'dpa' : x.subjectId === betaSupplier ? 'beta' : 'other'}:${x.email}`);
    expect(pairs).toEqual([
      'supplier_certification_expiring:cert:admin@alpha.test',
      'supplier_certification_expiring:cert:ciso@alpha.test',
      'supplier_contract_ending:soon:admin@alpha.test',
      'supplier_contract_ending:soon:ciso@alpha.test',
      'supplier_dpa_missing:dpa:admin@alpha.test',
      'supplier_dpa_missing:beta:admin@beta.test',
      'supplier_dpa_missing:dpa:fg@alpha.test',
    ]);
    const contractNotice = n.find((x) => x.subjectId === contractSoon)!;
    expect(contractNotice.title).toContain('2031-05-01');
    expect(contractNotice.link).toMatch(/^\/o\/alpha\/assets\/suppliers\/[0-9a-f-]{36}#einddatum=2031-05-01$/);
    // the same day again, and later the same week: nothing new
    expect((await sendSupplierReminders(t.deps.database, DAY)).notices).toBe(0);
    await sendSupplierReminders(t.deps.database, '2031-03-12');
    expect(await notices(ids())).toHaveLength(7);
  });

  it('the certification gets a second notice once it has expired; DPA weekly until signed; a new end date reminds again', async () => {
    await sendSupplierReminders(t.deps.database, '2031-04-16');
    let n = await notices(ids());
    expect(n.filter((x) => x.kind === 'supplier_certification_expired').map((x) => x.email)).toEqual(['admin@alpha.test', 'ciso@alpha.test']);
    expect(n.filter((x) => x.kind === 'supplier_dpa_missing' && x.subjectId === dpaSupplier)).toHaveLength(4);
    expect(n.filter((x) => x.kind === 'supplier_contract_ending')).toHaveLength(2);

    await privacy.post(`${A}/suppliers/${dpaSupplier}/processing-agreements`, { signed: true, signedOn: '2024-01-01', model: 'vng_model' });
    const s = (await ciso.get(`${A}/suppliers?q=${encodeURIComponent('Herinnering Contracten')}`)).body.items[0];
    await ciso.patch(`${A}/suppliers/${s.id}/contracts/${contractSoon}`, { endDate: '2031-06-01' });
    await sendSupplierReminders(t.deps.database, '2031-04-23');
    n = await notices(ids());
    expect(n.filter((x) => x.kind === 'supplier_dpa_missing' && x.subjectId === dpaSupplier)).toHaveLength(4);
    expect(n.filter((x) => x.kind === 'supplier_contract_ending' && x.subjectId === contractSoon).map((x) => x.link.split('#')[1]).sort()).toEqual([
      'einddatum=2031-05-01',
      'einddatum=2031-05-01',
      'einddatum=2031-06-01',
      'einddatum=2031-06-01',
    ]);
    expect(n.filter((x) => x.kind.startsWith('supplier_certification'))).toHaveLength(4);
  });

  it('is registered as the daily job suppliers.reminders and takes data.today', async () => {
    const job = JOBS.find((j) => j.name === 'suppliers.reminders');
    expect(job?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const before = (await notices(ids())).length;
    await job!.run(t.deps, { today: '2031-04-23' });
    expect((await notices(ids())).length).toBe(before);
    await job!.run(t.deps, { today: '2031-12-01' }); // the later contract is now due
    expect((await notices([contractLater])).map((x) => x.email)).toEqual(['admin@alpha.test', 'ciso@alpha.test']);
    await expect(sendSupplierReminders(t.deps.database, '31-12-2031')).rejects.toThrow();
  });

  it('puts the notices in the inbox of the recipients only', async () => {
    const inbox = await privacy.get('/api/v1/inbox');
    expect(inbox.status).toBe(200);
    const kinds = (inbox.body.items as any[]).map((i) => i.kind);
    expect(kinds).toContain('supplier_dpa_missing');
    expect(kinds).not.toContain('supplier_contract_ending');
    expect(JSON.stringify((await beta.get('/api/v1/inbox')).body)).not.toContain('Herinnering');
  });
});

describe(`demo dataset on ${ENGINE}`, () => {
  it('gives every demo gemeente realistic suppliers, one shared hosting party and joint arrangements', async () => {
    const t2 = await createTestApp();
    try {
      await loadCatalogs(t2.deps.database);
      expect(await loadDemo(t2.deps.database)).toBe('loaded');
      const hosting = new Set<string>();
      for (const slug of ['zuidhaven', 'noorderveld', 'oostbroek']) {
        const c = await loginAs(t2.app, `ciso@${slug}.example`, 'weerbaar-demo');
        const url = `/api/v1/organisations/${slug}`;
        const all = (await c.get(`${url}/suppliers`)).body;
        expect(all.items.map((s: any) => s.name)).toEqual(['Burgerzaken Online B.V.', 'ICT Samenwerking Kustland', 'Kustnet Datacenters B.V.', 'Polderflow Automation B.V.']);
        const byName = Object.fromEntries(all.items.map((s: any) => [s.name, s]));
        hosting.add(byName['Kustnet Datacenters B.V.'].registrationNumber);
        expect(byName['Burgerzaken Online B.V.'].subprocessors.map((x: any) => x.name)).toEqual(['Kustnet Datacenters B.V.']);
        expect(byName['Polderflow Automation B.V.']).toMatchObject({ highRisk: true, highRiskReasons: [{ country: { code: 'CN' }, role: 'verwerking' }] });
        expect((await c.get(`${url}/suppliers?highRisk=true`)).body.items.map((s: any) => s.name)).toEqual(['Polderflow Automation B.V.']);
        const warned = (code: string) => c.get(`${url}/suppliers?warning=${code}`).then((r) => r.body.items.map((s: any) => s.name));
        expect(await warned('certificering_verlopen')).toEqual(['Polderflow Automation B.V.']);
        expect(await warned('verwerkersovereenkomst_ontbreekt')).toEqual(slug === 'noorderveld' ? ['Burgerzaken Online B.V.'] : []);
        expect(await warned('contract_loopt_af')).toEqual(slug === 'zuidhaven' ? ['Burgerzaken Online B.V.'] : []);
        if (slug === 'zuidhaven') expect(byName['Burgerzaken Online B.V.'].certifications.map((x: any) => x.status)).toContain('verloopt_binnenkort');
        const ja = (await c.get(`${url}/joint-arrangements`)).body;
        expect(ja.total).toBe(6);
        expect(ja.items.map((j: any) => j.name)).toEqual(expect.arrayContaining(['Belastingsamenwerking Kustland', 'Veiligheidsregio Kustland', 'Omgevingsdienst Kust', 'Sociale Dienst Kust']));
      }
      expect([...hosting]).toEqual([expect.stringMatching(/^\d{8}$/)]);
      const risky = await loginAs(t2.app, 'fg@zuidhaven.example', 'weerbaar-demo');
      expect((await risky.get('/api/v1/high-risk-countries')).body.items.map((i: any) => i.code)).toEqual(['CN']);
      const run = await sendSupplierReminders(t2.deps.database);
      expect(run.notices).toBeGreaterThan(0);
      const admin = await loginAs(t2.app, 'admin@weerbaar.example', 'weerbaar-demo');
      expect((await admin.post('/api/v1/organisations/zuidhaven/audit-events/verify')).body.valid).toBe(true);
    } finally {
      await t2.close();
    }
  }, 120_000);
});
