import path from 'node:path';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { tenantTx } from '../../src/server/core/db/client.js';
import { assessmentEvidence, assessmentYears, evidence, memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * Re-import of the full assessment export: export → edit cells with exceljs → preview → import, and
 * every kind of bad file. Evidence rows are inserted directly through tenantTx; linking them afterwards
 * goes through the import (which uses the evidence use cases).
 */

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
const Y = '/api/v1/organisations/alpha/assessment-years';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
const ev: Record<string, string> = {};
const m: Record<string, string> = {};

async function upload(c: Client, url: string, body: Buffer | string, type = XLSX) {
  const res = await t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': type }, payload: body });
  return { status: res.statusCode, headers: res.headers, body: res.body ? res.json() : undefined };
}

async function exported(c: Client, year = 2025, base = Y): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url: `${base}/${year}/export.xlsx`, headers: { cookie: c.cookie } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

/** Opens a workbook, lets the test change cells (by sheet, ref and column header), and writes it again. */
async function edit(file: Buffer, change: (set: (sheet: string, ref: string, header: string, value: ExcelJS.CellValue) => void, wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  change((sheet, ref, header, value) => {
    const ws = wb.getWorksheet(sheet)!;
    ws.getCell(cellOf(ws, ref, header)).value = value;
  }, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellOf(ws: ExcelJS.Worksheet, ref: string, header: string) {
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = headers.indexOf(header);
  if (col < 1) throw new Error(`no column ${header}`);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === ref) return ws.getCell(r, col).address;
  throw new Error(`no row ${ref}`);
}

const list = async (year = 2025, c = ciso) => (await c.get(`${Y}/${year}/assessments?limit=500`)).body.items as any[];
const find = async (ref: string, year = 2025) => (await list(year)).find((i) => i.ref === ref);
const evidenceOf = async (ref: string, year = 2025) => (await ciso.get(`${Y}/${year}/assessments/${(await find(ref, year)).requirementId}/evidence`)).body.items.map((e: any) => e.id).sort();

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  const [b] = await t.deps.database.db.insert(users).values({ email: 'burgemeester@alpha.test', name: 'Burgemeester Alpha', passwordHash: await hashPassword(PASSWORD) }).returning();
  await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: b.id, roles: ['bestuurder'] });
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  const root = await loginAs(t.app, 'root@install.test');
  expect((await root.post('/api/v1/organisations/alpha/members', { email: 'analist@csirt.test', roles: ['medewerker'] })).status).toBe(201);

  expect((await ciso.post(Y, { year: 2025, frameworks: ['test:alpha', 'test:nis'] })).status).toBe(201);
  const a = await find('5.1.01');
  expect((await ciso.patch(`${Y}/2025/assessments/${a.requirementId}`, { result: 'voldoet', explanation: 'Vastgesteld.', ownerId: world.users.ciso.id })).status).toBe(200);
  expect((await ciso.patch(`${Y}/2025/assessments/${(await find('8.2.01')).requirementId}`, { applicable: false, notApplicableReason: 'Uitbesteed.' })).status).toBe(200);
  for (const [key, title, requirements] of [
    ['m1', 'Beleid', [{ framework: 'test:alpha', ref: '5.1.01', coverage: 'partial' }]],
    ['m2', 'Logging', []],
  ] as const) {
    const r = await ciso.post('/api/v1/organisations/alpha/measures', { title, status: 'geimplementeerd', requirements });
    expect(r.status).toBe(201);
    m[key] = r.body.id;
  }
  await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, async (tx) => {
    const rows = await tx
      .insert(evidence)
      .values([
        { organisationId: world.orgs.alpha.id, kind: 'file', title: 'Beleidsstuk', fileName: 'beleid.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'b'.repeat(64), storageKey: 'k', createdBy: world.users.ciso.id },
        { organisationId: world.orgs.alpha.id, kind: 'link', title: 'Intranetpagina', url: 'https://intranet.alpha.test/', createdBy: world.users.ciso.id },
      ])
      .returning();
    ev.e1 = rows[0].id;
    ev.e2 = rows[1].id;
    const [y] = await tx.select({ id: assessmentYears.id }).from(assessmentYears).where(and(eq(assessmentYears.organisationId, world.orgs.alpha.id), eq(assessmentYears.year, 2025)));
    await tx.insert(assessmentEvidence).values({ organisationId: world.orgs.alpha.id, yearId: y.id, requirementId: a.requirementId, evidenceId: ev.e1 });
  });
  await tenantTx(t.deps.database, { organisationId: world.orgs.beta.id, userId: world.users.betaAdmin.id }, async (tx) => {
    const [row] = await tx.insert(evidence).values({ organisationId: world.orgs.beta.id, kind: 'link', title: 'Van Beta', url: 'https://beta.test/' }).returning();
    ev.beta = row.id;
  });
});
afterAll(() => t?.close());

