import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let burgemeester: Client;
const Y = '/api/v1/organisations/alpha/assessment-years';

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  const [b] = await t.deps.database.db.insert(users).values({ email: 'burgemeester@alpha.test', name: 'Burgemeester Alpha', passwordHash: await hashPassword(PASSWORD) }).returning();
  await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: b.id, roles: ['bestuurder'] });
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  burgemeester = await loginAs(t.app, 'burgemeester@alpha.test');
});
afterAll(() => t?.close());

const find = async (c: Client, year: number, ref: string) =>
  (await c.get(`${Y}/${year}/assessments?limit=500`)).body.items.find((i: any) => i.ref === ref);

describe('the ENSIA year', () => {
  it('opens a year with one assessment per active requirement in scope, and shows progress', async () => {
    const r = await ciso.post(Y, { year: 2025, frameworks: ['test:alpha', 'test:nis'] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ year: 2025, phase: 'zelfevaluatie', signed: null, frameworks: ['test:alpha', 'test:nis'] });
    const alpha = r.body.progress.find((p: any) => p.framework === 'test:alpha');
    expect(alpha).toMatchObject({ total: 3, applicable: 3, niet_beoordeeld: 3 }); // 5.1.03 moved: not assessed
    expect(alpha.chapters.map((c: any) => c.chapter)).toEqual(['5', '8']);
    expect((await ciso.post(Y, { year: 2025, frameworks: ['test:alpha'] })).status).toBe(409);
    expect((await ciso.post(Y, { year: 2026, frameworks: ['test:unknown'] })).status).toBe(400);
  });

  it('fills in requirements one by one and in bulk, with the right to decide kept apart', async () => {
    const a = await find(ciso, 2025, '5.1.01');
    const r = await ciso.patch(`${Y}/2025/assessments/${a.requirementId}`, { result: 'voldoet', explanation: 'Beleid vastgesteld op 1 maart', ownerId: world.users.ciso.id, dueDate: '2025-06-01' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ result: 'voldoet', owner: { name: 'ciso' }, overdue: false });
    const na = await ciso.patch(`${Y}/2025/assessments/${(await find(ciso, 2025, '8.2.01')).requirementId}`, { applicable: false });
    expect(na.status).toBe(400);
    expect(na.body.errors[0].path).toBe('body.notApplicableReason');
    const all = (await ciso.get(`${Y}/2025/assessments?framework=test:nis`)).body.items;
    const bulk = await ciso.post(`${Y}/2025/assessments/bulk`, { requirementIds: all.map((i: any) => i.requirementId), changes: { result: 'voldoet_deels', dueDate: '2020-01-01' } });
    expect(bulk.body).toEqual({ updated: 2 });
    const overdue = await ciso.get(`${Y}/2025/assessments?overdue=true`);
    expect(overdue.body.items.map((i: any) => i.ref)).toEqual(['21.2.a', '21.2.b']);
    expect(overdue.body.items[0].overdue).toBe(true);
    expect((await ciso.get(`${Y}/2025/assessments?result=voldoet`)).body.items.map((i: any) => i.ref)).toEqual(['5.1.01']);
    expect((await ciso.get(`${Y}/2025/assessments?chapter=8&framework=test:alpha`)).body.items.map((i: any) => i.ref)).toEqual(['8.2.01']);
    expect((await ciso.get(`${Y}/2025/assessments?q=herzien`)).body.items.map((i: any) => i.ref)).toEqual(['5.1.02']);
    const page = await ciso.get(`${Y}/2025/assessments?limit=2`);
    expect(page.body).toMatchObject({ total: 5, nextCursor: '2' });
    const page2 = await ciso.get(`${Y}/2025/assessments?limit=2&cursor=2`);
    expect(page2.body.items[0].ref).not.toBe(page.body.items[1].ref);
    const year = await ciso.get(`${Y}/2025`);
    expect(year.body.progress.find((p: any) => p.framework === 'test:nis')).toMatchObject({ voldoet_deels: 2 });
  });

  it('a medewerker fills in explanations but cannot mark a requirement as voldoet; an auditor only remarks', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    await root.post('/api/v1/organisations/alpha/members', { email: 'analist@csirt.test', roles: ['medewerker'] });
    const mw = await loginAs(t.app, 'analist@csirt.test');
    const a = await find(mw, 2025, '5.1.02');
    expect((await mw.patch(`${Y}/2025/assessments/${a.requirementId}`, { explanation: 'Herziening gepland' })).status).toBe(200);
    const denied = await mw.patch(`${Y}/2025/assessments/${a.requirementId}`, { result: 'voldoet' });
    expect(denied.status).toBe(403);
    expect((await find(ciso, 2025, '5.1.02')).result).toBe('niet_beoordeeld');
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    expect((await auditor.patch(`${Y}/2025/assessments/${a.requirementId}`, { explanation: 'x' })).status).toBe(403);
    expect((await auditor.post(Y, { year: 2030, frameworks: ['test:alpha'] })).status).toBe(403);
  });

  it('only a bestuurder signs; signing freezes an immutable snapshot; later edits answer 409', async () => {
    expect((await ciso.post(`${Y}/2025/sign`, { signerName: 'De CISO', signerFunction: 'CISO', statement: 'Ik verklaar dat alles klopt.' })).status).toBe(403);
    const signed = await burgemeester.post(`${Y}/2025/sign`, { signerName: 'A. de Burgemeester', signerFunction: 'burgemeester', statement: 'Het college verklaart dat de zelfevaluatie naar waarheid is ingevuld.' });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ phase: 'collegeverklaring', signed: { by: 'A. de Burgemeester', function: 'burgemeester', snapshotHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const a = await find(ciso, 2025, '5.1.02');
    const frozen = await ciso.patch(`${Y}/2025/assessments/${a.requirementId}`, { result: 'voldoet' });
    expect(frozen.status).toBe(409);
    expect(frozen.headers['content-type']).toContain('application/problem+json');
    expect((await burgemeester.post(`${Y}/2025/sign`, { signerName: 'Nog eens', signerFunction: 'wethouder', statement: 'Tweede handtekening probeert het.' })).status).toBe(409);
    const snap = await ciso.get(`${Y}/2025/snapshot`);
    expect(snap.body.snapshotHash).toBe(signed.body.signed.snapshotHash);
    expect(snap.body.snapshot.items).toHaveLength(5);
    // audit phase: the auditor remarks, nothing else changes
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    expect((await auditor.patch(`${Y}/2025/assessments/${a.requirementId}`, { auditorRemarks: 'Bewijs ontbreekt' })).status).toBe(409);
    expect((await ciso.post(`${Y}/2025/phase`, { phase: 'verantwoording' })).status).toBe(409);
    expect((await ciso.post(`${Y}/2025/phase`, { phase: 'audit' })).body.phase).toBe('audit');
    const remark = await auditor.patch(`${Y}/2025/assessments/${a.requirementId}`, { auditorRemarks: 'Bewijs ontbreekt' });
    expect(remark.status).toBe(200);
    expect(remark.body.auditorRemarks).toBe('Bewijs ontbreekt');
    expect((await ciso.post(`${Y}/2025/phase`, { phase: 'verantwoording' })).body.phase).toBe('verantwoording');
  });

  it('a new year starts as a copy of the last, and the diff shows what improved and what slipped', async () => {
    const t0 = Date.now();
    const r = await ciso.post(Y, { year: 2026, copyFrom: 2025 });
    expect(r.status).toBe(201);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.body.signed).toBeNull();
    const copied = await find(ciso, 2026, '5.1.01');
    expect(copied).toMatchObject({ result: 'voldoet', explanation: 'Beleid vastgesteld op 1 maart', owner: { name: 'ciso' }, dueDate: null, auditorRemarks: '' });
    await ciso.patch(`${Y}/2026/assessments/${copied.requirementId}`, { result: 'voldoet_niet' });
    await ciso.patch(`${Y}/2026/assessments/${(await find(ciso, 2026, '21.2.a')).requirementId}`, { result: 'voldoet' });
    const diff = await ciso.get(`${Y}/2026/diff?against=2025`);
    expect(diff.status).toBe(200);
    expect(diff.body.summary).toMatchObject({ improved: 1, slipped: 1, added: 0, removed: 0 });
    expect(diff.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ref: '5.1.01', change: 'slipped', before: 'voldoet', after: 'voldoet_niet' }),
        expect.objectContaining({ ref: '21.2.a', change: 'improved', before: 'voldoet_deels', after: 'voldoet' }),
      ]),
    );
    const list = await ciso.get(Y);
    expect(list.body.items.map((y: any) => [y.year, y.phase])).toEqual([[2025, 'verantwoording'], [2026, 'zelfevaluatie']]);
  });

  it('every change is in the audit trail; another organisation sees none of it', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const events = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=requirement_assessment&limit=200')).body.items;
    expect(events.some((e: any) => e.entityId === '2025:test:alpha:5.1.01' && e.changes.result?.after === 'voldoet')).toBe(true);
    const signs = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=assessment_year')).body.items;
    expect(signs.map((e: any) => e.action)).toEqual(expect.arrayContaining(['create', 'sign']));
    const beta = await loginAs(t.app, 'admin@beta.test');
    expect((await beta.get('/api/v1/organisations/beta/assessment-years')).body.items).toEqual([]);
    expect((await beta.get('/api/v1/organisations/alpha/assessment-years/2025')).status).toBe(404);
    expect((await beta.get('/api/v1/organisations/beta/assessment-years/2025')).status).toBe(404);
    const rid = (await find(ciso, 2026, '5.1.02')).requirementId;
    await beta.post('/api/v1/organisations/beta/assessment-years', { year: 2026, frameworks: ['test:alpha'] });
    const mine = await beta.patch(`/api/v1/organisations/beta/assessment-years/2026/assessments/${rid}`, { result: 'voldoet' });
    expect(mine.status).toBe(200); // beta's own row for the shared requirement
    expect((await find(ciso, 2026, '5.1.02')).result).not.toBe('voldoet');
  });
});

