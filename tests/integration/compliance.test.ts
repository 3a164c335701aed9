import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { tenantTx } from '../../src/server/core/db/client.js';
import { measures } from '../../src/server/core/db/schema.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
});
afterAll(() => t?.close());

const link = (framework: string, ref: string, coverage: 'full' | 'partial' = 'full') => ({ framework, ref, coverage });

describe('framework library', () => {
  it('lists the frameworks every organisation shares, with their requirements in order', async () => {
    const list = await ciso.get('/api/v1/frameworks');
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: any) => f.id).sort()).toEqual(['test:alpha', 'test:nis', 'weerbaar:iso27001-annex-a']);
    expect(list.body.items.find((f: any) => f.id === 'test:alpha')).toMatchObject({ requirementCount: 3, origin: 'catalog', licence: 'EUPL-1.2' });
    const alpha = await (await loginAs(t.app, 'admin@beta.test')).get('/api/v1/frameworks/test:alpha');
    expect(alpha.body.requirements.map((r: any) => r.ref)).toEqual(['5', '5.1', '5.1.01', '5.1.02', '5.1.03', '8', '8.2', '8.2.01']);
    expect(alpha.body.requirements.find((r: any) => r.ref === '5.1.03')).toMatchObject({ status: 'moved', replacedBy: '5.1.02' });
    expect((await ciso.get('/api/v1/frameworks/test:nope')).status).toBe(404);
  });

  it('ships authored mappings with a rationale per row and generates the structural ISO mapping', async () => {
    const sets = await ciso.get('/api/v1/mapping-sets');
    expect(sets.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'test:mapping:alpha-nis', generated: false, rowCount: 3 }),
        expect.objectContaining({ id: 'weerbaar:mapping:alpha-iso27001', source: 'test:alpha', target: 'weerbaar:iso27001-annex-a', generated: true, rowCount: 3 }),
      ]),
    );
    const iso = await ciso.get('/api/v1/mapping-sets/weerbaar:mapping:alpha-iso27001');
    expect(iso.body.rows.map((r: any) => `${r.source}>${r.target}`)).toEqual(['5.1.01>A.5.1', '5.1.02>A.5.1', '8.2.01>A.8.2']);
    expect(iso.body.rows[0].rationale).toMatch(/Structureel/);
  });

  it('loading the same catalogs again changes nothing', async () => {
    const again = await loadCatalogs(t.deps.database, FIXTURES);
    expect(again.every((r) => r.action === 'unchanged')).toBe(true);
  });
});