describe('re-importing the full export', () => {
  it('the unchanged file changes nothing', async () => {
    const file = await exported(ciso);
    const preview = await upload(ciso, `${Y}/2025/import?mode=preview`, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ mode: 'preview', changes: 0, errors: [], summary: {}, items: [] });
    const imported = await upload(ciso, `${Y}/2025/import?mode=import`, file);
    expect(imported.body).toMatchObject({ mode: 'import', changes: 0, errors: [] });
  });

  it('edited cells show in the preview (nothing written), and the import applies them: results, owner, dates, evidence and measures', async () => {
    const file = await edit(await exported(ciso), (set) => {
      set('Alpha', '5.1.02', 'Resultaat', 'Voldoet');
      set('Alpha', '5.1.02', 'Toelichting', 'Herzien in juni.');
      set('Alpha', '5.1.02', 'Eigenaar (e-mail)', 'ADMIN@alpha.test');
      set('Alpha', '5.1.02', 'Deadline', new Date(Date.UTC(2026, 2, 31)));
      set('Alpha', '5.1.02', 'Eis', 'Een andere titel (alleen ter informatie)');
      set('Alpha', '8.2.01', 'Van toepassing', 'ja');
      set('Alpha', '5.1.01', 'Bewijs (id)', ev.e2);
      set('Alpha', '5.1.01', 'Maatregelen (id)', `${m.m1}, ${m.m2}`);
      set('NIS-test', '21.2.b', 'Van toepassing', 'nee');
      set('NIS-test', '21.2.b', 'Reden niet van toepassing', 'Geen meldplicht voor ons.');
      set('NIS-test', '21.2.b', 'Deadline', '15-01-2026');
      set('NIS-test', '21.2.a', 'Maatregelen (id)', m.m2);
    });
    const preview = await upload(ciso, `${Y}/2025/import?mode=preview`, file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.changes).toBe(5);
    expect(preview.body.summary).toEqual({ result: 1, explanation: 1, owner: 1, dueDate: 2, applicable: 2, notApplicableReason: 1, evidence: 1, measures: 2 });
    const row = preview.body.items.find((i: any) => i.ref === '5.1.02');
    expect(row).toMatchObject({ sheet: 'Alpha', row: 3, framework: 'test:alpha' });
    expect(row.fields).toEqual(
      expect.arrayContaining([
        { field: 'result', label: 'resultaat', before: 'niet beoordeeld', after: 'voldoet' },
        { field: 'owner', label: 'eigenaar', before: null, after: 'admin@alpha.test' },
        { field: 'dueDate', label: 'deadline', before: null, after: '2026-03-31' },
      ]),
    );
    expect((await find('5.1.02')).result).toBe('niet_beoordeeld'); // preview writes nothing

    const imported = await upload(ciso, `${Y}/2025/import?mode=import`, file);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ mode: 'import', changes: 5, errors: [] });
    expect(await find('5.1.02')).toMatchObject({ result: 'voldoet', explanation: 'Herzien in juni.', owner: { id: world.users.admin.id }, dueDate: '2026-03-31', title: 'Beleid herzien' });
    expect(await find('8.2.01')).toMatchObject({ applicable: true, notApplicableReason: null });
    expect(await find('21.2.b')).toMatchObject({ applicable: false, notApplicableReason: 'Geen meldplicht voor ons.', dueDate: '2026-01-15' });
    expect(await find('5.1.01')).toMatchObject({ result: 'voldoet', owner: { id: world.users.ciso.id } }); // untouched fields stay
    expect(await evidenceOf('5.1.01')).toEqual([ev.e2]);
    const m1 = (await ciso.get(`/api/v1/organisations/alpha/measures/${m.m1}`)).body;
    expect(m1.requirements.map((r: any) => [r.ref, r.coverage])).toEqual([['5.1.01', 'partial']]); // kept its coverage
    const m2 = (await ciso.get(`/api/v1/organisations/alpha/measures/${m.m2}`)).body;
    expect(m2.requirements.map((r: any) => [r.framework, r.ref, r.coverage])).toEqual([
      ['test:alpha', '5.1.01', 'full'],
      ['test:nis', '21.2.a', 'full'],
    ]);
    const year = (await ciso.get(`${Y}/2025`)).body;
    expect(year.progress.find((p: any) => p.framework === 'test:alpha')).toMatchObject({ applicable: 3, voldoet: 2 });

    // round trip after the changes: export again, import again, nothing changes
    const again = await upload(ciso, `${Y}/2025/import?mode=preview`, await exported(ciso));
    expect(again.body).toMatchObject({ changes: 0, errors: [] });

    const admin = await loginAs(t.app, 'admin@alpha.test');
    const years = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=assessment_year&limit=50')).body.items;
    expect(years.find((e: any) => e.action === 'import')).toMatchObject({ entityId: '2025', actor: { email: 'ciso@alpha.test' }, changes: { rows: { after: 5 } } });
    const assessed = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=requirement_assessment&limit=50')).body.items;
    expect(assessed.some((e: any) => e.entityId === '2025:test:alpha:5.1.02' && e.changes.result?.after === 'voldoet')).toBe(true);
    const links = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=evidence&limit=50')).body.items;
    expect(links.map((e: any) => `${e.action}:${e.entityId}`)).toEqual(expect.arrayContaining([`link:${ev.e2}`, `unlink:${ev.e1}`]));
  });

  it('a row without requirementId is matched on framework and ref; other sheets and rows may be left out', async () => {
    const file = await edit(await exported(ciso), (set, wb) => {
      set('Alpha', '5.1.02', 'requirementId', null);
      set('Alpha', '5.1.02', 'Toelichting', 'Gevonden op nummer.');
      wb.removeWorksheet(wb.getWorksheet('NIS-test')!.id);
      wb.getWorksheet('Alpha')!.spliceRows(2, 1); // 5.1.01 left out
    });
    const r = await upload(ciso, `${Y}/2025/import?mode=import`, file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.map((i: any) => i.ref)).toEqual(['5.1.02']);
    expect((await find('5.1.02')).explanation).toBe('Gevonden op nummer.');
  });
});

