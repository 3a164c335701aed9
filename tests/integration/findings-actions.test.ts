import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { localDate, addDays } from '../../src/shared/dates.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let auditor: Client;
let medewerker: Client;
let medewerkerId: string;
const Y = '/api/v1/organisations/alpha/assessment-years';
const ACT = '/api/v1/organisations/alpha/actions';

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  const db = t.deps.database.db;
  const hash = await hashPassword(PASSWORD);
  const [b] = await db.insert(users).values({ email: 'wethouder@alpha.test', name: 'Wethouder Alpha', passwordHash: hash }).returning();
  const [m] = await db.insert(users).values({ email: 'medewerker@alpha.test', name: 'Medewerker Alpha', passwordHash: hash }).returning();
  medewerkerId = m.id;
  await db.insert(memberships).values([
    { organisationId: world.orgs.alpha.id, userId: b.id, roles: ['bestuurder'] },
    { organisationId: world.orgs.alpha.id, userId: m.id, roles: ['medewerker'] },
  ]);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  medewerker = await loginAs(t.app, 'medewerker@alpha.test');
  const wethouder = await loginAs(t.app, 'wethouder@alpha.test');
  expect((await ciso.post(Y, { year: 2025, frameworks: ['test:alpha'] })).status).toBe(201);
  expect((await wethouder.post(`${Y}/2025/sign`, { signerName: 'W. Thouder', signerFunction: 'wethouder', statement: 'Het college verklaart dit naar waarheid.' })).status).toBe(200);
});
afterAll(() => t?.close());