describe('measures: assess once, comply many', () => {
  it('derives a requirement of another framework through a mapping, with provenance, and counts every source', async () => {
    const m1 = await ciso.post('/api/v1/organisations/alpha/measures', {
      title: 'Informatiebeveiligingsbeleid',
      description: 'Vastgesteld door het college',
      status: 'geimplementeerd',
      ownerId: world.users.ciso.id,
      requirements: [link('test:alpha', '5.1.01')],
    });
    expect(m1.status).toBe(201);
    expect(m1.body.owner).toMatchObject({ email: 'ciso@alpha.test' });
    expect(m1.body.requirements).toEqual([expect.objectContaining({ framework: 'test:alpha', ref: '5.1.01', coverage: 'full' })]);

    let cov = await ciso.get('/api/v1/organisations/alpha/frameworks/test:nis/coverage');
    expect(cov.status).toBe(200);
    let a = cov.body.items.find((i: any) => i.ref === '21.2.a');
    expect(a.result).toBe('voldoet_deels'); // subset: part of the target
    expect(a.sources).toEqual([
      expect.objectContaining({
        measure: expect.objectContaining({ title: 'Informatiebeveiligingsbeleid' }),
        via: 'mapping',
        coverage: 'partial',
        counts: true,
        mapping: expect.objectContaining({ mappingSet: 'test:mapping:alpha-nis', framework: 'test:alpha', ref: '5.1.01', relationship: 'subset', rationale: expect.any(String) }),
      }),
    ]);

    // a second measure reaching the same target through another row: both count
    await ciso.post('/api/v1/organisations/alpha/measures', { title: 'Beheerrechten', status: 'geimplementeerd', requirements: [link('test:alpha', '8.2.01')] });
    cov = await ciso.get('/api/v1/organisations/alpha/frameworks/test:nis/coverage');
    a = cov.body.items.find((i: any) => i.ref === '21.2.a');
    expect(a.result).toBe('voldoet');
    expect(a.sources.map((s: any) => s.measure.title).sort()).toEqual(['Beheerrechten', 'Informatiebeveiligingsbeleid']);
    expect(cov.body.summary).toMatchObject({ total: 2, voldoet: 1, niet_beoordeeld: 1 });

    // the structural mapping makes the same measures count for ISO 27001 Annex A
    const iso = await ciso.get('/api/v1/organisations/alpha/frameworks/weerbaar:iso27001-annex-a/coverage');
    expect(iso.body.items.find((i: any) => i.ref === 'A.5.1')).toMatchObject({ result: 'voldoet_deels' });
    // and directly in its own framework
    const own = await ciso.get('/api/v1/organisations/alpha/frameworks/test:alpha/coverage');
    expect(own.body.items.find((i: any) => i.ref === '5.1.01')).toMatchObject({ result: 'voldoet', sources: [expect.objectContaining({ via: 'direct', coverage: 'full' })] });
    expect(own.body.items.map((i: any) => i.ref)).not.toContain('5.1.03'); // moved: not assessed any more
  });

  it('works in the reverse direction of a mapping, and only implemented measures count', async () => {
    await ciso.post('/api/v1/organisations/alpha/measures', { title: 'Incidentproces', status: 'in_uitvoering', requirements: [link('test:nis', '21.2.b')] });
    const own = await ciso.get('/api/v1/organisations/alpha/frameworks/test:alpha/coverage');
    const b = own.body.items.find((i: any) => i.ref === '5.1.02');
    expect(b.result).toBe('voldoet_niet');
    expect(b.sources[0]).toMatchObject({ via: 'mapping', coverage: 'partial', counts: false, mapping: expect.objectContaining({ framework: 'test:nis', ref: '21.2.b', relationship: 'intersect' }) });
  });

  it('a partial link stays partial, whatever the mapping', async () => {
    const t2 = await createTestApp();
    try {
      await seedWorld(t2.deps);
      await loadCatalogs(t2.deps.database, FIXTURES);
      const c = await loginAs(t2.app, 'ciso@alpha.test');
      await c.post('/api/v1/organisations/alpha/measures', { title: 'Deels', status: 'geimplementeerd', requirements: [link('test:alpha', '8.2.01', 'partial')] });
      const cov = await c.get('/api/v1/organisations/alpha/frameworks/test:nis/coverage');
      expect(cov.body.items.find((i: any) => i.ref === '21.2.a')).toMatchObject({ result: 'voldoet_deels' });
    } finally {
      await t2.close();
    }
  });

  it('edits, pages and deletes measures with an audit trail', async () => {
    const created = await ciso.post('/api/v1/organisations/alpha/measures', { title: 'Back-ups', requirements: [link('test:alpha', '8.2.01')] });
    expect(created.body.status).toBe('gepland');
    const id = created.body.id;
    const upd = await ciso.patch(`/api/v1/organisations/alpha/measures/${id}`, { status: 'geimplementeerd', requirements: [link('test:nis', '21.2.b', 'partial')] });
    expect(upd.status).toBe(200);
    expect(upd.body.requirements).toEqual([expect.objectContaining({ framework: 'test:nis', ref: '21.2.b', coverage: 'partial' })]);
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const events = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=measure')).body.items;
    const e = events.find((x: any) => x.entityId === id && x.action === 'update');
    expect(e.changes).toMatchObject({
      status: { before: 'gepland', after: 'geimplementeerd' },
      requirements: { before: ['test:alpha 8.2.01 (full)'], after: ['test:nis 21.2.b (partial)'] },
    });
    const p1 = await ciso.get('/api/v1/organisations/alpha/measures?limit=2');
    const p2 = await ciso.get(`/api/v1/organisations/alpha/measures?limit=2&cursor=${p1.body.nextCursor}`);
    const titles = [...p1.body.items, ...p2.body.items].map((m: any) => m.title);
    expect(titles).toEqual([...titles].sort((x, y) => x.localeCompare(y, 'en')));
    expect((await ciso.get('/api/v1/organisations/alpha/measures?q=back')).body.items.map((m: any) => m.title)).toEqual(['Back-ups']);
    expect((await ciso.get('/api/v1/organisations/alpha/measures?status=in_uitvoering')).body.items.map((m: any) => m.title)).toEqual(['Incidentproces']);
    expect((await ciso.delete(`/api/v1/organisations/alpha/measures/${id}`)).status).toBe(204);
    expect((await ciso.get(`/api/v1/organisations/alpha/measures/${id}`)).status).toBe(404);
  });

  it('pages past a measure with the longest title in multi-byte characters', async () => {
    // the cursor carries the last title: 300 accented characters must still fit the query limit
    const long = 'Ë'.repeat(299) + 'a';
    const created = await ciso.post('/api/v1/organisations/alpha/measures', { title: long });
    expect(created.status).toBe(201);
    await ciso.post('/api/v1/organisations/alpha/measures', { title: 'Ë'.repeat(299) + 'b' });
    let cursor: string | null = null;
    const seen: string[] = [];
    do {
      const page: any = await ciso.get(`/api/v1/organisations/alpha/measures?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((m: any) => m.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((x) => x.startsWith('Ë'))).toEqual([long, 'Ë'.repeat(299) + 'b']);
  });

  it('refuses unknown or chapter requirements, owners from elsewhere and bad cursors, and writes nothing', async () => {
    const before = (await ciso.get('/api/v1/organisations/alpha/measures?limit=200')).body.items.length;
    const bad = await ciso.post('/api/v1/organisations/alpha/measures', { title: 'X maatregel', requirements: [link('test:alpha', '5.1.01'), link('test:alpha', '9.9.99'), link('test:alpha', '5.1')] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['body.requirements.1', 'body.requirements.2']);
    const owner = await ciso.post('/api/v1/organisations/alpha/measures', { title: 'Y maatregel', ownerId: world.users.betaAdmin.id });
    expect(owner.status).toBe(400);
    expect((await ciso.post('/api/v1/organisations/alpha/measures', { title: 'Z', status: 'klaar' })).status).toBe(400);
    expect((await ciso.get('/api/v1/organisations/alpha/measures?cursor=nonsense')).status).toBe(400);
    expect((await ciso.get('/api/v1/organisations/alpha/measures?limit=200')).body.items.length).toBe(before);
  });

  it('permissions: auditors read, the council does not, only CISO/privacy/admin change', async () => {
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    expect((await auditor.get('/api/v1/organisations/alpha/measures')).status).toBe(200);
    expect((await auditor.post('/api/v1/organisations/alpha/measures', { title: 'Mag niet' })).status).toBe(403);
    const root = await loginAs(t.app, 'root@install.test');
    expect((await root.post('/api/v1/organisations/alpha/members', { email: 'admin@beta.test', roles: ['raad'] })).status).toBe(201);
    const raad = await loginAs(t.app, 'admin@beta.test');
    expect((await raad.get('/api/v1/organisations/alpha/measures')).status).toBe(403);
  });

  it('another organisation never sees or reaches these measures', async () => {
    const mine = (await ciso.get('/api/v1/organisations/alpha/measures')).body.items[0];
    const beta = await loginAs(t.app, 'admin@beta.test');
    expect((await beta.get(`/api/v1/organisations/beta/measures/${mine.id}`)).status).toBe(404);
    expect((await beta.patch(`/api/v1/organisations/beta/measures/${mine.id}`, { title: 'Gekaapt' })).status).toBe(404);
    expect((await beta.delete(`/api/v1/organisations/beta/measures/${mine.id}`)).status).toBe(404);
    expect((await beta.get('/api/v1/organisations/beta/measures')).body.items).toEqual([]);
    const cov = await beta.get('/api/v1/organisations/beta/frameworks/test:nis/coverage');
    expect(cov.body.items.every((i: any) => i.sources.length === 0)).toBe(true);
    // and at the database level, without a filter
    const seen = await tenantTx(t.deps.database, { organisationId: world.orgs.beta.id, userId: null }, async (tx) => ({
      m: await tx.select().from(measures),
      l: rowsOf(await tx.execute(sql`select * from measure_requirements`)),
    }));
    expect(seen).toEqual({ m: [], l: [] });
  });
});

describe('importing a package (installation administrator)', () => {
  const pkg = {
    id: 'test:gamma',
    kind: 'framework',
    version: '1.0.0',
    name: 'Gamma',
    title: { nl: 'Gamma' },
    provider: 'Tests',
    licence: 'EUPL-1.2',
    language: 'nl',
    nodes: [
      { ref: 'G', parent: null, title: 'Groep', assessable: false },
      { ref: 'G.1', parent: 'G', title: 'Eis 1', assessable: true },
    ],
  };

  it('previews, then imports all or nothing; others may not', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    const broken = { ...pkg, nodes: [...pkg.nodes, { ref: 'G.1', parent: 'X', title: '', assessable: true }] };
    const preview = await root.post('/api/v1/library/import?mode=preview', broken);
    expect(preview.status).toBe(200);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.problems.map((p: any) => p.path)).toEqual(expect.arrayContaining(['nodes.2.title', 'nodes.2.ref', 'nodes.2.parent']));
    const refused = await root.post('/api/v1/library/import?mode=import', broken);
    expect(refused.body).toMatchObject({ valid: false, action: null });
    expect((await root.get('/api/v1/frameworks/test:gamma')).status).toBe(404);
    const ok = await root.post('/api/v1/library/import?mode=preview', pkg);
    expect(ok.body).toMatchObject({ valid: true, counts: { nodes: 2, assessable: 1 }, action: null });
    expect((await root.get('/api/v1/frameworks/test:gamma')).status).toBe(404);
    const imported = await root.post('/api/v1/library/import?mode=import', pkg);
    expect(imported.body).toMatchObject({ valid: true, action: 'created' });
    expect((await ciso.get('/api/v1/frameworks/test:gamma')).body.origin).toBe('import');
    expect((await root.get('/api/v1/audit-events?entityType=framework')).body.items[0]).toMatchObject({ entityId: 'test:gamma', action: 'import' });
    expect((await ciso.post('/api/v1/library/import?mode=import', pkg)).status).toBe(403);
  });

  it('a mapping that points at missing requirements imports nothing and says which row', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    const mapping = {
      id: 'test:mapping:gamma-nis', kind: 'mapping', version: '1.0.0', title: { nl: 'G' }, provider: 'Tests', licence: 'EUPL-1.2',
      source: 'test:gamma', target: 'test:nis',
      rows: [
        { source: 'G.1', target: '21.2.a', relationship: 'equal', strength: 5, rationale: 'Gelijk.' },
        { source: 'G.9', target: '21.2.z', relationship: 'equal', strength: 5, rationale: 'Bestaat niet.' },
      ],
    };
    const r = await root.post('/api/v1/library/import?mode=import', mapping);
    expect(r.body.valid).toBe(false);
    expect(r.body.problems.map((p: any) => p.path)).toEqual(['rows.1.source', 'rows.1.target']);
    expect((await root.get('/api/v1/mapping-sets/test:mapping:gamma-nis')).status).toBe(404);
  });

  it('a new catalog version keeps requirements that organisations link to, as removed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cat-'));
    try {
      const alpha = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'alpha.json'), 'utf8'));
      alpha.version = '1.1.0';
      alpha.nodes = alpha.nodes.filter((n: any) => n.ref !== '8.2.01' && n.ref !== '8.2' && n.ref !== '8');
      fs.writeFileSync(path.join(dir, 'alpha.json'), JSON.stringify(alpha));
      await loadCatalogs(t.deps.database, dir);
      const reqs = (await ciso.get('/api/v1/frameworks/test:alpha')).body.requirements;
      expect(reqs.find((r: any) => r.ref === '8.2.01')).toMatchObject({ status: 'removed' }); // linked by "Beheerrechten"
      expect(reqs.find((r: any) => r.ref === '8.2')).toBeUndefined(); // nobody linked it
      const m = (await ciso.get('/api/v1/organisations/alpha/measures?q=Beheerrechten')).body.items[0];
      expect(m.requirements.map((r: any) => r.ref)).toEqual(['8.2.01']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
