import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, or, sql } from 'drizzle-orm';
import { tenantTx } from '../../src/server/core/db/client.js';
import { assets, dependencies, memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { assetNodes } from '../../src/server/modules/assets/nodes.js';
import { loadDemo } from '../../src/server/demo/seed.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * Assets: CRUD with the rules per kind, the list (filters, keyset paging, total), delete with dependants
 * (409 / ?force=true), export (XLSX, CSV) and the all-or-nothing import, audit events and isolation.
 */

const A = '/api/v1/organisations/alpha/assets';
const B = '/api/v1/organisations/beta/assets';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let admin: Client;
let ciso: Client;
let auditor: Client;
let oov: Client;
let beta: Client;
let oovId: string;

const CPE = 'cpe:2.3:a:centric:suite4gemeenten:2024.1:*:*:*:*:*:*:*';
const PURL = 'pkg:npm/%40gemeente/zaaksysteem@3.2.1';

async function upload(c: Client, url: string, body: Buffer | string, type = XLSX) {
  const res = await t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': type }, payload: body });
  return { status: res.statusCode, headers: res.headers, body: res.body ? res.json() : undefined };
}
async function download(c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  expect(res.statusCode).toBe(200);
  return { file: res.rawPayload, type: String(res.headers['content-type']), disposition: String(res.headers['content-disposition']) };
}
async function sheetOf(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  return { wb, ws: wb.getWorksheet('Objecten')! };
}
const headersOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
/** The cell of a column (by header) in the row of the asset with this name. */
function cell(ws: ExcelJS.Worksheet, name: string, header: string) {
  const h = headersOf(ws);
  const col = h.indexOf(header) + 1;
  const nameCol = h.indexOf('Naam') + 1;
  if (col < 1) throw new Error(`no column ${header}`);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(nameCol).value === name) return ws.getCell(r, col);
  throw new Error(`no row ${name}`);
}
const write = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const countAssets = async (org = world.orgs.alpha.id) =>
  (await t.deps.database.db.select({ n: sql<number>`count(*)::int` }).from(assets).where(eq(assets.organisationId, org)))[0].n;
const auditOf = async (entityType: string) => (await admin.get(`/api/v1/organisations/alpha/audit-events?entityType=${entityType}&limit=200`)).body.items as any[];

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  const db = t.deps.database.db;
  const [o] = await db.insert(users).values({ email: 'oov@alpha.test', name: 'Adviseur OOV', passwordHash: await hashPassword(PASSWORD) }).returning();
  oovId = o.id;
  await db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: o.id, roles: ['oov'] });
  admin = await loginAs(t.app, 'admin@alpha.test');
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  oov = await loginAs(t.app, 'oov@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
});
afterAll(() => t?.close());

