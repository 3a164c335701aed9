import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTx } from '../../src/server/core/db/client.js';
import { assets, dependencies, organisationLinks, organisations, suppliers } from '../../src/server/core/db/schema.js';
import { dependantsOf, removeEdgesOf } from '../../src/server/modules/dependencies/dependants.js';
import { MAX_DEPTH } from '../../src/server/modules/dependencies/traverse.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * A hand-made graph with known answers ("from depends on to"):
 *
 *   S1 HostingCo (KvK 12345678) <-gehost_bij- SYS1 Serverpark <-draait_op- APP1 Zaaksysteem, APP2 Burgerzaken-app, OT1 Gemaal
 *   APP2 -gebruikt-> APP1 and APP1 -afhankelijk_van-> APP2      (a cycle between two applications)
 *   J1 Belastingsamenwerking -afhankelijk_van-> S1 and S1 -uitbesteed_aan-> J1   (a cycle through the start node)
 *   APP3 Belastingapp -uitbesteed_aan-> J1, APP3 -geleverd_door-> S2 SaaS BV
 *   OT1 -afhankelijk_van-> S3 Telecom
 *   P_PAS Paspoorten   (vitaal, RTO 4, MTD 24)   -gebruikt-> APP2
 *   P_UIT Uitkeringen  (hoog,   RTO 24, MTD 72)  -gebruikt-> APP1
 *   P_VERG Vergunningen (midden, RTO 48, MTD 120) -gebruikt-> APP1 and APP2   (a diamond)
 *   P_BEL Belastingen  (laag, no RTO/MTD)        -gebruikt-> APP3
 *   P_GEM Waterbeheer  (vitaal, RTO 2, MTD 8)    -gebruikt-> OT1
 */

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let beta: Client;
const BASE = '/api/v1/organisations/alpha';
const N: Record<string, string> = {};
const TYPE: Record<string, 'asset' | 'supplier' | 'joint_arrangement'> = {};
const ref = (name: string) => ({ type: TYPE[name], id: N[name] });
let gamma: { id: string };
let betaSupplier: string;

/*
 * Nodes are created through the assets and suppliers APIs for alpha and beta; gamma has no users in this
 * world, so its rows go straight into the owning tables through a tenant transaction (RLS applies).
 */
const clientFor = (orgId: string) => (orgId === world.orgs.alpha.id ? ['alpha', ciso] : orgId === world.orgs.beta.id ? ['beta', beta] : null) as [string, Client] | null;
async function seedAsset(orgId: string, key: string, v: { kind: string; name: string; criticality?: string; rtoHours?: number; mtdHours?: number; otType?: string; remoteAccess?: boolean }) {
  const api = clientFor(orgId);
  let id: string;
  if (api) {
    const r = await api[1].post(`/api/v1/organisations/${api[0]}/assets`, v);
    expect(r.status, r.text).toBe(201);
    id = r.body.id;
  } else {
    [{ id }] = await tenantTx(t.deps.database, { organisationId: orgId, userId: null }, (tx) =>
      tx.insert(assets).values({ organisationId: orgId, ...v }).returning(),
    );
  }
  N[key] = id;
  TYPE[key] = 'asset';
  return id;
}
async function seedSupplier(orgId: string, key: string, name: string, registrationNumber: string | null) {
  const api = clientFor(orgId);
  let id: string;
  if (api) {
    const r = await api[1].post(`/api/v1/organisations/${api[0]}/suppliers`, { name, registrationNumber });
    expect(r.status, r.text).toBe(201);
    id = r.body.id;
  } else {
    [{ id }] = await tenantTx(t.deps.database, { organisationId: orgId, userId: null }, (tx) =>
      tx.insert(suppliers).values({ organisationId: orgId, name, registrationNumber }).returning(),
    );
  }
  N[key] = id;
  TYPE[key] = 'supplier';
  return id;
}