describe('audit findings become tracked actions', () => {
  let requirementId: string;

  it('only in the audit phase, only by the auditor', async () => {
    requirementId = (await ciso.get(`${Y}/2025/assessments?limit=10`)).body.items[0].requirementId;
    const body = { title: 'Back-ups niet getest', description: 'Geen hersteltest in 2025.', severity: 'hoog', requirementId };
    const early = await auditor.post(`${Y}/2025/findings`, body);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect((await ciso.post(`${Y}/2025/phase`, { phase: 'audit' })).status).toBe(200);
    expect((await ciso.post(`${Y}/2025/findings`, body)).status).toBe(403);
    expect((await auditor.post(`${Y}/2025/findings`, { ...body, severity: 'kritiek' })).status).toBe(400);
    expect((await auditor.post(`${Y}/2025/findings`, { ...body, extra: 1 })).status).toBe(400);
    expect((await auditor.post(`${Y}/2025/findings`, { ...body, requirementId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
  });

  it('records the finding with its requirement and opens an action for it', async () => {
    const r = await auditor.post(`${Y}/2025/findings`, {
      title: 'Back-ups niet getest',
      description: 'Geen hersteltest in 2025.',
      severity: 'hoog',
      requirementId,
      ownerId: world.users.ciso.id,
      dueDate: '2026-03-01',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ title: 'Back-ups niet getest', severity: 'hoog', requirement: { id: requirementId, frameworkId: 'test:alpha' }, createdBy: { name: 'auditor' } });
    expect(r.body.action).toMatchObject({ status: 'open', ownerId: world.users.ciso.id, dueDate: '2026-03-01' });
    const list = await ciso.get(`${Y}/2025/findings`);
    expect(list.body.items).toHaveLength(1);
    const action = await ciso.get(`${ACT}/${r.body.action.id}`);
    expect(action.body).toMatchObject({ title: 'Bevinding 2025: Back-ups niet getest', source: { type: 'audit_finding', id: r.body.id, label: 'Back-ups niet getest', year: 2025 }, owner: { name: 'ciso' } });
    const edited = await auditor.patch(`${Y}/2025/findings/${r.body.id}`, { severity: 'midden' });
    expect(edited.body.severity).toBe('midden');
  });

  it('findings are fixed once the audit phase is over', async () => {
    const id = (await ciso.get(`${Y}/2025/findings`)).body.items[0].id;
    expect((await ciso.post(`${Y}/2025/phase`, { phase: 'verantwoording' })).status).toBe(200);
    expect((await auditor.patch(`${Y}/2025/findings/${id}`, { severity: 'laag' })).status).toBe(409);
    expect((await auditor.post(`${Y}/2025/findings`, { title: 'Te laat', severity: 'laag' })).status).toBe(409);
  });
});

describe('actions', () => {
  it('lists open work first by due date, filters on overdue, owner and status, and pages', async () => {
    const yesterday = addDays(localDate(), -1);
    const mk = async (title: string, dueDate: string | null, ownerId: string | null = null) => {
      const r = await ciso.post(ACT, { title, dueDate, ownerId });
      expect(r.status).toBe(201);
      return r.body;
    };
    const late = await mk('Wachtwoordbeleid herzien', yesterday, medewerkerId);
    await mk('Leveranciersaudit plannen', addDays(localDate(), 40));
    await mk('Zonder datum', null);
    expect(late.overdue).toBe(true);
    const open = (await ciso.get(`${ACT}?open=true`)).body.items.map((a: any) => a.title);
    expect(open).toHaveLength(4);
    expect(open[open.length - 1]).toBe('Zonder datum');
    const dates = (await ciso.get(`${ACT}?open=true`)).body.items.map((a: any) => a.dueDate ?? '9999');
    expect(dates).toEqual([...dates].sort());
    expect((await ciso.get(`${ACT}?overdue=true`)).body.items.map((a: any) => a.title)).toContain('Wachtwoordbeleid herzien');
    expect((await ciso.get(`${ACT}?overdue=true`)).body.items.every((a: any) => a.overdue)).toBe(true);
    expect((await ciso.get(`${ACT}?owner=${medewerkerId}`)).body.items.map((a: any) => a.title)).toEqual(['Wachtwoordbeleid herzien']);
    const p1 = await ciso.get(`${ACT}?limit=2`);
    expect(p1.body.items).toHaveLength(2);
    const p2 = await ciso.get(`${ACT}?limit=2&cursor=${p1.body.nextCursor}`);
    const p3 = p2.body.nextCursor ? (await ciso.get(`${ACT}?limit=2&cursor=${p2.body.nextCursor}`)).body.items : [];
    const paged = [...p1.body.items, ...p2.body.items, ...p3].map((a: any) => a.id);
    expect(new Set(paged).size).toBe(4);
    expect((await ciso.get(`${ACT}?cursor=nonsense`)).status).toBe(400);
  });

  it('the owner reports progress; only managers re-plan; closing records when', async () => {
    const mine = (await medewerker.get(`${ACT}?owner=${medewerkerId}`)).body.items[0];
    expect((await medewerker.patch(`${ACT}/${mine.id}`, { dueDate: '2030-01-01' })).status).toBe(403);
    const progress = await medewerker.patch(`${ACT}/${mine.id}`, { status: 'in_uitvoering', description: 'Concept ligt bij de CISO.' });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ status: 'in_uitvoering', completedAt: null });
    const other = (await ciso.get(`${ACT}?source=audit_finding`)).body.items[0];
    expect((await medewerker.patch(`${ACT}/${other.id}`, { status: 'afgerond' })).status).toBe(403);
    const done = await ciso.patch(`${ACT}/${mine.id}`, { status: 'afgerond' });
    expect(done.body.completedAt).not.toBeNull();
    expect(done.body.overdue).toBe(false);
    expect((await ciso.get(`${ACT}?overdue=true`)).body.items.map((a: any) => a.id)).not.toContain(mine.id);
    const reopened = await ciso.patch(`${ACT}/${mine.id}`, { status: 'open' });
    expect(reopened.body.completedAt).toBeNull();
    expect((await ciso.patch(`${ACT}/${mine.id}`, { ownerId: world.users.betaAdmin.id })).status).toBe(400);
    expect((await ciso.patch(`${ACT}/${mine.id}`, {})).status).toBe(400);
    const events = (await (await loginAs(t.app, 'admin@alpha.test')).get('/api/v1/organisations/alpha/audit-events?limit=100')).body.items;
    expect(events.filter((e: any) => e.entityType === 'action' && e.entityId === mine.id).map((e: any) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
  });

  it('can be linked to a measure of the organisation only', async () => {
    const m = await ciso.post('/api/v1/organisations/alpha/measures', { title: 'Hersteltest back-ups', status: 'gepland' });
    const a = (await ciso.get(`${ACT}?source=audit_finding`)).body.items[0];
    const linked = await ciso.patch(`${ACT}/${a.id}`, { measureId: m.body.id });
    expect(linked.body.measure).toEqual({ id: m.body.id, title: 'Hersteltest back-ups' });
    const betaAdmin = await loginAs(t.app, 'admin@beta.test');
    const bm = await betaAdmin.post('/api/v1/organisations/beta/measures', { title: 'Beta maatregel', status: 'gepland' });
    expect((await ciso.patch(`${ACT}/${a.id}`, { measureId: bm.body.id })).status).toBe(400);
  });

  it('another organisation sees none of it', async () => {
    const betaAdmin = await loginAs(t.app, 'admin@beta.test');
    const a = (await ciso.get(ACT)).body.items[0];
    expect((await betaAdmin.get(`/api/v1/organisations/alpha/actions`)).status).toBe(404);
    expect((await betaAdmin.get(`/api/v1/organisations/beta/actions/${a.id}`)).status).toBe(404);
    expect((await betaAdmin.patch(`/api/v1/organisations/beta/actions/${a.id}`, { status: 'vervallen' })).status).toBe(404);
    expect((await betaAdmin.get(`/api/v1/organisations/beta/actions`)).body.items).toEqual([]);
    expect((await betaAdmin.get(`/api/v1/organisations/alpha/assessment-years/2025/findings`)).status).toBe(404);
  });
});