describe('create, read, update per kind', () => {
  it('creates each kind with its own fields and records an audit event', async () => {
    const proces = await ciso.post(A, {
      kind: 'proces',
      name: 'Uitkeringen verstrekken',
      description: 'Participatiewet: aanvraag, toekenning en betaling.',
      ownerId: world.users.ciso.id,
      criticality: 'vitaal',
      availability: 'hoog',
      integrity: 'hoog',
      confidentiality: 'hoog',
      personalData: true,
      personalDataCategories: ['bsn', 'financiele', 'gewone'],
      rtoHours: 24,
      rpoHours: 4,
      mtdHours: 72,
    });
    expect(proces.status).toBe(201);
    expect(proces.body).toMatchObject({
      kind: 'proces',
      name: 'Uitkeringen verstrekken',
      owner: { id: world.users.ciso.id, email: 'ciso@alpha.test' },
      criticality: 'vitaal',
      personalData: true,
      personalDataCategories: ['gewone', 'bsn', 'financiele'], // in the fixed order
      rtoHours: 24,
      rpoHours: 4,
      mtdHours: 72,
      vendor: null,
      otType: null,
      remoteAccess: null,
    });
    ids.proces = proces.body.id;

    const app = await ciso.post(A, { kind: 'applicatie', name: 'Suite4Gemeenten', vendor: 'Centric', product: 'Suite4Gemeenten', version: '2024.1', cpe: CPE, purl: PURL, criticality: 'hoog' });
    expect(app.status).toBe(201);
    expect(app.body).toMatchObject({ vendor: 'Centric', product: 'Suite4Gemeenten', version: '2024.1', cpe: CPE, purl: PURL, rtoHours: null, owner: null, personalData: false, personalDataCategories: [] });
    ids.app = app.body.id;

    const sys = await ciso.post(A, { kind: 'systeem', name: 'Databaseserver DB01', vendor: 'Microsoft', product: 'SQL Server', version: '2019', cpe: 'cpe:2.3:a:microsoft:sql_server:2019:*:*:*:*:*:*:*', location: 'Datacenter Noord' });
    expect(sys.status).toBe(201);
    ids.sys = sys.body.id;

    const brug = await ciso.post(A, { kind: 'ot', name: 'Brug Havenkade', otType: 'brug', remoteAccess: true, remoteAccessHow: 'VPN van de leverancier', location: 'Havenkade', criticality: 'hoog' });
    expect(brug.status).toBe(201);
    expect(brug.body).toMatchObject({ otType: 'brug', remoteAccess: true, remoteAccessHow: 'VPN van de leverancier' });
    ids.brug = brug.body.id;

    const data = await ciso.post(A, { kind: 'gegevensverzameling', name: 'Basisregistratie Personen', personalData: true, personalDataCategories: ['bsn', 'kinderen', 'bijzondere', 'strafrechtelijke'] });
    expect(data.status).toBe(201);
    ids.data = data.body.id;

    const loc = await ciso.post(A, { kind: 'locatie', name: 'Stadskantoor', location: 'Marktplein 1' });
    expect(loc.status).toBe(201);
    ids.loc = loc.body.id;

    expect((await auditor.get(`${A}/${ids.proces}`)).body).toEqual(proces.body);
    const created = (await auditOf('asset')).filter((e) => e.action === 'create' && e.entityId === ids.proces);
    expect(created).toHaveLength(1);
  });

  it('updates, clears with null, and audits only what changed', async () => {
    const r = await ciso.patch(`${A}/${ids.proces}`, { rtoHours: 12, ownerId: null, description: 'Bijgewerkt.' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rtoHours: 12, owner: null, description: 'Bijgewerkt.', mtdHours: 72 });
    const events = (await auditOf('asset')).filter((e) => e.action === 'update' && e.entityId === ids.proces);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0].changes).sort()).toEqual(['description', 'ownerId', 'rtoHours']);
    expect(events[0].changes.rtoHours).toEqual({ before: 24, after: 12 });
    // an unchanged PATCH records nothing
    expect((await ciso.patch(`${A}/${ids.proces}`, { rtoHours: 12 })).status).toBe(200);
    expect((await auditOf('asset')).filter((e) => e.action === 'update' && e.entityId === ids.proces)).toHaveLength(1);
    // OT: remote access off means no "how"
    const off = await ciso.patch(`${A}/${ids.brug}`, { remoteAccess: false, remoteAccessHow: null });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ remoteAccess: false, remoteAccessHow: null });
    expect((await ciso.patch(`${A}/${ids.brug}`, { remoteAccess: true, remoteAccessHow: 'VPN van de leverancier' })).status).toBe(200);
  });
});