async function link(from: string, to: string, kind: string, client = ciso) {
  const r = await client.post(`${BASE}/dependencies`, { from: ref(from), to: ref(to), kind });
  expect(r.status, r.text).toBe(201);
  return r.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
  const alpha = world.orgs.alpha.id;
  await seedSupplier(alpha, 'S1', 'HostingCo', '12345678');
  await seedSupplier(alpha, 'S2', 'SaaS BV', '87654321');
  await seedSupplier(alpha, 'S3', 'Telecom', null);
  const ja = await ciso.post(`${BASE}/joint-arrangements`, { name: 'Belastingsamenwerking', kind: 'gemeenschappelijke_regeling' });
  expect(ja.status, ja.text).toBe(201);
  N.J1 = ja.body.id;
  TYPE.J1 = 'joint_arrangement';
  await seedAsset(alpha, 'SYS1', { kind: 'systeem', name: 'Serverpark' });
  await seedAsset(alpha, 'APP1', { kind: 'applicatie', name: 'Zaaksysteem' });
  await seedAsset(alpha, 'APP2', { kind: 'applicatie', name: 'Burgerzaken-app' });
  await seedAsset(alpha, 'APP3', { kind: 'applicatie', name: 'Belastingapp' });
  await seedAsset(alpha, 'OT1', { kind: 'ot', name: 'Gemaal De Piet', otType: 'gemaal', remoteAccess: false });
  await seedAsset(alpha, 'P_PAS', { kind: 'proces', name: 'Paspoorten', criticality: 'vitaal', rtoHours: 4, mtdHours: 24 });
  await seedAsset(alpha, 'P_UIT', { kind: 'proces', name: 'Uitkeringen', criticality: 'hoog', rtoHours: 24, mtdHours: 72 });
  await seedAsset(alpha, 'P_VERG', { kind: 'proces', name: 'Vergunningen', criticality: 'midden', rtoHours: 48, mtdHours: 120 });
  await seedAsset(alpha, 'P_BEL', { kind: 'proces', name: 'Belastingen', criticality: 'laag' });
  await seedAsset(alpha, 'P_GEM', { kind: 'proces', name: 'Waterbeheer', criticality: 'vitaal', rtoHours: 2, mtdHours: 8 });
  await seedAsset(world.orgs.beta.id, 'BETA_APP', { kind: 'applicatie', name: 'Beta-app' });

  await link('SYS1', 'S1', 'gehost_bij');
  await link('APP1', 'SYS1', 'draait_op');
  await link('APP2', 'SYS1', 'draait_op');
  await link('OT1', 'SYS1', 'draait_op');
  await link('APP2', 'APP1', 'gebruikt');
  await link('APP1', 'APP2', 'afhankelijk_van');
  await link('J1', 'S1', 'afhankelijk_van');
  await link('S1', 'J1', 'uitbesteed_aan');
  await link('APP3', 'J1', 'uitbesteed_aan');
  await link('APP3', 'S2', 'geleverd_door');
  await link('OT1', 'S3', 'afhankelijk_van');
  await link('P_PAS', 'APP2', 'gebruikt');
  await link('P_UIT', 'APP1', 'gebruikt');
  await link('P_VERG', 'APP1', 'gebruikt');
  await link('P_VERG', 'APP2', 'gebruikt');
  await link('P_BEL', 'APP3', 'gebruikt');
  await link('P_GEM', 'OT1', 'gebruikt');

  // a second gemeente linked to the CSIRT with the same hosting party, and beta (not linked) with it too
  [gamma] = await t.deps.database.db.insert(organisations).values({ slug: 'gamma', name: 'Gemeente Gamma', kind: 'gemeente' }).returning();
  await t.deps.database.db.insert(organisationLinks).values({ organisationId: gamma.id, kind: 'csirt', targetId: world.orgs.csirt.id });
  const gHost = await seedSupplier(gamma.id, 'G_S1', 'Hosting Co. B.V.', '12345678');
  const gProc = await seedAsset(gamma.id, 'G_P', { kind: 'proces', name: 'Afvalinzameling', criticality: 'hoog', rtoHours: 12, mtdHours: 48 });
  const gApp = await seedAsset(gamma.id, 'G_APP', { kind: 'applicatie', name: 'Routeplanner' });
  betaSupplier = await seedSupplier(world.orgs.beta.id, 'B_S1', 'HostingCo', '12345678');
  const bProc = await seedAsset(world.orgs.beta.id, 'B_P', { kind: 'proces', name: 'Beta-proces', criticality: 'vitaal', rtoHours: 1, mtdHours: 2 });
  // gamma has no users in this world: its edges go straight into the table, as the tenant
  for (const [fromId, toType, toId] of [
    [gApp, 'supplier', gHost],
    [gProc, 'asset', gApp],
  ] as const) {
    await tenantTx(t.deps.database, { organisationId: gamma.id, userId: null }, (tx) =>
      tx.insert(dependencies).values({ organisationId: gamma.id, fromType: 'asset', fromId, toType, toId, kind: 'gebruikt' }),
    );
  }
  const bEdge = await beta.post('/api/v1/organisations/beta/dependencies', { from: { type: 'asset', id: bProc }, to: { type: 'supplier', id: betaSupplier }, kind: 'gebruikt' });
  expect(bEdge.status, bEdge.text).toBe(201);
});
afterAll(() => t?.close());