describe('bad files', () => {
  it('names every bad cell, and writes nothing', async () => {
    const before = await list();
    const file = await edit(await exported(ciso), (set, wb) => {
      set('Alpha', '5.1.01', 'Toelichting', 'Deze geldige wijziging mag niet doorgaan.');
      set('Alpha', '5.1.02', 'Resultaat', 'misschien');
      set('Alpha', '5.1.01', 'Deadline', '31-02-2026');
      set('Alpha', '8.2.01', 'Eigenaar (e-mail)', 'niemand@elders.test');
      set('Alpha', '5.1.01', 'Maatregelen (id)', 'geen-id');
      set('NIS-test', '21.2.a', 'Bewijs (id)', ev.beta);
      set('NIS-test', '21.2.b', 'Reden niet van toepassing', '');
      const ws = wb.getWorksheet('Alpha')!;
      const extra = ws.addRow([]);
      extra.getCell(1).value = '9.9.99';
      extra.getCell(15).value = crypto.randomUUID();
      extra.getCell(14).value = 'test:alpha';
    });
    for (const mode of ['preview', 'import']) {
      const r = await upload(ciso, `${Y}/2025/import?mode=${mode}`, file);
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body).toMatchObject({ status: 400, mode, changes: 0 });
      const at = (sheet: string, cell: string) => r.body.errors.find((e: any) => e.sheet === sheet && e.cell === cell)?.message;
      expect(at('Alpha', 'E3')).toContain('"misschien" is geen resultaat');
      expect(at('Alpha', 'H2')).toContain('geen datum');
      expect(at('Alpha', 'G4')).toBe('niemand@elders.test is geen lid van deze organisatie');
      expect(at('Alpha', 'J2')).toBe('geen geldig id: geen-id');
      expect(at('NIS-test', 'L2')).toBe(`onbekend bewijs: ${ev.beta}`); // another organisation's evidence does not exist here
      expect(at('NIS-test', 'D3')).toContain('reden');
      expect(at('Alpha', 'O5')).toContain('9.9.99 hoort niet bij verantwoordingsjaar 2025');
      expect(r.body.errors.find((e: any) => e.cell === 'E3').path).toBe('Alpha!E3');
      expect(r.body.errors).toHaveLength(7);
    }
    expect(await list()).toEqual(before);
  });

  it('refuses what is not an XLSX, the wrong media type, an empty body and a too large file', async () => {
    const garbage = await upload(ciso, `${Y}/2025/import?mode=preview`, Buffer.from('dit is geen spreadsheet'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0].message).toContain('geen geldig XLSX-bestand');
    const json = await upload(ciso, `${Y}/2025/import?mode=preview`, JSON.stringify({ a: 1 }), 'application/json');
    expect(json.status).toBe(415);
    expect(json.body.detail).toContain(XLSX);
    expect((await upload(ciso, `${Y}/2025/import?mode=preview`, Buffer.alloc(0))).status).toBe(400);
    const big = await upload(ciso, `${Y}/2025/import?mode=preview`, Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect((await upload(ciso, `${Y}/2025/import?mode=later`, await exported(ciso))).status).toBe(400);
    const noSheet = new ExcelJS.Workbook();
    noSheet.addWorksheet('Iets anders').addRow(['a', 'b']);
    const none = await upload(ciso, `${Y}/2025/import?mode=preview`, Buffer.from(await noSheet.xlsx.writeBuffer()));
    expect(none.status).toBe(400);
    expect(none.body.errors[0].message).toContain('geen blad met beoordelingen');
  });
});

