import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { loadDemo } from '../../src/server/demo/seed.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * Harmonised procurement requirements: the shipped set (catalogs/procurement/) is a framework of kind
 * 'procurement' that compliance leaves out; suppliers answer it per set, all or nothing, and the
 * supplier shows a summary per set. Isolation: another organisation's answers are invisible.
 */

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const SET = 'weerbaar:inkoopeisen-informatiebeveiliging';
const OTHER_SET = 'test:inkoop-klein';
const NOPE = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let ciso: Client;
let auditor: Client;
let beta: Client;
let extraDir: string;

/** A second, small procurement set (to answer with a requirement of the wrong set). */
const SMALL = {
  id: OTHER_SET,
  kind: 'procurement',
  version: '1.0.0',
  name: 'Kleine set',
  title: { nl: 'Kleine set inkoopeisen' },
  provider: 'Test',
  licence: 'EUPL-1.2',
  language: 'nl',
  nodes: [
    { ref: 'K', parent: null, title: 'Hoofdstuk', assessable: false },
    { ref: 'K.1', parent: 'K', title: 'Eerste eis', assessable: true, status: 'active', replacedBy: null },
    { ref: 'K.2', parent: 'K', title: 'Tweede eis', assessable: true, status: 'active', replacedBy: null },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  await seedWorld(t.deps);
  await loadCatalogs(t.deps.database);
  extraDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-procurement-'));
  fs.writeFileSync(path.join(extraDir, 'klein.json'), JSON.stringify(SMALL));
  await loadCatalogs(t.deps.database, extraDir);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
});
afterAll(async () => {
  await t?.close();
  if (extraDir) fs.rmSync(extraDir, { recursive: true, force: true });
});

const requirementsOf = async (setId: string) =>
  rowsOf<{ id: string; ref: string; assessable: boolean }>(
    await t.deps.database.db.execute(sql`select id, ref, assessable from requirements where framework_id = ${setId} order by position`),
  );