describe('overview for the CSIRT', () => {
  it('the linked CSIRT sees the progress numbers of its gemeenten and nothing else; others see nothing', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    await root.post('/api/v1/users', { email: 'tweede@csirt.test', name: 'Tweede analist', password: PASSWORD });
    await root.post('/api/v1/organisations/csirt/members', { email: 'tweede@csirt.test', roles: ['analist'] });
    const analist = await loginAs(t.app, 'tweede@csirt.test');
    const o = await analist.get('/api/v1/organisations/csirt/compliance-overview?year=2026');
    expect(o.status).toBe(200);
    expect(o.body.items.map((i: any) => i.organisation.slug)).toEqual(['alpha']); // beta is not linked to this CSIRT
    const nis = o.body.items[0].frameworks.find((f: any) => f.framework === 'test:nis');
    expect(nis).toMatchObject({ applicable: 2, voldoet: 1, percentVoldoet: 50 });
    const y2025 = await analist.get('/api/v1/organisations/csirt/compliance-overview?year=2025');
    expect(y2025.body.items[0]).toMatchObject({ phase: 'verantwoording', signed: true });
    // still no access to the assessments themselves
    expect((await analist.get('/api/v1/organisations/alpha/assessment-years/2026/assessments')).status).toBe(404);
    const beta = await loginAs(t.app, 'admin@beta.test');
    expect((await beta.get('/api/v1/organisations/beta/compliance-overview?year=2026')).body.items.map((i: any) => i.organisation.slug)).toEqual(['beta']);
  });
});