describe('rights', () => {
  it('a medewerker fills in but cannot decide: a changed result refuses the whole import and names the cells', async () => {
    const mw = await loginAs(t.app, 'analist@csirt.test');
    const file = await edit(await exported(mw), (set) => {
      set('Alpha', '5.1.01', 'Resultaat', 'voldoet niet');
      set('Alpha', '8.2.01', 'Van toepassing', 'nee');
      set('Alpha', '8.2.01', 'Reden niet van toepassing', 'Toch niet.');
      set('Alpha', '5.1.02', 'Maatregelen (id)', m.m1);
      set('NIS-test', '21.2.a', 'Toelichting', 'Mag wel, maar gaat niet door.');
    });
    const r = await upload(mw, `${Y}/2025/import?mode=import`, file);
    expect(r.status).toBe(403);
    expect(r.body.errors.map((e: any) => `${e.sheet}!${e.cell}`)).toEqual(['Alpha!E2', 'Alpha!J3', 'Alpha!C4', 'Alpha!D4']);
    expect(r.body.errors[0].message).toContain('wijzigt het resultaat');
    expect((await find('21.2.a')).explanation).toBe('');
    expect((await find('5.1.01')).result).toBe('voldoet');

    const allowed = await edit(await exported(mw), (set) => set('NIS-test', '21.2.a', 'Toelichting', 'Ingevuld door de medewerker.'));
    const ok = await upload(mw, `${Y}/2025/import?mode=import`, allowed);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await find('21.2.a')).explanation).toBe('Ingevuld door de medewerker.');
  });

  it('auditor remarks are the auditor\'s; an auditor (read only) cannot import at all', async () => {
    const file = await edit(await exported(ciso), (set) => set('Alpha', '5.1.01', 'Opmerkingen auditor', 'Door de CISO geschreven'));
    const r = await upload(ciso, `${Y}/2025/import?mode=preview`, file);
    expect(r.status).toBe(403);
    expect(r.body.errors).toEqual([{ sheet: 'Alpha', cell: 'I2', path: 'Alpha!I2', message: 'alleen de auditor schrijft auditopmerkingen' }]);
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    expect((await upload(auditor, `${Y}/2025/import?mode=preview`, await exported(auditor))).status).toBe(403);
  });

  it('a signed year cannot be imported into (409)', async () => {
    expect((await ciso.post(Y, { year: 2024, copyFrom: 2025 })).status).toBe(201);
    const burgemeester = await loginAs(t.app, 'burgemeester@alpha.test');
    expect((await burgemeester.post(`${Y}/2024/sign`, { signerName: 'A. de Burgemeester', signerFunction: 'burgemeester', statement: 'Het college verklaart dat alles klopt.' })).status).toBe(200);
    const file = await edit(await exported(ciso, 2024), (set) => set('Alpha', '5.1.02', 'Toelichting', 'Na ondertekening'));
    for (const mode of ['preview', 'import']) {
      const r = await upload(ciso, `${Y}/2024/import?mode=${mode}`, file);
      expect(r.status).toBe(409);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('another organisation cannot import into alpha (404); importing alpha\'s file into its own year finds none of alpha\'s people, measures or evidence', async () => {
    const beta = await loginAs(t.app, 'admin@beta.test');
    const file = await exported(ciso);
    expect((await upload(beta, `${Y}/2025/import?mode=preview`, file)).status).toBe(404);
    expect((await beta.post('/api/v1/organisations/beta/assessment-years', { year: 2025, frameworks: ['test:alpha'] })).status).toBe(201);
    const r = await upload(beta, '/api/v1/organisations/beta/assessment-years/2025/import?mode=preview', file);
    expect(r.status).toBe(400);
    const messages = r.body.errors.map((e: any) => e.message).join('\n');
    expect(messages).toContain('ciso@alpha.test is geen lid van deze organisatie');
    expect(messages).toContain(`onbekend bewijs: ${ev.e2}`);
    expect(messages).toContain('onbekende maatregel');
    expect(messages).toContain('21.2.a hoort niet bij verantwoordingsjaar 2025');
    expect(JSON.stringify(r.body)).not.toContain('Beleidsstuk');
    const betaRows = (await beta.get('/api/v1/organisations/beta/assessment-years/2025/assessments')).body.items;
    expect(betaRows.every((i: any) => i.result === 'niet_beoordeeld' && i.explanation === '')).toBe(true);
  });
});