describe('validation per kind', () => {
  const bad = async (body: unknown, path: string, url = A, method: 'post' | 'patch' = 'post') => {
    const r = method === 'post' ? await ciso.post(url, body) : await ciso.patch(url, body);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.errors.map((e: any) => e.path)).toContain(path);
    return r.body;
  };

  it('BIA figures only for processes, non-negative, RTO not longer than MTD', async () => {
    await bad({ kind: 'applicatie', name: 'Zaaksysteem', rtoHours: 4 }, 'body.rtoHours');
    await bad({ kind: 'proces', name: 'Paspoorten', rtoHours: -1 }, 'body.rtoHours');
    await bad({ kind: 'proces', name: 'Paspoorten', rtoHours: 1.5 }, 'body.rtoHours');
    const p = await bad({ kind: 'proces', name: 'Paspoorten', rtoHours: 48, mtdHours: 24 }, 'body.rtoHours');
    expect(p.detail).toContain('MTD');
    await bad({ mtdHours: 6 }, 'body.rtoHours', `${A}/${ids.proces}`, 'patch');
  });

  it('software fields only for applications and systems, with valid CPE 2.3 and purl', async () => {
    await bad({ kind: 'proces', name: 'Vergunningen', vendor: 'Centric' }, 'body.vendor');
    await bad({ kind: 'locatie', name: 'Werf', cpe: CPE }, 'body.cpe');
    await bad({ kind: 'applicatie', name: 'X', cpe: 'cpe:/a:centric:suite' }, 'body.name'); // too short name too
    await bad({ kind: 'applicatie', name: 'Zaaksysteem', cpe: 'cpe:/a:centric:suite' }, 'body.cpe');
    await bad({ kind: 'applicatie', name: 'Zaaksysteem', cpe: 'cpe:2.3:x:centric:suite:1:*:*:*:*:*:*:*' }, 'body.cpe');
    await bad({ kind: 'applicatie', name: 'Zaaksysteem', cpe: 'cpe:2.3:a:centric:suite' }, 'body.cpe');
    await bad({ kind: 'applicatie', name: 'Zaaksysteem', purl: 'npm/zaaksysteem@1' }, 'body.purl');
    await bad({ kind: 'applicatie', name: 'Zaaksysteem', purl: 'pkg:npm' }, 'body.purl');
    // changing the kind does not leave fields behind that do not belong to it
    await bad({ kind: 'proces' }, 'body.vendor', `${A}/${ids.app}`, 'patch');
  });

  it('OT fields only for operational technology; remote access needs a "how"', async () => {
    await bad({ kind: 'systeem', name: 'SCADA-server', otType: 'gemaal' }, 'body.otType');
    await bad({ kind: 'applicatie', name: 'Beheertool', remoteAccess: true }, 'body.remoteAccess');
    await bad({ kind: 'ot', name: 'Gemaal De Polder' }, 'body.otType');
    await bad({ kind: 'ot', name: 'Gemaal De Polder', otType: 'windmolen' }, 'body.otType');
    await bad({ kind: 'ot', name: 'Gemaal De Polder', otType: 'gemaal', remoteAccess: true }, 'body.remoteAccessHow');
    await bad({ kind: 'ot', name: 'Gemaal De Polder', otType: 'gemaal', remoteAccess: false, remoteAccessHow: '4G-modem' }, 'body.remoteAccessHow');
  });

  it('BIV and criticality values, personal-data categories, owner, unknown fields, duplicate names', async () => {
    await bad({ kind: 'locatie', name: 'Werf', availability: 'zeer hoog' }, 'body.availability');
    await bad({ kind: 'locatie', name: 'Werf', criticality: 'kritiek' }, 'body.criticality');
    await bad({ kind: 'gegevensverzameling', name: 'Klantcontacten', personalDataCategories: ['gewone'] }, 'body.personalDataCategories');
    await bad({ kind: 'gegevensverzameling', name: 'Klantcontacten', personalData: true, personalDataCategories: ['medisch'] }, 'body.personalDataCategories.0');
    await bad({ kind: 'gegevensverzameling', name: 'Klantcontacten', ownerId: world.users.betaAdmin.id }, 'body.ownerId');
    await bad({ kind: 'locatie', name: 'Werf', extra: 1 }, 'body');
    await bad({ kind: 'onbekend', name: 'Werf' }, 'body.kind');
    const dup = await ciso.post(A, { kind: 'proces', name: 'uitkeringen VERSTREKKEN' });
    expect(dup.status).toBe(409);
    const other = await ciso.post(A, { kind: 'gegevensverzameling', name: 'Uitkeringen verstrekken' }); // another kind may share the name
    expect(other.status).toBe(201);
    expect((await ciso.delete(`${A}/${other.body.id}`)).status).toBe(204);
    expect((await ciso.patch(`${A}/${ids.app}`, { name: 'Databaseserver DB01', kind: 'systeem', vendor: null, product: null, version: null, cpe: null, purl: null })).status).toBe(409);
    expect((await ciso.get(`${A}/${ids.app}`)).body.name).toBe('Suite4Gemeenten');
  });

  it('permissions: readers read; OOV manages operational technology only', async () => {
    expect((await auditor.get(A)).status).toBe(200);
    expect((await auditor.post(A, { kind: 'locatie', name: 'Werf' })).status).toBe(403);
    expect((await auditor.patch(`${A}/${ids.loc}`, { name: 'Werf' })).status).toBe(403);
    expect((await auditor.delete(`${A}/${ids.loc}`)).status).toBe(403);
    const gemaal = await oov.post(A, { kind: 'ot', name: 'Gemaal De Polder', otType: 'gemaal', remoteAccess: true, remoteAccessHow: '4G-modem van de leverancier', ownerId: oovId });
    expect(gemaal.status).toBe(201);
    ids.gemaal = gemaal.body.id;
    expect((await oov.post(A, { kind: 'applicatie', name: 'Telemetrie' })).status).toBe(403);
    expect((await oov.patch(`${A}/${ids.gemaal}`, { remoteAccessHow: '4G-modem (Teltonika)' })).status).toBe(200);
    expect((await oov.patch(`${A}/${ids.app}`, { version: '2025.1' })).status).toBe(403);
    expect((await oov.patch(`${A}/${ids.gemaal}`, { kind: 'locatie', otType: null, remoteAccess: null, remoteAccessHow: null })).status).toBe(403);
    expect((await upload(oov, `${A}/import?mode=preview`, 'Soort;Naam\nlocatie;Werf\n', 'text/csv')).status).toBe(403);
  });
});

