import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { tenantTx } from '../../src/server/core/db/client.js';
import { assets, dependencies, organisations } from '../../src/server/core/db/schema.js';
import { jointArrangementNodes, supplierNodes } from '../../src/server/modules/suppliers/nodes.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const NOPE = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let admin: Client;
let ciso: Client;
let auditor: Client;
let beta: Client;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  // a samenwerkingsverband that is itself an organisation in Weerbaar, not linked to alpha
  await t.deps.database.db.insert(organisations).values({ slug: 'ict-kust', name: 'ICT-samenwerking Kust', kind: 'samenwerkingsverband' });
  admin = await loginAs(t.app, 'admin@alpha.test');
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
});
afterAll(() => t?.close());

describe(`joint arrangements on ${ENGINE}`, () => {
  let ictId: string;

  it('creates an arrangement linked to a samenwerkingsverband in Weerbaar, shown by slug and name', async () => {
    const r = await ciso.post(`${A}/joint-arrangements`, {
      name: 'Regionale ICT-samenwerking Kust',
      kind: 'gemeenschappelijke_regeling',
      description: 'Beheert werkplekken, netwerk en het zaaksysteem voor drie gemeenten.',
      accountable: 'Wethouder bedrijfsvoering',
      lastCouncilReport: '2025-06-30',
      linkedOrganisation: 'ict-kust',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      name: 'Regionale ICT-samenwerking Kust',
      kind: 'gemeenschappelijke_regeling',
      accountable: 'Wethouder bedrijfsvoering',
      lastCouncilReport: '2025-06-30',
      linkedOrganisation: { slug: 'ict-kust', name: 'ICT-samenwerking Kust' },
    });
    expect(r.body).not.toHaveProperty('linkedOrganisationId');
    ictId = r.body.id;
    const got = await auditor.get(`${A}/joint-arrangements/${ictId}`);
    expect(got.status).toBe(200);
    expect(got.body.linkedOrganisation).toEqual({ slug: 'ict-kust', name: 'ICT-samenwerking Kust' });
    const list = await auditor.get(`${A}/joint-arrangements`);
    expect(list.body.items[0].linkedOrganisation).toEqual({ slug: 'ict-kust', name: 'ICT-samenwerking Kust' });
  });

  it('refuses bad input, and a linked organisation that is not a samenwerkingsverband', async () => {
    const base = { name: 'Belastingsamenwerking', kind: 'gemeenschappelijke_regeling' };
    for (const body of [
      { ...base, kind: 'stichting' },
      { ...base, name: 'B' },
      { ...base, lastCouncilReport: '2025-13-01' },
      { ...base, extra: 1 },
      { kind: 'convenant' },
    ]) {
      const r = await ciso.post(`${A}/joint-arrangements`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    for (const slug of ['beta', 'csirt', 'bestaat-niet']) {
      const r = await ciso.post(`${A}/joint-arrangements`, { ...base, linkedOrganisation: slug });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ path: 'body.linkedOrganisation', message: 'geen bestaand samenwerkingsverband' }]);
    }
    expect((await ciso.patch(`${A}/joint-arrangements/${ictId}`, { linkedOrganisation: 'beta' })).status).toBe(400);
    expect((await ciso.get(`${A}/joint-arrangements?q=Belasting`)).body.total).toBe(0);
    expect((await ciso.get(`${A}/joint-arrangements/${NOPE}`)).status).toBe(404);
    expect((await ciso.patch(`${A}/joint-arrangements/${NOPE}`, { name: 'Niets' })).status).toBe(404);
  });

  it('readers read; only managers write, and an unauthorised caller learns nothing about slugs', async () => {
    expect((await auditor.post(`${A}/joint-arrangements`, { name: 'Mag niet', kind: 'anders', linkedOrganisation: 'bestaat-niet' })).status).toBe(403);
    expect((await auditor.post(`${A}/joint-arrangements`, { name: 'Mag niet', kind: 'anders', linkedOrganisation: 'ict-kust' })).status).toBe(403);
    expect((await auditor.patch(`${A}/joint-arrangements/${ictId}`, { name: 'Mag niet' })).status).toBe(403);
    expect((await auditor.delete(`${A}/joint-arrangements/${ictId}`)).status).toBe(403);
  });

  it('updates fields and unlinks with linkedOrganisation: null', async () => {
    const r = await ciso.patch(`${A}/joint-arrangements/${ictId}`, { accountable: 'Portefeuillehouder ICT', lastCouncilReport: '2026-01-15' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accountable: 'Portefeuillehouder ICT', lastCouncilReport: '2026-01-15', linkedOrganisation: { slug: 'ict-kust' } });
    const unlinked = await ciso.patch(`${A}/joint-arrangements/${ictId}`, { linkedOrganisation: null });
    expect(unlinked.body.linkedOrganisation).toBeNull();
    const relinked = await ciso.patch(`${A}/joint-arrangements/${ictId}`, { linkedOrganisation: 'ict-kust' });
    expect(relinked.body.linkedOrganisation).toEqual({ slug: 'ict-kust', name: 'ICT-samenwerking Kust' });
  });

  it('lists with filters and keyset paging', async () => {
    for (const [name, kind] of [
      ['Belastingsamenwerking Kustland', 'gemeenschappelijke_regeling'],
      ['Veiligheidsregio Kustland', 'gemeenschappelijke_regeling'],
      ['Omgevingsdienst Kust', 'gemeenschappelijke_regeling'],
      ['Sociale dienst Kust', 'samenwerkingsverband'],
      ['Convenant Veilig Ondernemen', 'convenant'],
    ]) {
      expect((await ciso.post(`${A}/joint-arrangements`, { name, kind })).status).toBe(201);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await ciso.get(`${A}/joint-arrangements?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.body.total).toBe(6);
      names.push(...r.body.items.map((i: any) => i.name));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(names).toEqual([
      'Belastingsamenwerking Kustland',
      'Convenant Veilig Ondernemen',
      'Omgevingsdienst Kust',
      'Regionale ICT-samenwerking Kust',
      'Sociale dienst Kust',
      'Veiligheidsregio Kustland',
    ]);
    expect((await ciso.get(`${A}/joint-arrangements?kind=convenant`)).body.items.map((i: any) => i.name)).toEqual(['Convenant Veilig Ondernemen']);
    expect((await ciso.get(`${A}/joint-arrangements?q=kustland`)).body.total).toBe(2);
    expect((await ciso.get(`${A}/joint-arrangements?q=portefeuille`)).body.items.map((i: any) => i.name)).toEqual(['Regionale ICT-samenwerking Kust']);
    expect((await ciso.get(`${A}/joint-arrangements?kind=stichting`)).status).toBe(400);
    expect((await ciso.get(`${A}/joint-arrangements?cursor=xyz`)).status).toBe(400);
  });

  it('deleting an arrangement others depend on answers 409 with the list; force=true removes the links', async () => {
    const db = t.deps.database.db;
    const [proc] = await db.insert(assets).values({ organisationId: world.orgs.alpha.id, kind: 'proces', name: 'Belastinginning' }).returning();
    const ja = (await ciso.get(`${A}/joint-arrangements?q=Belastingsamenwerking`)).body.items[0];
    await db.insert(dependencies).values({ organisationId: world.orgs.alpha.id, fromType: 'asset', fromId: proc.id, toType: 'joint_arrangement', toId: ja.id, kind: 'uitbesteed_aan' });
    const r = await ciso.delete(`${A}/joint-arrangements/${ja.id}`);
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.dependants).toEqual([{ type: 'asset', id: proc.id, name: 'Belastinginning', kind: 'uitbesteed_aan' }]);
    expect(r.body.detail).toContain('Belastingsamenwerking Kustland');
    expect((await ciso.get(`${A}/joint-arrangements/${ja.id}`)).status).toBe(200);
    expect((await ciso.delete(`${A}/joint-arrangements/${ja.id}?force=true`)).status).toBe(204);
    expect((await ciso.get(`${A}/joint-arrangements/${ja.id}`)).status).toBe(404);
    expect(await db.select().from(dependencies).where(and(eq(dependencies.organisationId, world.orgs.alpha.id), eq(dependencies.toId, ja.id)))).toEqual([]);
    const plain = (await ciso.get(`${A}/joint-arrangements?kind=convenant`)).body.items[0];
    expect((await ciso.delete(`${A}/joint-arrangements/${plain.id}`)).status).toBe(204);
    expect((await ciso.delete(`${A}/joint-arrangements/${plain.id}`)).status).toBe(404);
  });

  it('records every change in the audit trail', async () => {
    const events = (await admin.get(`${A}/audit-events?entityType=joint_arrangement&limit=200`)).body.items.filter((e: any) => e.entityId === ictId);
    expect(events.map((e: any) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(events[3].changes.linkedOrganisation).toEqual({ before: null, after: 'ict-kust' });
    expect(events[1].changes.linkedOrganisationId).toEqual({ before: expect.any(String), after: null });
    expect(events[0].changes.linkedOrganisation).toEqual({ before: null, after: 'ict-kust' });
    expect(events[0].actor.email).toBe('ciso@alpha.test');
    const deleted = (await admin.get(`${A}/audit-events?entityType=joint_arrangement&limit=200`)).body.items.filter((e: any) => e.action === 'delete');
    expect(deleted).toHaveLength(2);
    expect(deleted.map((e: any) => e.changes.edgesRemoved?.after).sort()).toEqual([0, 1]);
    expect((await admin.post(`${A}/audit-events/verify`)).body.valid).toBe(true);
  });

  it('isolation: beta never sees or changes alpha arrangements', async () => {
    const mine = await beta.post(`${B}/joint-arrangements`, { name: 'Beta regeling', kind: 'anders' });
    expect(mine.status).toBe(201);
    expect((await beta.get(`${A}/joint-arrangements`)).status).toBe(404);
    expect((await beta.post(`${A}/joint-arrangements`, { name: 'Inbraak', kind: 'anders' })).status).toBe(404);
    for (const [method, url, body] of [
      ['GET', `${B}/joint-arrangements/${ictId}`, undefined],
      ['PATCH', `${B}/joint-arrangements/${ictId}`, { name: 'Gekaapt' }],
      ['PATCH', `${B}/joint-arrangements/${ictId}`, { linkedOrganisation: 'ict-kust' }],
      ['DELETE', `${B}/joint-arrangements/${ictId}?force=true`, undefined],
      ['GET', `${A}/joint-arrangements/${ictId}`, undefined],
    ] as const) {
      const r = await beta.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(JSON.stringify(r.body ?? {})).not.toContain('Regionale ICT');
    }
    expect((await beta.get(`${B}/joint-arrangements`)).body.items.map((i: any) => i.name)).toEqual(['Beta regeling']);
    expect((await ciso.get(`${A}/joint-arrangements/${ictId}`)).body.name).toBe('Regionale ICT-samenwerking Kust');
  });

  it('nodes.ts gives graph labels of the own organisation only', async () => {
    const betaJa = (await beta.get(`${B}/joint-arrangements`)).body.items[0].id;
    const s = await ciso.post(`${A}/suppliers`, { name: 'Node Leverancier', registrationNumber: '87654321', processingCountries: ['NL'] });
    const betaS = await beta.post(`${B}/suppliers`, { name: 'Beta Node' });
    const nodes = await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: null }, async (tx) => ({
      ja: await jointArrangementNodes(tx, world.orgs.alpha.id, [ictId, betaJa, NOPE, ictId]),
      sup: await supplierNodes(tx, world.orgs.alpha.id, [s.body.id, betaS.body.id]),
      none: await supplierNodes(tx, world.orgs.alpha.id, []),
    }));
    expect(nodes.ja).toEqual([{ id: ictId, type: 'joint_arrangement', name: 'Regionale ICT-samenwerking Kust' }]);
    expect(nodes.sup).toEqual([{ id: s.body.id, type: 'supplier', name: 'Node Leverancier', registrationNumber: '87654321', highRisk: false }]);
    expect(nodes.none).toEqual([]);
    // even asked for beta's organisation id inside alpha's transaction, RLS shows nothing of beta
    const cross = await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: null }, (tx) => jointArrangementNodes(tx, world.orgs.beta.id, [betaJa]));
    expect(cross).toEqual([]);
  });
});