const names = (items: { id: string }[]) => items.map((i) => Object.keys(N).find((k) => N[k] === i.id));

describe('dependencies: linking nodes', () => {
  it('lists the edges to and from a node with the labels of both ends', async () => {
    const r = await ciso.get(`${BASE}/dependencies?node=${N.SYS1}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(4);
    const hosting = r.body.items.find((e: any) => e.to.id === N.S1);
    expect(hosting).toMatchObject({ kind: 'gehost_bij', from: { type: 'asset', kind: 'systeem', name: 'Serverpark' }, to: { type: 'supplier', kind: null, name: 'HostingCo' } });
    expect(r.body.items.filter((e: any) => e.to.id === N.SYS1).map((e: any) => e.from.name).sort()).toEqual(['Burgerzaken-app', 'Gemaal De Piet', 'Zaaksysteem']);
    const ja = await ciso.get(`${BASE}/dependencies?node=${N.J1}`);
    expect(ja.body.items.map((e: any) => e.kind).sort()).toEqual(['afhankelijk_van', 'uitbesteed_aan', 'uitbesteed_aan']);
    expect(ja.body.items.find((e: any) => e.from.id === N.J1).from).toMatchObject({ type: 'joint_arrangement', name: 'Belastingsamenwerking' });
    expect((await ciso.get(`${BASE}/dependencies?node=${N.BETA_APP}`)).status).toBe(404);
  });

  it('pages through all edges of the organisation', async () => {
    const first = await ciso.get(`${BASE}/dependencies?limit=10`);
    expect(first.body.items).toHaveLength(10);
    const rest = await ciso.get(`${BASE}/dependencies?limit=10&cursor=${first.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(7);
    expect(rest.body.nextCursor).toBeNull();
    expect(new Set([...first.body.items, ...rest.body.items].map((e: any) => e.id)).size).toBe(17);
    expect((await ciso.get(`${BASE}/dependencies?cursor=nonsense`)).status).toBe(400);
  });

  it('rejects unknown nodes, nodes of another organisation, a wrong type, self-links, duplicates and bad input', async () => {
    const post = (body: unknown) => ciso.post(`${BASE}/dependencies`, body);
    const unknown = await post({ from: ref('APP1'), to: { type: 'asset', id: '00000000-0000-4000-8000-000000000000' }, kind: 'gebruikt' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect(unknown.body.errors).toEqual([{ path: 'body.to.id', message: 'onbekend' }]);
    const foreign = await post({ from: ref('BETA_APP'), to: ref('APP1'), kind: 'gebruikt' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('body.from.id');
    const wrongType = await post({ from: ref('APP3'), to: { type: 'supplier', id: N.APP1 }, kind: 'gebruikt' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].path).toBe('body.to.id');
    const self = await post({ from: ref('APP1'), to: ref('APP1'), kind: 'gebruikt' });
    expect(self.status).toBe(400);
    const dup = await post({ from: ref('APP1'), to: ref('SYS1'), kind: 'draait_op' });
    expect(dup.status).toBe(409);
    expect(dup.body.title).toBe('Conflict');
    expect((await post({ from: ref('APP1'), to: ref('SYS1'), kind: 'zomaar' })).status).toBe(400);
    expect((await post({ from: ref('APP1'), to: ref('SYS1'), kind: 'gebruikt', extra: 1 })).status).toBe(400);
    expect((await post({ from: { type: 'risk', id: N.APP1 }, to: ref('SYS1'), kind: 'gebruikt' })).status).toBe(400);
    // nothing half-written
    expect((await ciso.get(`${BASE}/dependencies?node=${N.APP1}`)).body.items).toHaveLength(5);
  });

  it('lets readers read but not link, and records create and delete in the audit trail', async () => {
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    expect((await auditor.get(`${BASE}/dependencies?node=${N.APP1}`)).status).toBe(200);
    expect((await auditor.post(`${BASE}/dependencies`, { from: ref('P_BEL'), to: ref('APP1'), kind: 'gebruikt' })).status).toBe(403);
    const id = await link('P_BEL', 'APP1', 'gebruikt');
    expect((await auditor.delete(`${BASE}/dependencies/${id}`)).status).toBe(403);
    expect((await ciso.delete(`${BASE}/dependencies/${id}`)).status).toBe(204);
    expect((await ciso.delete(`${BASE}/dependencies/${id}`)).status).toBe(404);
    const events = (await (await loginAs(t.app, 'admin@alpha.test')).get(`${BASE}/audit-events?limit=200&entityType=dependency`)).body.items;
    const mine = events.filter((e: any) => e.entityId === id);
    expect(mine.map((e: any) => e.action).sort()).toEqual(['create', 'delete']);
    expect(mine.find((e: any) => e.action === 'create').changes.kind).toEqual({ before: null, after: 'gebruikt' });
    expect(events.filter((e: any) => e.action === 'create').length).toBeGreaterThanOrEqual(18);
  });
});

describe('cascade', () => {
  it('finds every dependant once at its shortest depth, through the diamond and the cycles, with statuses by RTO/MTD', async () => {
    const r = await ciso.get(`${BASE}/cascade?node=${N.S1}&outageHours=30`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.node).toEqual({ id: N.S1, type: 'supplier', kind: null, name: 'HostingCo' });
    expect(r.body.truncated).toBe(false);
    const depth = Object.fromEntries(r.body.affected.map((a: any) => [names([a])[0], a.depth]));
    expect(depth).toEqual({ SYS1: 1, J1: 1, APP1: 2, APP2: 2, OT1: 2, APP3: 2, P_PAS: 3, P_UIT: 3, P_VERG: 3, P_BEL: 3, P_GEM: 3 });
    // every path is a chain of real edges from the node to the start, as long as its depth
    const edges = new Set(r.body.graph.edges.map((e: any) => `${e.from}>${e.to}`));
    for (const a of r.body.affected) {
      expect(a.path).toHaveLength(a.depth + 1);
      expect(a.path[0]).toBe(a.id);
      expect(a.path.at(-1)).toBe(N.S1);
      for (let i = 0; i + 1 < a.path.length; i++) expect(edges.has(`${a.path[i]}>${a.path[i + 1]}`)).toBe(true);
    }
    expect(r.body.affected.find((a: any) => a.id === N.P_PAS).path).toEqual([N.P_PAS, N.APP2, N.SYS1, N.S1]);
    expect(r.body.processes.map((p: any) => [p.name, p.status])).toEqual([
      ['Paspoorten', 'mtd_overschreden'],
      ['Waterbeheer', 'mtd_overschreden'],
      ['Uitkeringen', 'rto_overschreden'],
      ['Belastingen', 'onbekend'],
      ['Vergunningen', 'binnen_rto'],
    ]);
    expect(r.body.processes[0]).toMatchObject({ criticality: 'vitaal', rtoHours: 4, mtdHours: 24, depth: 3 });
    // the graph: the start and the affected nodes, and the edges among them (not APP3 -> S2, not OT1 -> S3)
    expect(r.body.graph.nodes).toHaveLength(12);
    expect(r.body.graph.nodes[0]).toEqual({ id: N.S1, type: 'supplier', kind: null, name: 'HostingCo', depth: 0 });
    expect(r.body.graph.edges).toHaveLength(15);
    expect(edges.has(`${N.APP3}>${N.S2}`)).toBe(false);
    expect(edges.has(`${N.S1}>${N.J1}`)).toBe(true);
  });

  it('compares with the limits inclusively: an outage equal to the RTO or MTD is still within it', async () => {
    const r = await ciso.get(`${BASE}/cascade?node=${N.S1}&outageHours=24`);
    const status = Object.fromEntries(r.body.processes.map((p: any) => [p.name, p.status]));
    expect(status).toEqual({ Paspoorten: 'rto_overschreden', Waterbeheer: 'mtd_overschreden', Uitkeringen: 'binnen_rto', Vergunningen: 'binnen_rto', Belastingen: 'onbekend' });
    const short = await ciso.get(`${BASE}/cascade?node=${N.S1}&outageHours=0.5`);
    expect(short.body.processes.map((p: any) => p.status)).toEqual(['onbekend', 'binnen_rto', 'binnen_rto', 'binnen_rto', 'binnen_rto']);
  });

  it('terminates on a cycle and never lists the start node among its dependants', async () => {
    const r = await ciso.get(`${BASE}/cascade?node=${N.APP1}&outageHours=1`);
    expect(Object.fromEntries(r.body.affected.map((a: any) => [names([a])[0], a.depth]))).toEqual({ APP2: 1, P_UIT: 1, P_VERG: 1, P_PAS: 2 });
    expect(r.body.affected.find((a: any) => a.id === N.P_PAS).path).toEqual([N.P_PAS, N.APP2, N.APP1]);
    const ja = await ciso.get(`${BASE}/cascade?node=${N.J1}&outageHours=1`);
    expect(Object.fromEntries(ja.body.affected.map((a: any) => [names([a])[0], a.depth]))).toEqual({
      S1: 1, APP3: 1, SYS1: 2, P_BEL: 2, APP1: 3, APP2: 3, OT1: 3, P_PAS: 4, P_UIT: 4, P_VERG: 4, P_GEM: 4,
    });
  });

  it('from an OT node and from a node nobody depends on; a process that fails itself is affected', async () => {
    const ot = await ciso.get(`${BASE}/cascade?node=${N.OT1}&outageHours=10`);
    expect(ot.body.affected.map((a: any) => a.name)).toEqual(['Waterbeheer']);
    expect(ot.body.processes).toEqual([{ id: N.P_GEM, name: 'Waterbeheer', criticality: 'vitaal', rtoHours: 2, mtdHours: 8, depth: 1, status: 'mtd_overschreden' }]);
    const leaf = await ciso.get(`${BASE}/cascade?node=${N.P_UIT}&outageHours=30`);
    expect(leaf.body.affected).toEqual([]);
    expect(leaf.body.processes).toEqual([expect.objectContaining({ name: 'Uitkeringen', depth: 0, status: 'rto_overschreden' })]);
    expect(leaf.body.graph).toEqual({ nodes: [{ id: N.P_UIT, type: 'asset', kind: 'proces', name: 'Uitkeringen', depth: 0 }], edges: [] });
  });

  it('stops at the maximum depth and says so', async () => {
    const alpha = world.orgs.alpha.id;
    const chain: string[] = [];
    for (let i = 0; i <= MAX_DEPTH + 2; i++) chain.push(await seedAsset(alpha, `CH${i}`, { kind: 'systeem', name: `Keten ${String(i).padStart(2, '0')}` }));
    for (let i = 1; i < chain.length; i++) await link(`CH${i}`, `CH${i - 1}`, 'afhankelijk_van');
    const r = await ciso.get(`${BASE}/cascade?node=${chain[0]}&outageHours=1`);
    expect(r.body.truncated).toBe(true);
    expect(r.body.affected).toHaveLength(MAX_DEPTH);
    expect(r.body.affected.at(-1)).toMatchObject({ id: chain[MAX_DEPTH], depth: MAX_DEPTH });
    const near = await ciso.get(`${BASE}/cascade?node=${chain[3]}&outageHours=1`);
    expect(near.body.truncated).toBe(false);
    expect(near.body.affected).toHaveLength(chain.length - 4);
    // clean up so the rest of the file sees the hand-made graph only
    await tenantTx(t.deps.database, { organisationId: alpha, userId: null }, async (tx) => {
      for (const id of chain) await removeEdgesOf(tx, alpha, id);
    });
  });

  it('answers bad input with a problem and unknown or foreign nodes with 404', async () => {
    expect((await ciso.get(`${BASE}/cascade?node=${N.S1}`)).status).toBe(400);
    expect((await ciso.get(`${BASE}/cascade?node=${N.S1}&outageHours=-1`)).status).toBe(400);
    expect((await ciso.get(`${BASE}/cascade?node=nope&outageHours=1`)).status).toBe(400);
    expect((await ciso.get(`${BASE}/cascade?node=${N.BETA_APP}&outageHours=1`)).status).toBe(404);
    expect((await ciso.get(`${BASE}/cascade?node=00000000-0000-4000-8000-000000000000&outageHours=1`)).status).toBe(404);
  });
});

describe('concentration', () => {
  it('ranks suppliers by the critical processes, then all processes, that depend on them transitively', async () => {
    const r = await ciso.get(`${BASE}/concentration`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: any) => [i.supplier.name, i.criticalProcesses, i.processes, i.dependants])).toEqual([
      ['HostingCo', 3, 5, 11],
      ['Telecom', 1, 1, 2],
      ['SaaS BV', 0, 1, 2],
    ]);
    expect(r.body.items[0].supplier).toMatchObject({ id: N.S1, registrationNumber: '12345678', highRisk: false });
    expect((await ciso.get(`${BASE}/concentration?limit=2`)).body.items.map((i: any) => i.supplier.name)).toEqual(['HostingCo', 'Telecom']);
    expect((await ciso.get(`${BASE}/concentration?limit=0`)).status).toBe(400);
    // beta only sees its own supplier
    expect((await beta.get('/api/v1/organisations/beta/concentration')).body.items.map((i: any) => [i.supplier.id, i.criticalProcesses])).toEqual([[betaSupplier, 1]]);
  });
});

describe('the dependants functions other modules use', () => {
  it('dependantsOf lists the edges pointing to a node; removeEdgesOf removes all of a node’s edges in its organisation only', async () => {
    const alpha = world.orgs.alpha.id;
    const deps = await tenantTx(t.deps.database, { organisationId: alpha, userId: null }, (tx) => dependantsOf(tx, alpha, N.SYS1));
    expect(deps.map((d) => names([{ id: d.fromId }])[0]).sort()).toEqual(['APP1', 'APP2', 'OT1']);
    expect(deps.every((d) => d.fromType === 'asset' && d.kind === 'draait_op')).toBe(true);
    // another organisation's transaction neither sees nor removes them
    const betaId = world.orgs.beta.id;
    expect(await tenantTx(t.deps.database, { organisationId: betaId, userId: null }, (tx) => dependantsOf(tx, betaId, N.SYS1))).toEqual([]);
    expect(await tenantTx(t.deps.database, { organisationId: betaId, userId: null }, (tx) => removeEdgesOf(tx, betaId, N.SYS1))).toBe(0);
    // a throwaway node with two edges in and one out
    const tmp = await seedAsset(alpha, 'TMP', { kind: 'applicatie', name: 'Tijdelijk' });
    await link('TMP', 'SYS1', 'draait_op');
    await link('P_BEL', 'TMP', 'gebruikt');
    await link('P_UIT', 'TMP', 'gebruikt');
    const removed = await tenantTx(t.deps.database, { organisationId: alpha, userId: null }, async (tx) => {
      expect((await dependantsOf(tx, alpha, tmp)).map((d) => d.fromId).sort()).toEqual([N.P_BEL, N.P_UIT].sort());
      return removeEdgesOf(tx, alpha, tmp);
    });
    expect(removed).toBe(3);
    expect((await ciso.get(`${BASE}/dependencies?node=${tmp}`)).body.items).toEqual([]);
    expect((await ciso.get(`${BASE}/dependencies?node=${N.SYS1}`)).body.items).toHaveLength(4);
  });
});

describe('CSIRT: one supplier failing across the connected gemeenten', () => {
  it('answers per linked gemeente that uses the supplier, worst first, and leaves unlinked gemeenten out', async () => {
    const analist = await loginAs(t.app, 'analist@csirt.test');
    const r = await analist.get('/api/v1/organisations/csirt/cascade/across?registrationNumber=12345678&outageHours=30');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ registrationNumber: '12345678', outageHours: 30, linkedGemeenten: 2 });
    expect(r.body.items.map((i: any) => [i.organisation.slug, i.affectedProcesses, i.worstStatus])).toEqual([
      ['alpha', 5, 'mtd_overschreden'],
      ['gamma', 1, 'rto_overschreden'],
    ]);
    expect(r.body.items[0].suppliers).toEqual([{ id: N.S1, name: 'HostingCo' }]);
    expect(r.body.items[0].processes.map((p: any) => p.name)).toEqual(['Paspoorten', 'Waterbeheer', 'Uitkeringen', 'Belastingen', 'Vergunningen']);
    expect(r.body.items[1].processes).toEqual([{ id: N.G_P, name: 'Afvalinzameling', criticality: 'hoog', rtoHours: 12, mtdHours: 48, depth: 2, status: 'rto_overschreden' }]);
    expect(JSON.stringify(r.body)).not.toContain('Beta-proces');
    // at 30 h: Paspoorten (MTD 24) and Waterbeheer (MTD 8) past their MTD, Uitkeringen (RTO 24) past its RTO,
    // Belastingen without an RTO, Vergunningen (RTO 48) within it
    expect(r.body.items[0].statusCounts).toEqual({ mtd_overschreden: 2, rto_overschreden: 1, onbekend: 1, binnen_rto: 1 });
    expect(r.body.items[1].statusCounts).toEqual({ mtd_overschreden: 0, rto_overschreden: 1, onbekend: 0, binnen_rto: 0 });

    // the overview carries the worst few per gemeente; one gemeente on request comes with all of them
    const worst = await analist.get('/api/v1/organisations/csirt/cascade/across?registrationNumber=12345678&outageHours=30&processesPerGemeente=2');
    expect(worst.body.items.map((i: any) => [i.organisation.slug, i.affectedProcesses, i.processes.map((p: any) => p.name)])).toEqual([
      ['alpha', 5, ['Paspoorten', 'Waterbeheer']],
      ['gamma', 1, ['Afvalinzameling']],
    ]);
    const one = await analist.get('/api/v1/organisations/csirt/cascade/across?registrationNumber=12345678&outageHours=30&processesPerGemeente=2&gemeente=alpha');
    expect(one.body).toMatchObject({ linkedGemeenten: 2 });
    expect(one.body.items.map((i: any) => [i.organisation.slug, i.processes.length])).toEqual([['alpha', 5]]);
    expect(one.body.items[0].processes).toEqual(r.body.items[0].processes);
    // a gemeente that is not connected to this CSIRT answers nothing, like an unknown one
    for (const slug of ['beta', 'no-such-gemeente']) {
      const none = await analist.get(`/api/v1/organisations/csirt/cascade/across?registrationNumber=12345678&outageHours=30&gemeente=${slug}`);
      expect(none.status).toBe(200);
      expect(none.body.items).toEqual([]);
    }
    for (const bad of ['processesPerGemeente=-1', 'processesPerGemeente=1001', 'processesPerGemeente=2.5', 'gemeente=', 'unknown=1']) {
      expect((await analist.get(`/api/v1/organisations/csirt/cascade/across?registrationNumber=12345678&outageHours=30&${bad}`)).status, bad).toBe(400);
    }

    const other = await analist.get('/api/v1/organisations/csirt/cascade/across?registrationNumber=87654321&outageHours=1');
    expect(other.body.items.map((i: any) => [i.organisation.slug, i.affectedProcesses, i.worstStatus])).toEqual([['alpha', 1, 'onbekend']]);
    expect((await analist.get('/api/v1/organisations/csirt/cascade/across?registrationNumber=99999999&outageHours=1')).body.items).toEqual([]);
    expect((await analist.get('/api/v1/organisations/csirt/cascade/across?outageHours=1')).status).toBe(400);
  });

  it('is only for a CSIRT or veiligheidsregio, and only for its members', async () => {
    // a gemeente has no connected gemeenten: 403, even for its admin
    expect((await ciso.get(`${BASE}/cascade/across?registrationNumber=12345678&outageHours=1`)).status).toBe(403);
    // not a member of the CSIRT: 404
    expect((await beta.get('/api/v1/organisations/csirt/cascade/across?registrationNumber=12345678&outageHours=1')).status).toBe(404);
    // the CSIRT analist cannot read a gemeente's own graph
    const analist = await loginAs(t.app, 'analist@csirt.test');
    expect((await analist.get(`${BASE}/cascade?node=${N.S1}&outageHours=1`)).status).toBe(404);
  });
});

describe('isolation', () => {
  it('beta cannot see, change or link to alpha’s graph', async () => {
    const id = (await ciso.get(`${BASE}/dependencies?node=${N.S1}`)).body.items[0].id;
    expect((await beta.get(`${BASE}/dependencies`)).status).toBe(404);
    expect((await beta.get(`${BASE}/cascade?node=${N.S1}&outageHours=1`)).status).toBe(404);
    expect((await beta.get(`${BASE}/concentration`)).status).toBe(404);
    expect((await beta.delete(`${BASE}/dependencies/${id}`)).status).toBe(404);
    expect((await beta.delete(`/api/v1/organisations/beta/dependencies/${id}`)).status).toBe(404);
    expect((await beta.get(`/api/v1/organisations/beta/dependencies?node=${N.S1}`)).status).toBe(404);
    expect((await beta.get(`/api/v1/organisations/beta/cascade?node=${N.S1}&outageHours=1`)).status).toBe(404);
    const cross = await beta.post('/api/v1/organisations/beta/dependencies', { from: ref('BETA_APP'), to: ref('S1'), kind: 'gehost_bij' });
    expect(cross.status).toBe(400);
    expect(cross.body.errors[0].path).toBe('body.to.id');
    expect((await beta.get('/api/v1/organisations/beta/dependencies')).body.items.every((e: any) => e.from.id !== N.S1 && e.to.id !== N.S1)).toBe(true);
    // the edge is still there
    expect((await ciso.get(`${BASE}/dependencies?node=${N.S1}`)).body.items.map((e: any) => e.id)).toContain(id);
  });
});