describe('list', () => {
  it('filters by kind, criticality, owner, personal data and text', async () => {
    const names = async (q: string) => (await auditor.get(`${A}?${q}`)).body.items.map((i: any) => i.name);
    expect(await names('kind=ot')).toEqual(['Brug Havenkade', 'Gemaal De Polder']);
    expect(await names('criticality=vitaal')).toEqual(['Uitkeringen verstrekken']);
    expect(await names(`owner=${oovId}`)).toEqual(['Gemaal De Polder']);
    expect(await names('personalData=true')).toEqual(['Basisregistratie Personen', 'Uitkeringen verstrekken']);
    expect(await names('q=centric')).toEqual(['Suite4Gemeenten']);
    expect(await names('q=100%25')).toEqual([]);
    const r = await auditor.get(`${A}?kind=ot&criticality=hoog`);
    expect(r.body).toMatchObject({ total: 1, nextCursor: null });
    expect((await auditor.get(`${A}?kind=gebouw`)).status).toBe(400);
    expect((await auditor.get(`${A}?personalData=ja`)).status).toBe(400);
  });

  it('pages with a keyset cursor; the total counts the whole filtered set', async () => {
    for (let i = 0; i < 7; i++) expect((await ciso.post(A, { kind: 'locatie', name: `Wijkpost ${String(i).padStart(2, '0')}` })).status).toBe(201);
    const all = (await auditor.get(`${A}?limit=200`)).body;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: any = await auditor.get(`${A}?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(all.total);
      seen.push(...r.body.items.map((i: any) => i.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: any) => i.id));
    expect(new Set(seen).size).toBe(all.total);
    expect(pages).toBe(Math.ceil(all.total / 3));
    const wijk = await auditor.get(`${A}?kind=locatie&q=wijkpost&limit=5`);
    expect(wijk.body).toMatchObject({ total: 7 });
    expect(wijk.body.items).toHaveLength(5);
    const next = await auditor.get(`${A}?kind=locatie&q=wijkpost&limit=5&cursor=${wijk.body.nextCursor}`);
    expect(next.body.items.map((i: any) => i.name)).toEqual(['Wijkpost 05', 'Wijkpost 06']);
    expect(next.body.nextCursor).toBeNull();
    expect((await auditor.get(`${A}?cursor=nonsense`)).status).toBe(400);
  });
});

describe('delete with dependants', () => {
  it('409 lists the dependants; ?force=true removes the asset with its edges, audited', async () => {
    const org = world.orgs.alpha.id;
    await tenantTx(t.deps.database, { organisationId: org, userId: world.users.ciso.id }, async (tx) => {
      await tx.insert(dependencies).values([
        { organisationId: org, fromType: 'asset', fromId: ids.proces, toType: 'asset', toId: ids.app, kind: 'gebruikt' },
        { organisationId: org, fromType: 'asset', fromId: ids.app, toType: 'asset', toId: ids.sys, kind: 'draait_op' },
      ]);
    });
    const r = await ciso.delete(`${A}/${ids.app}`);
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.dependants).toEqual([{ type: 'asset', id: ids.proces, name: 'Uitkeringen verstrekken', kind: 'gebruikt' }]);
    expect((await ciso.get(`${A}/${ids.app}`)).status).toBe(200);

    const forced = await ciso.delete(`${A}/${ids.app}?force=true`);
    expect(forced.status).toBe(204);
    expect((await ciso.get(`${A}/${ids.app}`)).status).toBe(404);
    const left = await tenantTx(t.deps.database, { organisationId: org, userId: world.users.ciso.id }, (tx) =>
      tx.select().from(dependencies).where(or(eq(dependencies.fromId, ids.app), eq(dependencies.toId, ids.app))),
    );
    expect(left).toEqual([]);
    const ev = (await auditOf('asset')).find((e) => e.action === 'delete' && e.entityId === ids.app);
    expect(ev).toBeTruthy();
    expect(JSON.stringify(ev)).toContain('removedDependencies');

    // nothing depends on the system any more: a plain delete works
    expect((await ciso.delete(`${A}/${ids.sys}`)).status).toBe(204);
    expect((await ciso.delete(`${A}/${ids.sys}`)).status).toBe(404);
    expect((await ciso.delete(`${A}/${ids.loc}?force=maybe`)).status).toBe(400);
  });
});

describe('export and import', () => {
  it('exports XLSX and CSV: all fields, owner as e-mail, one row per asset, stable Dutch headers, id column', async () => {
    expect((await ciso.patch(`${A}/${ids.proces}`, { ownerId: world.users.ciso.id })).status).toBe(200);
    const total = (await auditor.get(A)).body.total;
    const x = await download(auditor, `${A}/export.xlsx`);
    expect(x.type).toBe(XLSX);
    expect(x.disposition).toMatch(/attachment; filename="objecten-alpha-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { ws, wb } = await sheetOf(x.file);
    expect(wb.getWorksheet('Toelichting')).toBeTruthy();
    const HEADERS = [
      'id',
      'Soort',
      'Naam',
      'Omschrijving',
      'Eigenaar (e-mail)',
      'Kritikaliteit',
      'Beschikbaarheid',
      'Integriteit',
      'Vertrouwelijkheid',
      'Persoonsgegevens',
      'Categorieën persoonsgegevens',
      'RTO (uren)',
      'RPO (uren)',
      'MTD (uren)',
      'Leverancier software',
      'Product',
      'Versie',
      'CPE',
      'Package URL (purl)',
      'OT-soort',
      'Toegang op afstand',
      'Hoe toegang op afstand',
      'Locatie',
    ];
    expect(headersOf(ws)).toEqual(HEADERS);
    expect(ws.rowCount - 1).toBe(total);
    expect(cell(ws, 'Uitkeringen verstrekken', 'id').value).toBe(ids.proces);
    expect(cell(ws, 'Uitkeringen verstrekken', 'Eigenaar (e-mail)').value).toBe('ciso@alpha.test');
    expect(cell(ws, 'Uitkeringen verstrekken', 'RTO (uren)').value).toBe(12);
    expect(cell(ws, 'Uitkeringen verstrekken', 'Categorieën persoonsgegevens').value).toBe('gewone, bsn, financiele');
    expect(cell(ws, 'Brug Havenkade', 'Hoe toegang op afstand').value).toBe('VPN van de leverancier');
    expect(cell(ws, 'Brug Havenkade', 'Toegang op afstand').value).toBe('ja');

    const c = await download(auditor, `${A}/export.csv`);
    expect(c.type).toContain('text/csv');
    const text = c.file.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(';'));
    expect(lines).toHaveLength(total + 1);
    expect(lines.find((l) => l.includes('Uitkeringen verstrekken;'))).toContain('ciso@alpha.test');
    expect((await auditOf('asset_export')).map((e) => e.action)).toEqual(['export', 'export']);
  });

  it('round trip: importing an unchanged export changes nothing (XLSX and CSV)', async () => {
    const x = await download(ciso, `${A}/export.xlsx`);
    const px = await upload(ciso, `${A}/import?mode=preview`, x.file);
    expect(px.status, JSON.stringify(px.body)).toBe(200);
    expect(px.body).toMatchObject({ mode: 'preview', format: 'xlsx', changes: 0, errors: [], items: [] });
    expect(px.body.summary.unchanged).toBe((await ciso.get(A)).body.total);
    const ix = await upload(ciso, `${A}/import?mode=import`, x.file);
    expect(ix.body).toMatchObject({ changes: 0 });
    const c = await download(ciso, `${A}/export.csv`);
    const pc = await upload(ciso, `${A}/import?mode=preview`, c.file, 'text/csv');
    expect(pc.status, JSON.stringify(pc.body)).toBe(200);
    expect(pc.body).toMatchObject({ format: 'csv', changes: 0, items: [] });
  });

  it('XLSX: preview shows the changes and writes nothing; import applies them (update by id, by kind + name, create), audited', async () => {
    const before = await countAssets();
    const x = await download(ciso, `${A}/export.xlsx`);
    const { wb, ws } = await sheetOf(x.file);
    cell(ws, 'Uitkeringen verstrekken', 'Kritikaliteit').value = 'hoog';
    cell(ws, 'Uitkeringen verstrekken', 'MTD (uren)').value = 96;
    cell(ws, 'Brug Havenkade', 'Eigenaar (e-mail)').value = 'OOV@alpha.test';
    // a row without id that matches an existing asset by kind + name
    cell(ws, 'Stadskantoor', 'id').value = null;
    cell(ws, 'Stadskantoor', 'Locatie').value = 'Marktplein 2';
    // a new row
    const h = headersOf(ws);
    const row: unknown[] = h.map(() => null);
    row[h.indexOf('Soort')] = 'applicatie';
    row[h.indexOf('Naam')] = 'Zaaksysteem';
    row[h.indexOf('Leverancier software')] = 'Dimpact';
    row[h.indexOf('Product')] = 'Open Zaak';
    row[h.indexOf('Versie')] = '1.12';
    row[h.indexOf('Package URL (purl)')] = 'pkg:pypi/open-zaak@1.12.0';
    row[h.indexOf('Persoonsgegevens')] = 'ja';
    row[h.indexOf('Categorieën persoonsgegevens')] = 'bsn; gewone';
    row[h.indexOf('Eigenaar (e-mail)')] = 'ciso@alpha.test';
    ws.addRow(row);
    const file = await write(wb);

    const preview = await upload(ciso, `${A}/import?mode=preview`, file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.summary).toMatchObject({ created: 1, updated: 3 });
    expect(preview.body.changes).toBe(4);
    const uit = preview.body.items.find((i: any) => i.name === 'Uitkeringen verstrekken');
    expect(uit).toMatchObject({ sheet: 'Objecten', action: 'update', id: ids.proces });
    expect(uit.fields).toEqual([
      { field: 'criticality', label: 'Kritikaliteit', before: 'vitaal', after: 'hoog' },
      { field: 'mtdHours', label: 'MTD (uren)', before: '72', after: '96' },
    ]);
    expect(preview.body.items.find((i: any) => i.name === 'Brug Havenkade').fields).toEqual([{ field: 'owner', label: 'Eigenaar (e-mail)', before: null, after: 'oov@alpha.test' }]);
    expect(preview.body.items.find((i: any) => i.name === 'Stadskantoor')).toMatchObject({ action: 'update', id: ids.loc });
    expect(preview.body.items.find((i: any) => i.name === 'Zaaksysteem')).toMatchObject({ action: 'create', id: null });
    expect(await countAssets()).toBe(before);
    expect((await ciso.get(`${A}/${ids.proces}`)).body.criticality).toBe('vitaal');

    const imported = await upload(ciso, `${A}/import?mode=import`, file);
    expect(imported.status).toBe(200);
    expect(imported.body.changes).toBe(4);
    expect(await countAssets()).toBe(before + 1);
    expect((await ciso.get(`${A}/${ids.proces}`)).body).toMatchObject({ criticality: 'hoog', mtdHours: 96, rtoHours: 12 });
    expect((await ciso.get(`${A}/${ids.brug}`)).body.owner.id).toBe(oovId);
    expect((await ciso.get(`${A}/${ids.loc}`)).body.location).toBe('Marktplein 2');
    const created = imported.body.items.find((i: any) => i.name === 'Zaaksysteem');
    const zaak = (await ciso.get(`${A}/${created.id}`)).body;
    expect(zaak).toMatchObject({ kind: 'applicatie', vendor: 'Dimpact', purl: 'pkg:pypi/open-zaak@1.12.0', personalDataCategories: ['gewone', 'bsn'], owner: { email: 'ciso@alpha.test' } });
    expect((await auditOf('asset_import')).map((e) => e.action)).toEqual(['import']);
    const events = await auditOf('asset');
    expect(events.some((e) => e.action === 'create' && e.entityId === created.id)).toBe(true);
    expect(events.some((e) => e.action === 'update' && e.entityId === ids.loc)).toBe(true);

    // and the same file again: nothing left to change
    expect((await upload(ciso, `${A}/import?mode=preview`, file)).body.changes).toBe(0);
  });

  it('CSV (comma-separated, quoted, without id column) creates and updates', async () => {
    const csv = [
      'Soort,Naam,Omschrijving,Kritikaliteit,RTO (uren),MTD (uren),OT-soort,Toegang op afstand,Hoe toegang op afstand',
      'proces,Afvalinzameling,"Inzameling huisvuil, gft en papier\nmet routeplanning",hoog,48,120,,,',
      'ot,Gemaal De Polder,,vitaal,,,gemaal,ja,"4G-modem van de leverancier"',
    ].join('\n');
    const preview = await upload(ciso, `${A}/import?mode=preview`, csv, 'text/csv; charset=utf-8');
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.summary).toMatchObject({ created: 1, updated: 1 });
    expect(preview.body.items.find((i: any) => i.name === 'Afvalinzameling')).toMatchObject({ line: 2, row: 2, action: 'create' });
    expect(preview.body.items.find((i: any) => i.name === 'Gemaal De Polder')).toMatchObject({ line: 4, row: 3, action: 'update', id: ids.gemaal });
    const imported = await upload(ciso, `${A}/import?mode=import`, csv, 'text/csv');
    expect(imported.status).toBe(200);
    const afval = (await ciso.get(`${A}?q=Afvalinzameling`)).body.items[0];
    expect(afval).toMatchObject({ kind: 'proces', criticality: 'hoog', rtoHours: 48, mtdHours: 120, description: 'Inzameling huisvuil, gft en papier\nmet routeplanning' });
    expect((await ciso.get(`${A}/${ids.gemaal}`)).body).toMatchObject({ criticality: 'vitaal', remoteAccessHow: '4G-modem van de leverancier', owner: { id: oovId } });
  });

  it('a file with errors imports nothing and names sheet/line, cell and problem in Dutch', async () => {
    const before = await countAssets();
    const x = await download(ciso, `${A}/export.xlsx`);
    const { wb, ws } = await sheetOf(x.file);
    cell(ws, 'Uitkeringen verstrekken', 'Kritikaliteit').value = 'laag'; // a valid change that must not be applied
    cell(ws, 'Uitkeringen verstrekken', 'RTO (uren)').value = 200; // longer than MTD 96
    cell(ws, 'Brug Havenkade', 'Eigenaar (e-mail)').value = 'niemand@alpha.test';
    cell(ws, 'Stadskantoor', 'Soort').value = 'gebouw';
    cell(ws, 'Basisregistratie Personen', 'id').value = '00000000-0000-4000-8000-000000000000';
    cell(ws, 'Zaaksysteem', 'CPE').value = 'cpe:2.3:a:dimpact';
    cell(ws, 'Gemaal De Polder', 'RTO (uren)').value = 4; // BIA on OT
    cell(ws, 'Afvalinzameling', 'Persoonsgegevens').value = 'misschien';
    const file = await write(wb);
    const r = await upload(ciso, `${A}/import?mode=import`, file);
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 400, mode: 'import', changes: 0 });
    const at = (name: string, header: string) => `Objecten!${cell(ws, name, header).address}`;
    const byPath = new Map(r.body.errors.map((e: any) => [e.path, e]));
    expect((byPath.get(at('Uitkeringen verstrekken', 'RTO (uren)')) as any).message).toContain('MTD');
    expect((byPath.get(at('Brug Havenkade', 'Eigenaar (e-mail)')) as any).message).toBe('niemand@alpha.test is geen lid van deze organisatie');
    expect((byPath.get(at('Stadskantoor', 'Soort')) as any).message).toContain('kies uit');
    expect((byPath.get(at('Basisregistratie Personen', 'id')) as any).message).toContain('geen object met id');
    expect((byPath.get(at('Zaaksysteem', 'CPE')) as any).message).toContain('CPE 2.3');
    expect((byPath.get(at('Gemaal De Polder', 'RTO (uren)')) as any).message).toContain('alleen bij een proces');
    expect((byPath.get(at('Afvalinzameling', 'Persoonsgegevens')) as any).message).toContain('geen ja of nee');
    expect(r.body.errors.every((e: any) => e.sheet === 'Objecten' && /^[A-Z]+\d+$/.test(e.cell))).toBe(true);
    expect(await countAssets()).toBe(before);
    expect((await ciso.get(`${A}/${ids.proces}`)).body.criticality).toBe('hoog');

    // duplicates within the file, and a rename onto an existing name
    const { wb: wb2, ws: ws2 } = await sheetOf(x.file);
    const h = headersOf(ws2);
    const dupRow: unknown[] = h.map(() => null);
    dupRow[h.indexOf('Soort')] = 'locatie';
    dupRow[h.indexOf('Naam')] = 'stadskantoor';
    ws2.addRow(dupRow);
    cell(ws2, 'Wijkpost 01', 'Naam').value = 'Wijkpost 02';
    const r2 = await upload(ciso, `${A}/import?mode=preview`, await write(wb2));
    expect(r2.status).toBe(400);
    const messages = r2.body.errors.map((e: any) => e.message).join(' | ');
    expect(messages).toContain('staat al in rij');
    expect(messages).toContain('er is al een locatie met deze naam');

    // CSV errors name the line
    const csv = 'Soort;Naam;RTO (uren)\nproces;Paspoorten en rijbewijzen;vier\napplicatie;"Burgerzaken\nsuite";8\n';
    const r3 = await upload(ciso, `${A}/import?mode=preview`, csv, 'text/csv');
    expect(r3.status).toBe(400);
    expect(r3.body.errors).toEqual([
      { line: 2, cell: 'C2', message: '"vier" is geen heel aantal uren', path: 'regel 2 (C2)' },
      { line: 3, cell: 'C3', message: 'BIA-gegevens (RTO, RPO, MTD) horen alleen bij een proces, niet bij een applicatie', path: 'regel 3 (C3)' },
    ]);
    expect(await countAssets()).toBe(before);
  });

  it('a bad file is a 400, a wrong media type 415, more than 10 MB 413', async () => {
    const garbage = await upload(ciso, `${A}/import?mode=preview`, Buffer.from('dit is geen spreadsheet'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0].message).toContain('geen geldig XLSX-bestand');
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect((await upload(ciso, `${A}/import?mode=preview`, fakeZip)).status).toBe(400);
    const noSheet = new ExcelJS.Workbook();
    noSheet.addWorksheet('Iets anders').addRow(['a', 'b']);
    const ns = await upload(ciso, `${A}/import?mode=preview`, await write(noSheet));
    expect(ns.status).toBe(400);
    expect(ns.body.errors[0].message).toContain('Soort en Naam');
    const latin1 = Buffer.from('Soort;Naam\nlocatie;Caf\xe9 De Brug\n', 'latin1');
    expect((await upload(ciso, `${A}/import?mode=preview`, latin1, 'text/csv')).body.errors[0].message).toContain('UTF-8');
    const open = await upload(ciso, `${A}/import?mode=preview`, 'Soort;Naam\nlocatie;"Open\n', 'text/csv');
    expect(open.status).toBe(400);
    expect(open.body.errors[0]).toMatchObject({ line: 2 });
    expect((await upload(ciso, `${A}/import?mode=preview`, 'a;b\n1;2\n', 'text/csv')).status).toBe(400);
    expect((await upload(ciso, `${A}/import?mode=preview`, JSON.stringify({ a: 1 }), 'application/json')).status).toBe(415);
    expect((await upload(ciso, `${A}/import?mode=preview`, '', 'text/csv')).status).toBe(400);
    expect((await upload(ciso, `${A}/import?mode=later`, 'Soort;Naam\n', 'text/csv')).status).toBe(400);
    const big = await upload(ciso, `${A}/import?mode=preview`, Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), 'text/csv');
    expect(big.status).toBe(413);
  });
});

describe('isolation', () => {
  it('beta never sees or changes alpha assets', async () => {
    expect((await beta.get(A)).status).toBe(404);
    expect((await beta.get(`${A}/${ids.proces}`)).status).toBe(404);
    expect((await beta.get(`${B}/${ids.proces}`)).status).toBe(404);
    expect((await beta.patch(`${B}/${ids.proces}`, { name: 'Overgenomen' })).status).toBe(404);
    expect((await beta.delete(`${B}/${ids.proces}?force=true`)).status).toBe(404);
    expect((await beta.get(`${A}/export.xlsx`)).status).toBe(404);
    expect((await beta.get(B)).body).toMatchObject({ items: [], total: 0 });
    // an alpha id in beta's import is unknown there
    const csv = `id;Soort;Naam\n${ids.proces};proces;Overgenomen\n`;
    const r = await upload(beta, `${B}/import?mode=import`, csv, 'text/csv');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toContain('geen object met id');
    // an alpha member as owner is not a member of beta
    expect((await beta.post(B, { kind: 'locatie', name: 'Gemeentehuis', ownerId: world.users.ciso.id })).status).toBe(400);
    const own = await beta.post(B, { kind: 'locatie', name: 'Gemeentehuis' });
    expect(own.status).toBe(201);
    const bx = await download(beta, `${B}/export.csv`);
    expect(bx.file.toString('utf8')).not.toContain('Uitkeringen');
    expect((await ciso.get(`${A}/${own.body.id}`)).status).toBe(404);
    expect((await ciso.get(A)).body.items.map((i: any) => i.id)).not.toContain(own.body.id);
    expect((await beta.get(`/api/v1/organisations/alpha/audit-events`)).status).toBe(404);
  });

  it('assetNodes returns only the organisation’s own assets, as graph nodes', async () => {
    const own = await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, (tx) =>
      assetNodes(tx, world.orgs.alpha.id, [ids.proces, ids.proces, ids.brug, '00000000-0000-4000-8000-000000000000']),
    );
    expect(own.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: ids.brug, type: 'asset', kind: 'ot', name: 'Brug Havenkade', criticality: 'hoog', rtoHours: null, mtdHours: null },
      { id: ids.proces, type: 'asset', kind: 'proces', name: 'Uitkeringen verstrekken', criticality: 'hoog', rtoHours: 12, mtdHours: 96 },
    ]);
    const fromBeta = await tenantTx(t.deps.database, { organisationId: world.orgs.beta.id, userId: world.users.betaAdmin.id }, (tx) =>
      assetNodes(tx, world.orgs.beta.id, [ids.proces]),
    );
    expect(fromBeta).toEqual([]);
    const [{ n }] = await t.deps.database.db.select({ n: sql<number>`count(*)::int` }).from(assets).where(and(eq(assets.organisationId, world.orgs.beta.id)));
    expect(n).toBe(1);
  });
});

describe('OpenAPI', () => {
  it('documents every asset endpoint', async () => {
    const r = await new Client(t.app).get('/api/v1/openapi.json');
    expect(r.status).toBe(200);
    const paths = r.body.paths;
    for (const p of ['/organisations/{org}/assets', '/organisations/{org}/assets/{assetId}', '/organisations/{org}/assets/export.xlsx', '/organisations/{org}/assets/export.csv', '/organisations/{org}/assets/import']) {
      expect(Object.keys(paths)).toContain(p);
    }
    expect(Object.keys(paths['/organisations/{org}/assets/{assetId}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(paths['/organisations/{org}/assets/{assetId}'].delete.responses['409']).toBeDefined();
  });
});

describe('demo dataset', () => {
  it('every demo gemeente has realistic assets, including a bridge and a pumping station with remote access', async () => {
    const t2 = await createTestApp();
    try {
      expect(await loadDemo(t2.deps.database)).toBe('loaded');
      for (const slug of ['zuidhaven', 'noorderveld', 'oostbroek']) {
        const c = await loginAs(t2.app, `ciso@${slug}.example`, 'weerbaar-demo');
        const url = `/api/v1/organisations/${slug}/assets`;
        const all = (await c.get(`${url}?limit=200`)).body;
        expect(all.total).toBeGreaterThanOrEqual(25);
        const kinds = new Set(all.items.map((i: any) => i.kind));
        expect([...kinds].sort()).toEqual(['applicatie', 'gegevensverzameling', 'locatie', 'ot', 'proces', 'systeem']);
        const processes = all.items.filter((i: any) => i.kind === 'proces');
        expect(processes.map((p: any) => p.name)).toEqual(expect.arrayContaining(['Uitkeringen verstrekken (Participatiewet)', 'Paspoorten en rijbewijzen', 'Afvalinzameling']));
        expect(processes.every((p: any) => p.rtoHours !== null && p.mtdHours !== null && p.rtoHours <= p.mtdHours)).toBe(true);
        const ot = all.items.filter((i: any) => i.kind === 'ot');
        expect(ot.find((o: any) => o.otType === 'brug')).toMatchObject({ remoteAccess: true, remoteAccessHow: expect.stringContaining('VPN van de leverancier') });
        expect(ot.find((o: any) => o.otType === 'gemaal')).toMatchObject({ remoteAccess: true, remoteAccessHow: expect.stringContaining('4G-modem') });
        expect(all.items.some((i: any) => i.kind === 'applicatie' && i.cpe && i.vendor)).toBe(true);
        expect(all.items.some((i: any) => i.kind === 'gegevensverzameling' && i.personalDataCategories.includes('strafrechtelijke'))).toBe(true);
        expect(all.items.every((i: any) => i.owner === null || i.owner.email.endsWith(`@${slug}.example`))).toBe(true);
        // the demo data survives its own export and re-import unchanged
        const res = await t2.app.inject({ method: 'GET', url: `${url}/export.xlsx`, headers: { cookie: c.cookie } });
        const back = await t2.app.inject({ method: 'POST', url: `${url}/import?mode=preview`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': XLSX }, payload: res.rawPayload });
        expect(back.json()).toMatchObject({ changes: 0 });
      }
    } finally {
      await t2.close();
    }
  });
});
