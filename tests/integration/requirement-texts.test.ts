import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTx } from '../../src/server/core/db/client.js';
import { requirementTexts } from '../../src/server/core/db/schema.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TEXTS = '/api/v1/organisations/alpha/requirement-texts';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let auditor: Client;
let betaAdmin: Client;
let activeMeasures: number;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadCatalogs(t.deps.database); // the shipped library: weerbaar:bio2 and friends
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  betaAdmin = await loginAs(t.app, 'admin@beta.test');
  activeMeasures = (await ciso.get('/api/v1/frameworks/weerbaar:bio2')).body.requirements.filter((r: any) => r.assessable && r.status === 'active').length;
});
afterAll(() => t?.close());

/** Made-up text in place of the official wording: the test never contains real BIO text. */
const fake = (ref: string, variant = '') => `Verzonnen testtekst${variant} voor maatregel ${ref}.\nTweede regel.`;

/**
 * A synthetic workbook laid out like an official spreadsheet might be: a cover sheet, title rows,
 * the header on row 4, numbers in column B, and two more columns whose heading mentions "maatregel".
 */
async function workbook(rows: (string | null)[][], opts: { header?: (string | null)[] } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Voorblad').addRows([['Synthetische testwerkmap'], ['Bevat geen officiële tekst']]);
  const ws = wb.addWorksheet('Maatregelen');
  ws.addRow(['Overzicht (test)']);
  ws.addRow([]);
  ws.addRow(['Versie', 'test']);
  ws.addRow(opts.header ?? [null, 'Nr.', 'ISO-beheersmaatregel', 'Overheidsmaatregel', 'Opmerking bij maatregel']);
  ws.addRow([null, '5.01', 'Beleid', null, null]); // a group row: not a measure number
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const row = (ref: string, text: string | null = fake(ref)) => [null, ref, ref.slice(0, 4), text, 'x'];

async function upload(c: Client, body: Buffer, query: string, org = 'alpha') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${org}/requirement-texts/import?${query}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': XLSX },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

describe('official requirement texts (BIO2 spreadsheet, per organisation)', () => {
  it('finds the layout, previews without storing, then imports; re-importing the same file changes nothing', async () => {
    const file = await workbook([row('5.01.01'), row('5.01.02'), row('9.99.99'), row('8.08.06')]);
    const preview = await upload(ciso, file, 'mode=preview');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      mode: 'preview',
      valid: true,
      framework: 'weerbaar:bio2',
      layout: { sheet: 'Maatregelen', idColumn: 'B', textColumn: 'D', headerRow: 4 },
      counts: { texts: 3, unmatched: 1, missing: activeMeasures - 2 },
      unmatched: [{ path: 'Maatregelen!B8', ref: '9.99.99' }],
      problems: [],
      action: null,
    });
    expect(preview.body.missing).toContain('5.02.01');
    expect(preview.body.missing).not.toContain('5.01.01');
    expect((await ciso.get(TEXTS)).body.items).toEqual([]);

    const imported = await upload(ciso, file, 'mode=import&framework=weerbaar:bio2');
    expect(imported.body).toMatchObject({ valid: true, action: 'replaced' });
    const list = await auditor.get(`${TEXTS}?framework=weerbaar:bio2`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => [i.ref, i.text])).toEqual([
      ['5.01.01', fake('5.01.01')],
      ['5.01.02', fake('5.01.02')],
      ['8.08.06', fake('8.08.06')], // a moved measure keeps its number, so its text still matches
    ]);
    expect(list.body.items[0].source).toMatch(/^spreadsheet \(sha256 [0-9a-f]{16}\), blad "Maatregelen", kolom D$/);
    expect(list.body.items[0].importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect((await upload(ciso, file, 'mode=import')).body.action).toBe('unchanged');
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const events = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=requirement_texts')).body.items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: 'weerbaar:bio2', action: 'import' });
  });

  it('an import replaces all texts of the framework', async () => {
    const file = await workbook([row('5.01.02', fake('5.01.02', ' (nieuw)')), row('5.02.01')]);
    expect((await upload(ciso, file, 'mode=import')).body.action).toBe('replaced');
    expect((await ciso.get(TEXTS)).body.items.map((i: any) => [i.ref, i.text])).toEqual([
      ['5.01.02', fake('5.01.02', ' (nieuw)')],
      ['5.02.01', fake('5.02.01')],
    ]);
  });

  it('a bad file imports nothing and names the cell', async () => {
    const before = (await ciso.get(TEXTS)).body.items;
    const missingText = await upload(ciso, await workbook([row('5.01.01'), row('5.04.01', null)]), 'mode=import');
    expect(missingText.status).toBe(200);
    expect(missingText.body).toMatchObject({ valid: false, action: null, problems: [{ path: 'Maatregelen!D7', sheet: 'Maatregelen', cell: 'D7', message: 'tekst ontbreekt bij 5.04.01' }] });
    const conflict = await upload(ciso, await workbook([row('5.01.01'), row('5.01.01', 'Andere verzonnen tekst.')]), 'mode=import');
    expect(conflict.body.problems).toEqual([expect.objectContaining({ path: 'Maatregelen!B7', message: '5.01.01 staat al op Maatregelen!D6 met een andere tekst' })]);
    const noneKnown = await upload(ciso, await workbook([row('9.98.01'), row('9.98.02')]), 'mode=import');
    expect(noneKnown.body).toMatchObject({ valid: false, counts: { texts: 0, unmatched: 2 } });
    expect(noneKnown.body.problems[0].message).toContain('geen enkel maatregelnummer');

    const noHeader = await upload(ciso, await workbook([row('5.01.01')], { header: [null, 'Nr.', 'ISO', 'Inhoud', 'Opmerking'] }), 'mode=import');
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.detail).toMatch(/Maatregelen!B6.*"Maatregel", "Omschrijving", "Tekst" of "Beschrijving"/);
    const garbage = await upload(ciso, Buffer.from('geen spreadsheet'), 'mode=import');
    expect(garbage.status).toBe(400);
    expect(garbage.body.detail).toMatch(/geen zip-bestand/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Leeg').addRow(['niets']);
    const noIds = await upload(ciso, Buffer.from(await empty.xlsx.writeBuffer()), 'mode=import');
    expect(noIds.status).toBe(400);
    expect(noIds.body.detail).toMatch(/geen kolom met maatregelnummers/);
    expect((await upload(ciso, await workbook([row('5.01.01')]), 'framework=weerbaar:bestaat-niet')).status).toBe(404);

    expect((await ciso.get(TEXTS)).body.items).toEqual(before);
  });

  it('only admin and CISO manage the texts; everyone who reads measures reads them', async () => {
    const file = await workbook([row('5.01.01')]);
    expect((await upload(auditor, file, 'mode=import')).status).toBe(403);
    expect((await upload(auditor, file, 'mode=preview')).status).toBe(403);
    expect((await auditor.delete(TEXTS)).status).toBe(403);
    expect((await auditor.get(TEXTS)).body.items).toHaveLength(2);
    expect((await ciso.get(`${TEXTS}?framework=weerbaar:bestaat-niet`)).status).toBe(404);
  });

  it('another organisation never sees or changes these texts', async () => {
    expect((await betaAdmin.get(TEXTS)).status).toBe(404);
    expect((await betaAdmin.delete(TEXTS)).status).toBe(404);
    expect((await upload(betaAdmin, await workbook([row('5.01.01')]), 'mode=import')).status).toBe(404);
    expect((await betaAdmin.get('/api/v1/organisations/beta/requirement-texts')).body.items).toEqual([]);

    // beta loads its own text for the same measure; alpha keeps its own
    const own = await upload(betaAdmin, await workbook([row('5.01.02', fake('5.01.02', ' van beta'))]), 'mode=import', 'beta');
    expect(own.body.action).toBe('replaced');
    expect((await betaAdmin.get('/api/v1/organisations/beta/requirement-texts')).body.items.map((i: any) => i.text)).toEqual([fake('5.01.02', ' van beta')]);
    expect((await ciso.get(TEXTS)).body.items.find((i: any) => i.ref === '5.01.02').text).toBe(fake('5.01.02', ' (nieuw)'));

    // and at the database level, without a filter
    const seen = await tenantTx(t.deps.database, { organisationId: world.orgs.beta.id, userId: null }, (tx) => tx.select().from(requirementTexts));
    expect(seen.map((r) => r.organisationId)).toEqual([world.orgs.beta.id]);
  });

  it('deletes all texts of a framework for the organisation only', async () => {
    expect((await ciso.delete(TEXTS)).status).toBe(204);
    expect((await ciso.get(TEXTS)).body.items).toEqual([]);
    expect((await betaAdmin.get('/api/v1/organisations/beta/requirement-texts')).body.items).toHaveLength(1);
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const events = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=requirement_texts')).body.items;
    expect(events.map((e: any) => e.action)).toEqual(['delete', 'import', 'import']);
  });
});