describe(`procurement requirements on ${ENGINE}`, () => {
  let supplierId: string;
  let reqs: { id: string; ref: string; assessable: boolean }[];
  const idOf = (ref: string) => reqs.find((r) => r.ref === ref)!.id;

  it('loads the shipped set as kind procurement; compliance lists, years, coverage and measures leave it out', async () => {
    const kinds = rowsOf<{ id: string; kind: string }>(await t.deps.database.db.execute(sql`select id, kind from frameworks where kind = 'procurement' order by id`));
    expect(kinds.map((k) => k.id)).toEqual([OTHER_SET, SET]);
    reqs = await requirementsOf(SET);
    expect(reqs.filter((r) => r.assessable).length).toBeGreaterThanOrEqual(30);

    const sets = await auditor.get(`${A}/procurement-sets`);
    expect(sets.status).toBe(200);
    expect(sets.body.items).toEqual([
      { id: SET, name: 'Inkoopeisen informatiebeveiliging', title: expect.stringContaining('Inkoopeisen'), version: '1.0.0', requirements: reqs.filter((r) => r.assessable).length },
      { id: OTHER_SET, name: 'Kleine set', title: 'Kleine set inkoopeisen', version: '1.0.0', requirements: 2 },
    ]);

    const library = await ciso.get('/api/v1/frameworks');
    expect(library.body.items.map((f: any) => f.id)).toEqual(expect.arrayContaining(['weerbaar:bio2', 'weerbaar:avg']));
    expect(library.body.items.map((f: any) => f.id)).not.toContain(SET);
    expect((await ciso.get(`/api/v1/frameworks/${SET}`)).status).toBe(404);
    expect((await ciso.get(`${A}/frameworks/${SET}/coverage`)).status).toBe(404);
    const year = await ciso.post(`${A}/assessment-years`, { year: 2026, frameworks: ['weerbaar:avg', SET] });
    expect(year.status).toBe(400);
    expect(year.body.errors).toEqual([{ path: 'body.frameworks', message: `onbekend: ${SET}` }]);
    const measure = await ciso.post(`${A}/measures`, { title: 'Inkoopbeleid', requirements: [{ framework: SET, ref: '1.01', coverage: 'full' }] });
    expect(measure.status).toBe(400);
    // a year with a real framework still works, and its progress names only that framework
    const ok = await ciso.post(`${A}/assessment-years`, { year: 2026, frameworks: ['weerbaar:avg'] });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.progress.map((p: any) => p.framework)).toEqual(['weerbaar:avg']);
  });

  it('shows a supplier the whole set in catalog order, chapters without an answer, everything unanswered', async () => {
    const s = await ciso.post(`${A}/suppliers`, { name: 'Hosting Kust B.V.', processesPersonalData: true });
    expect(s.status).toBe(201);
    supplierId = s.body.id;
    expect(s.body.procurement).toEqual([]);
    const r = await auditor.get(`${A}/suppliers/${supplierId}/procurement/${SET}`);
    expect(r.status).toBe(200);
    expect(r.body.set).toEqual({ id: SET, name: 'Inkoopeisen informatiebeveiliging', title: expect.any(String), version: '1.0.0' });
    expect(r.body.items.map((i: any) => i.ref)).toEqual(reqs.map((x) => x.ref));
    const chapter = r.body.items.find((i: any) => i.ref === '1');
    expect(chapter).toMatchObject({ chapterRef: null, answer: null, answeredAt: null, answeredBy: null });
    expect(r.body.items.find((i: any) => i.ref === '1.01')).toMatchObject({ chapterRef: '1', answer: null, note: '', source: '' });
    const n = reqs.filter((x) => x.assessable).length;
    expect(r.body.summary).toEqual({ voldoet: 0, voldoet_deels: 0, voldoet_niet: 0, niet_van_toepassing: 0, onbekend: 0, unanswered: n });
  });

  it('records answers with note and source, keeps an omitted note, removes with null, audits only changes', async () => {
    const url = `${A}/suppliers/${supplierId}/procurement/${SET}/answers`;
    const r = await ciso.put(url, {
      answers: [
        { requirementId: idOf('1.01'), answer: 'voldoet', note: 'Geldig tot eind volgend jaar.', source: 'ISO/IEC 27001-certificaat' },
        { requirementId: idOf('2.01'), answer: 'voldoet_deels', note: 'Concept ligt bij de leverancier.' },
        { requirementId: idOf('3.03'), answer: 'niet_van_toepassing' },
        { requirementId: idOf('6.03'), answer: 'voldoet_niet' },
        { requirementId: idOf('5.01'), answer: 'onbekend' },
      ],
    });
    expect(r.status, r.text).toBe(200);
    const n = reqs.filter((x) => x.assessable).length;
    expect(r.body.summary).toEqual({ voldoet: 1, voldoet_deels: 1, voldoet_niet: 1, niet_van_toepassing: 1, onbekend: 1, unanswered: n - 5 });
    const first = r.body.items.find((i: any) => i.ref === '1.01');
    expect(first).toMatchObject({ answer: 'voldoet', note: 'Geldig tot eind volgend jaar.', source: 'ISO/IEC 27001-certificaat', answeredBy: { name: 'ciso' } });
    expect(new Date(first.answeredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // a new answer without note keeps the note; the same answers again change nothing (no audit event)
    const again = await ciso.put(url, { answers: [{ requirementId: idOf('2.01'), answer: 'voldoet' }, { requirementId: idOf('1.01'), answer: 'voldoet' }] });
    expect(again.body.items.find((i: any) => i.ref === '2.01')).toMatchObject({ answer: 'voldoet', note: 'Concept ligt bij de leverancier.' });
    expect(again.body.items.find((i: any) => i.ref === '1.01').answeredAt).toBe(first.answeredAt);
    const removed = await ciso.put(url, { answers: [{ requirementId: idOf('5.01'), answer: null }] });
    expect(removed.body.items.find((i: any) => i.ref === '5.01')).toMatchObject({ answer: null, note: '', answeredBy: null });
    expect(removed.body.summary).toMatchObject({ voldoet: 2, voldoet_deels: 0, onbekend: 0, unanswered: n - 4 });

    const events = rowsOf<{ action: string; changes: any }>(
      await t.deps.database.db.execute(sql`select action, changes from audit_events where entity_type = 'supplier_procurement' and entity_id = ${supplierId} order by seq`),
    );
    expect(events.map((e) => e.action)).toEqual(['update', 'update', 'update']);
    expect(JSON.stringify(events[1].changes)).toContain('2.01');
    expect(JSON.stringify(events[1].changes)).not.toContain('1.01');

    // the supplier shows the summary of the set it has answers in
    const detail = await auditor.get(`${A}/suppliers/${supplierId}`);
    expect(detail.body.procurement).toEqual([{ setId: SET, title: expect.any(String), summary: removed.body.summary }]);
    const list = await auditor.get(`${A}/suppliers`);
    expect(list.body.items.find((s: any) => s.id === supplierId).procurement).toHaveLength(1);
  });

  it('refuses bad input: unknown or foreign requirement, a chapter, the wrong set, duplicates, more than 500, unknown fields', async () => {
    const url = `${A}/suppliers/${supplierId}/procurement/${SET}/answers`;
    const before = (await ciso.get(`${A}/suppliers/${supplierId}/procurement/${SET}`)).body;
    const other = await requirementsOf(OTHER_SET);
    const bio = rowsOf<{ id: string }>(await t.deps.database.db.execute(sql`select id from requirements where framework_id = 'weerbaar:bio2' and ref = '5.01.01'`))[0];
    const good = { requirementId: idOf('4.01'), answer: 'voldoet' };

    const unknown = await ciso.put(url, { answers: [good, { requirementId: NOPE, answer: 'voldoet' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body.errors).toEqual([{ path: 'body.answers.1.requirementId', message: `er is geen eis met id ${NOPE} in de set ${SET}` }]);

    const chapter = await ciso.put(url, { answers: [{ requirementId: idOf('4'), answer: 'voldoet' }] });
    expect(chapter.status).toBe(400);
    expect(chapter.body.errors[0]).toMatchObject({ path: 'body.answers.0.requirementId', message: expect.stringContaining('hoofdstuk') });

    const wrongSet = await ciso.put(url, { answers: [{ requirementId: other.find((r) => r.ref === 'K.1')!.id, answer: 'voldoet' }] });
    expect(wrongSet.status).toBe(400);
    expect(wrongSet.body.errors[0].message).toBe(`eis K.1 hoort bij ${OTHER_SET}, niet bij de set ${SET}`);
    const framework = await ciso.put(url, { answers: [{ requirementId: bio.id, answer: 'voldoet' }] });
    expect(framework.body.errors[0].message).toBe(`eis 5.01.01 hoort bij weerbaar:bio2, niet bij de set ${SET}`);

    const twice = await ciso.put(url, { answers: [good, good] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0]).toMatchObject({ path: 'body.answers.1.requirementId', message: 'eis 4.01 staat al in antwoord 0' });

    for (const body of [
      { answers: [] },
      { answers: Array.from({ length: 501 }, () => good) },
      { answers: [{ ...good, answer: 'misschien' }] },
      { answers: [{ ...good, extra: 1 }] },
      { answers: [{ ...good, note: 'x'.repeat(2001) }] },
      { answers: [{ ...good, requirementId: 'geen-uuid' }] },
      { answers: [good], ook: true },
      {},
    ]) {
      const r = await ciso.put(url, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    // all or nothing: the good answer in the refused requests was not stored
    const after = (await ciso.get(`${A}/suppliers/${supplierId}/procurement/${SET}`)).body;
    expect(after.items.find((i: any) => i.ref === '4.01').answer).toBeNull();
    expect(after.summary).toEqual(before.summary);
  });

  it('answers up to 500 at once across a set; 404 for an unknown set, a compliance framework or supplier', async () => {
    const small = await requirementsOf(OTHER_SET);
    const r = await ciso.put(`${A}/suppliers/${supplierId}/procurement/${OTHER_SET}/answers`, {
      answers: small.filter((x) => x.assessable).map((x) => ({ requirementId: x.id, answer: 'voldoet', source: 'Verklaring leverancier' })),
    });
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({ voldoet: 2, unanswered: 0 });
    const all = reqs.filter((x) => x.assessable).map((x) => ({ requirementId: x.id, answer: 'voldoet_deels' as const }));
    const full = await ciso.put(`${A}/suppliers/${supplierId}/procurement/${SET}/answers`, { answers: all });
    expect(full.status).toBe(200);
    expect(full.body.summary).toMatchObject({ voldoet_deels: all.length, unanswered: 0 });
    const detail = await ciso.get(`${A}/suppliers/${supplierId}`);
    expect(detail.body.procurement.map((p: any) => p.setId)).toEqual([SET, OTHER_SET]);

    expect((await ciso.get(`${A}/suppliers/${supplierId}/procurement/test:bestaat-niet`)).status).toBe(404);
    expect((await ciso.get(`${A}/suppliers/${supplierId}/procurement/weerbaar:bio2`)).status).toBe(404);
    expect((await ciso.get(`${A}/suppliers/${NOPE}/procurement/${SET}`)).status).toBe(404);
    expect((await ciso.put(`${A}/suppliers/${NOPE}/procurement/${SET}/answers`, { answers: all.slice(0, 1) })).status).toBe(404);
  });

  it('readers read; only suppliers.manage answers', async () => {
    const r = await auditor.put(`${A}/suppliers/${supplierId}/procurement/${SET}/answers`, { answers: [{ requirementId: idOf('1.01'), answer: 'voldoet_niet' }] });
    expect(r.status).toBe(403);
    expect((await auditor.get(`${A}/suppliers/${supplierId}/procurement/${SET}`)).status).toBe(200);
  });

  it('beta cannot read or change alpha answers; its own supplier has its own answers', async () => {
    expect((await beta.get(`${A}/procurement-sets`)).status).toBe(404);
    expect((await beta.get(`${B}/suppliers/${supplierId}/procurement/${SET}`)).status).toBe(404);
    expect((await beta.put(`${B}/suppliers/${supplierId}/procurement/${SET}/answers`, { answers: [{ requirementId: idOf('1.01'), answer: 'voldoet_niet' }] })).status).toBe(404);
    expect((await beta.get(`${A}/suppliers/${supplierId}/procurement/${SET}`)).status).toBe(404);
    const own = await beta.post(`${B}/suppliers`, { name: 'Hosting Kust B.V.' });
    const mine = await beta.get(`${B}/suppliers/${own.body.id}/procurement/${SET}`);
    expect(mine.body.summary.voldoet + mine.body.summary.voldoet_deels).toBe(0);
    // alpha's answers are unchanged
    const alpha = await ciso.get(`${A}/suppliers/${supplierId}/procurement/${SET}`);
    expect(alpha.body.items.find((i: any) => i.ref === '1.01').answer).toBe('voldoet_deels');
  });

  it('reloading the catalogs keeps the answers (requirements upserted by ref)', async () => {
    await loadCatalogs(t.deps.database);
    const alpha = await ciso.get(`${A}/suppliers/${supplierId}/procurement/${SET}`);
    expect(alpha.body.summary.unanswered).toBe(0);
  });
});

describe('demo procurement answers', () => {
  it('the shared hosting party mostly voldoet; Polderflow has gaps', async () => {
    const t2 = await createTestApp();
    try {
      await loadCatalogs(t2.deps.database);
      expect(await loadDemo(t2.deps.database)).toBe('loaded');
      for (const slug of ['zuidhaven', 'noorderveld', 'oostbroek']) {
        const c = await loginAs(t2.app, `ciso@${slug}.example`, 'weerbaar-demo');
        const list = (await c.get(`/api/v1/organisations/${slug}/suppliers`)).body.items;
        const by = Object.fromEntries(list.map((s: any) => [s.name, s]));
        const kustnet = by['Kustnet Datacenters B.V.'].procurement[0];
        const polderflow = by['Polderflow Automation B.V.'].procurement[0];
        expect(kustnet.setId).toBe(SET);
        expect(kustnet.summary.voldoet).toBeGreaterThan(25);
        expect(kustnet.summary.voldoet_niet).toBe(0);
        expect(polderflow.summary.voldoet_niet).toBeGreaterThanOrEqual(5);
        expect(by['Burgerzaken Online B.V.'].procurement[0].summary.voldoet_niet).toBe(slug === 'oostbroek' ? 0 : 1);
        expect(by['ICT Samenwerking Kustland'].procurement).toEqual([]);
      }
    } finally {
      await t2.close();
    }
  });
});
