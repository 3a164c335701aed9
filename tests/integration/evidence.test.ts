import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { tenantTx } from '../../src/server/core/db/client.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { fileStores } from '../../src/server/core/storage/index.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { addDays, localDate as todayInAmsterdam } from '../../src/shared/dates.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');
const today = todayInAmsterdam();

/** A multipart/form-data body as a browser sends it. */
function form(fields: Record<string, string>, files: { field?: string; name: string; type?: string; content: Buffer | string }[] = []) {
  const boundary = `----weerbaar${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\ncontent-type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(t: TestApp, c: Client, org: string, fields: Record<string, string>, files: Parameters<typeof form>[1]) {
  const f = form(fields, files);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${org}/evidence/files`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': f.contentType },
    payload: f.payload,
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

async function download(t: TestApp, c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers };
}

/** Everything under the storage folder except the temporary folder (which must be empty too). */
function storedFiles(dir: string) {
  const root = path.join(dir, 'files');
  if (!fs.existsSync(root)) return { files: [] as string[], temporary: [] as string[] };
  const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
  return { files: files.filter((f) => !f.includes(`${path.sep}.tmp${path.sep}`)), temporary: files.filter((f) => f.includes(`${path.sep}.tmp${path.sep}`)) };
}

const count = async (t: TestApp, table: 'evidence' | 'file_blobs') =>
  rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

describe.each(['directory', 'database'] as const)(`file storage in the %s on ${ENGINE}`, (kind) => {
  let t: TestApp;
  let dataDir: string;
  let ciso: Client;
  let world: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-evidence-'));
    t = await createTestApp({ config: { fileStorage: kind, dataDir } });
    world = await seedWorld(t.deps);
    ciso = await loginAs(t.app, 'ciso@alpha.test');
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads, serves the same bytes with their hash, and deletes the content with the evidence', async () => {
    const content = crypto.randomBytes(40_000);
    const r = await upload(t, ciso, 'alpha', { title: 'Pentestrapport 2025' }, [{ name: 'pentest.pdf', type: 'application/pdf', content }]);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'file', title: 'Pentestrapport 2025', fileName: 'pentest.pdf', mediaType: 'application/pdf', sizeBytes: 40_000, sha256: sha(content) });
    const d = await download(t, ciso, `${A}/evidence/${r.body.id}/content`);
    expect(d.status).toBe(200);
    expect(Buffer.compare(d.bytes, content)).toBe(0);
    expect(sha(d.bytes)).toBe(r.body.sha256);
    expect(d.headers['content-disposition']).toMatch(/^attachment; filename="pentest.pdf"/);
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(r.body.sha256, 'hex').toString('base64')}:`);

    const stored = storedFiles(dataDir);
    const blobs = await count(t, 'file_blobs');
    if (kind === 'directory') {
      expect(stored.files).toHaveLength(1);
      expect(stored.files[0]).toContain(world.orgs.alpha.id);
      expect(Buffer.compare(fs.readFileSync(stored.files[0]), content)).toBe(0);
      expect(blobs).toBe(0);
    } else {
      expect(stored.files).toHaveLength(0);
      expect(blobs).toBe(1);
    }
    expect(stored.temporary).toEqual([]);

    expect((await ciso.delete(`${A}/evidence/${r.body.id}`)).status).toBe(204);
    expect(storedFiles(dataDir).files).toEqual([]);
    expect(await count(t, 'file_blobs')).toBe(0);
    expect((await download(t, ciso, `${A}/evidence/${r.body.id}/content`)).status).toBe(404);
  });

  it('a transaction that fails after storing the content leaves nothing behind', async () => {
    const storage = fileStores(t.deps).uploads;
    expect(storage.kind).toBe(kind);
    const staged = await storage.stage(Buffer.from('half written'), 1000);
    expect(staged.sha256).toBe(sha('half written'));
    let committed = false;
    await expect(
      tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, async (tx) => {
        const key = await staged.store(tx, world.orgs.alpha.id);
        const content = await storage.read(tx, world.orgs.alpha.id, key);
        expect(content).not.toBeNull();
        if (content && !Buffer.isBuffer(content)) content.destroy();
        throw new Error('crash after the content was written');
      }).then(() => (committed = true)),
    ).rejects.toThrow('crash');
    await staged.finish(committed);
    expect(storedFiles(dataDir)).toEqual({ files: [], temporary: [] });
    expect(await count(t, 'file_blobs')).toBe(0);
    expect(await count(t, 'evidence')).toBe(0);
  });
});

describe(`evidence on ${ENGINE}`, () => {
  let t: TestApp;
  let dataDir: string;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  let ciso: Client;
  let auditor: Client;
  let admin: Client;
  let beta: Client;
  let burgemeester: Client;
  let measureId: string;
  let betaMeasureId: string;
  const MAX = 64 * 1024;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-evidence-'));
    t = await createTestApp({ config: { fileStorage: 'directory', dataDir, maxUploadMb: MAX / (1024 * 1024) } });
    world = await seedWorld(t.deps);
    await loadCatalogs(t.deps.database, FIXTURES);
    const [b] = await t.deps.database.db.insert(users).values({ email: 'burgemeester@alpha.test', name: 'Burgemeester Alpha', passwordHash: await hashPassword(PASSWORD) }).returning();
    await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: b.id, roles: ['bestuurder'] });
    ciso = await loginAs(t.app, 'ciso@alpha.test');
    auditor = await loginAs(t.app, 'auditor@alpha.test');
    admin = await loginAs(t.app, 'admin@alpha.test');
    beta = await loginAs(t.app, 'admin@beta.test');
    burgemeester = await loginAs(t.app, 'burgemeester@alpha.test');
    measureId = (await ciso.post(`${A}/measures`, { title: 'Back-up en herstel', status: 'geimplementeerd' })).body.id;
    betaMeasureId = (await beta.post(`${B}/measures`, { title: 'Back-up Beta', status: 'gepland' })).body.id;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads with a progress-friendly multipart form, validity and a link to a measure at once', async () => {
    const r = await upload(
      t,
      ciso,
      'alpha',
      { description: 'Verslag van de hersteltest', validFrom: '2025-01-01', validUntil: addDays(today, 100), measureId },
      [{ name: 'hersteltest Q3.txt', type: 'text/plain; charset=utf-8', content: 'Hersteltest geslaagd op 12 september.' }],
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'file',
      title: 'hersteltest Q3.txt', // defaults to the file name
      description: 'Verslag van de hersteltest',
      mediaType: 'text/plain',
      validFrom: '2025-01-01',
      status: 'geldig',
      createdBy: { id: world.users.ciso.id, name: 'ciso' },
      measures: [{ id: measureId, title: 'Back-up en herstel' }],
      assessments: [],
      url: null,
    });
    const m = await ciso.get(`${A}/measures/${measureId}`);
    expect(m.body.evidenceCount).toBe(1);
    const list = await ciso.get(`${A}/measures/${measureId}/evidence`);
    expect(list.body.items.map((e: any) => e.id)).toEqual([r.body.id]);
  });

  it('sanitises file names and serves every file as an attachment, never inline', async () => {
    const r = await upload(t, ciso, 'alpha', {}, [{ name: '../../etc/pass\u202ewd<x>.html', type: 'text/html', content: '<script>alert(1)</script>' }]);
    expect(r.status).toBe(201);
    expect(r.body.fileName).toBe('passwd_x_.html');
    const d = await download(t, ciso, `${A}/evidence/${r.body.id}/content`);
    expect(d.headers['content-disposition']).toMatch(/^attachment;/);
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(String(d.headers['content-security-policy'])).toContain('sandbox');
    const odd = await upload(t, ciso, 'alpha', { title: 'Verklaring' }, [{ name: 'verklaring café.txt', type: 'not a type', content: 'x' }]);
    expect(odd.body).toMatchObject({ fileName: 'verklaring café.txt', mediaType: 'application/octet-stream' });
    const dd = await download(t, ciso, `${A}/evidence/${odd.body.id}/content`);
    expect(dd.headers['content-disposition']).toBe(`attachment; filename="verklaring caf_.txt"; filename*=UTF-8''verklaring%20caf%C3%A9.txt`);
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const before = await count(t, 'evidence');
    const filesBefore = storedFiles(dataDir).files.length;
    const r = await upload(t, ciso, 'alpha', { title: 'Te groot' }, [{ name: 'groot.bin', content: crypto.randomBytes(MAX + 1) }]);
    expect(r.status).toBe(413);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 413, title: 'Te groot' });
    expect(await count(t, 'evidence')).toBe(before);
    expect(storedFiles(dataDir)).toEqual({ files: expect.any(Array), temporary: [] });
    expect(storedFiles(dataDir).files).toHaveLength(filesBefore);
    // exactly at the limit is fine
    const ok = await upload(t, ciso, 'alpha', { title: 'Precies goed' }, [{ name: 'precies.bin', content: crypto.randomBytes(MAX) }]);
    expect(ok.status).toBe(201);
    expect(ok.body.sizeBytes).toBe(MAX);
  });

  it('refuses empty or missing files, second files, unknown fields and bad dates; nothing is stored', async () => {
    const before = await count(t, 'evidence');
    const filesBefore = storedFiles(dataDir).files.length;
    const cases: [Record<string, string>, Parameters<typeof form>[1], number, string?][] = [
      [{ title: 'Leeg' }, [{ name: 'leeg.txt', content: '' }], 400, 'body.file'],
      [{ title: 'Geen bestand' }, [], 400, 'body.file'],
      [{}, [{ name: 'a.txt', content: 'a' }, { name: 'b.txt', content: 'b' }], 400, 'body.file'],
      [{}, [{ field: 'bijlage', name: 'a.txt', content: 'a' }], 400, 'body.bijlage'],
      [{ kleur: 'rood' }, [{ name: 'a.txt', content: 'a' }], 400, 'body'],
      [{ validUntil: '2025-02-30' }, [{ name: 'a.txt', content: 'a' }], 400, 'body.validUntil'],
      [{ validFrom: '2026-01-01', validUntil: '2025-01-01' }, [{ name: 'a.txt', content: 'a' }], 400, 'body.validUntil'],
      [{ year: '2025' }, [{ name: 'a.txt', content: 'a' }], 400, 'body.requirementId'],
      [{ measureId: betaMeasureId }, [{ name: 'a.txt', content: 'a' }], 400, 'body.measureId'],
      [{ measureId: 'geen-uuid' }, [{ name: 'a.txt', content: 'a' }], 400, 'body.measureId'],
    ];
    for (const [fields, files, status, errorPath] of cases) {
      const r = await upload(t, ciso, 'alpha', fields, files);
      expect(r.status, JSON.stringify(fields) + JSON.stringify(r.body)).toBe(status);
      expect(r.headers['content-type']).toContain('application/problem+json');
      if (errorPath) expect(r.body.errors.map((e: any) => e.path).join(' '), JSON.stringify(r.body)).toContain(errorPath);
    }
    const json = await ciso.post(`${A}/evidence/files`, { title: 'json' });
    expect(json.status).toBe(415);
    expect(await count(t, 'evidence')).toBe(before);
    expect(storedFiles(dataDir)).toEqual({ files: expect.any(Array), temporary: [] });
    expect(storedFiles(dataDir).files).toHaveLength(filesBefore);
  });

  it('records links (http and https only) with validity', async () => {
    const r = await ciso.post(`${A}/evidence/links`, { title: 'ISO 27001-certificaat leverancier', url: 'https://leverancier.example/certificaat', validUntil: addDays(today, 10), measureId });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'link', url: 'https://leverancier.example/certificaat', status: 'verloopt_binnenkort', fileName: null, sha256: null, sizeBytes: null, measures: [{ id: measureId }] });
    for (const url of ['javascript:alert(1)', 'ftp://files.example/x', 'https://user:geheim@intranet.example/', 'geen url']) {
      const bad = await ciso.post(`${A}/evidence/links`, { title: 'Slecht', url });
      expect(bad.status, url).toBe(400);
      expect(bad.body.errors[0].path).toBe('body.url');
    }
    expect((await ciso.post(`${A}/evidence/links`, { title: 'x', url: 'https://a.example', extra: 1 })).status).toBe(400);
    expect((await auditor.post(`${A}/evidence/links`, { title: 'Auditor', url: 'https://a.example' })).status).toBe(403);
    expect((await upload(t, auditor, 'alpha', {}, [{ name: 'a.txt', content: 'a' }])).status).toBe(403);
  });

  it('computes the status from the dates and filters, searches and pages the list', async () => {
    const mk = async (title: string, validUntil: string | null) =>
      (await ciso.post(`${A}/evidence/links`, { title, url: `https://intranet.example/${encodeURIComponent(title)}`, validUntil })).body;
    const expired = await mk('Verlopen verwerkersovereenkomst', addDays(today, -1));
    const soon = await mk('Bijna verlopen pentest', addDays(today, 30));
    const valid = await mk('Geldig beleid', addDays(today, 31));
    const open = await mk('Procesbeschrijving zonder einde', null);
    expect([expired.status, soon.status, valid.status, open.status]).toEqual(['verlopen', 'verloopt_binnenkort', 'geldig', 'onbepaald']);
    const ids = (r: any) => r.body.items.map((e: any) => e.id);
    expect(ids(await auditor.get(`${A}/evidence?status=verlopen`))).toEqual([expired.id]);
    expect(ids(await ciso.get(`${A}/evidence?status=verloopt_binnenkort`))).toContain(soon.id);
    expect(ids(await ciso.get(`${A}/evidence?status=verloopt_binnenkort`))).not.toContain(valid.id);
    expect(ids(await ciso.get(`${A}/evidence?status=geldig`))).toContain(valid.id);
    expect(ids(await ciso.get(`${A}/evidence?status=onbepaald`))).toContain(open.id);
    expect(ids(await ciso.get(`${A}/evidence?q=${encodeURIComponent('PENTEST')}`))).toEqual([soon.id]);
    expect(ids(await ciso.get(`${A}/evidence?q=${encodeURIComponent('100%')}`))).toEqual([]);
    // pages: newest first, every item exactly once
    const all = ids(await ciso.get(`${A}/evidence?limit=200`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ciso.get(`${A}/evidence?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(seen[0]).toBe(open.id);
    expect((await ciso.get(`${A}/evidence?cursor=rommel`)).status).toBe(400);
    expect((await ciso.get(`${A}/evidence?status=oud`)).status).toBe(400);
  });

  it('changes title and validity; a new end date restarts the reminders', async () => {
    const e = (await ciso.post(`${A}/evidence/links`, { title: 'Certificaat', url: 'https://c.example', validUntil: addDays(today, 5) })).body;
    await t.deps.database.db.execute(sql`update evidence set reminded = 'soon' where id = ${e.id}`);
    const r = await ciso.patch(`${A}/evidence/${e.id}`, { title: 'Certificaat 2026', validUntil: addDays(today, 400) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ title: 'Certificaat 2026', status: 'geldig' });
    const [row] = rowsOf<{ reminded: string | null }>(await t.deps.database.db.execute(sql`select reminded from evidence where id = ${e.id}`));
    expect(row.reminded).toBeNull();
    expect((await ciso.patch(`${A}/evidence/${e.id}`, { validFrom: addDays(today, 500) })).status).toBe(400);
    expect((await ciso.patch(`${A}/evidence/${e.id}`, { validUntil: null })).body.status).toBe('onbepaald');
    expect((await ciso.patch(`${A}/evidence/${e.id}`, { url: 'https://x.example' })).status).toBe(400);
    expect((await auditor.patch(`${A}/evidence/${e.id}`, { title: 'Auditor' })).status).toBe(403);
  });

  it('links to measures and unlinks again (idempotent link, 404 for a link that is not there)', async () => {
    const e = (await ciso.post(`${A}/evidence/links`, { title: 'Logboek', url: 'https://log.example' })).body;
    const url = `${A}/measures/${measureId}/evidence/${e.id}`;
    expect((await ciso.request('PUT', url)).status).toBe(204);
    expect((await ciso.put(url, {})).status).toBe(204);
    expect((await ciso.get(`${A}/evidence/${e.id}`)).body.measures).toEqual([{ id: measureId, title: 'Back-up en herstel' }]);
    expect((await ciso.delete(url)).status).toBe(204);
    expect((await ciso.delete(url)).status).toBe(404);
    expect((await ciso.get(`${A}/evidence/${e.id}`)).body.measures).toEqual([]);
    expect((await ciso.request('PUT', `${A}/measures/${crypto.randomUUID()}/evidence/${e.id}`)).status).toBe(404);
    expect((await ciso.request('PUT', `${A}/measures/${measureId}/evidence/${crypto.randomUUID()}`)).status).toBe(404);
    const events = await admin.get(`${A}/audit-events?entityType=evidence&limit=200`);
    const mine = events.body.items.filter((ev: any) => ev.entityId === e.id).map((ev: any) => ev.action);
    expect(mine.sort()).toEqual(['create', 'link', 'unlink']); // the second PUT changed nothing
  });

  let linkedToYear: { id: string; sha256: string; title: string };
  let requirementId: string;

  it('links to assessments; a new year copies the links; a signed year is frozen (409)', async () => {
    expect((await ciso.post(`${A}/assessment-years`, { year: 2025, frameworks: ['test:alpha'] })).status).toBe(201);
    const items = (await ciso.get(`${A}/assessment-years/2025/assessments`)).body.items;
    requirementId = items.find((i: any) => i.ref === '5.1.01').requirementId;
    const target = `${A}/assessment-years/2025/assessments/${requirementId}/evidence`;
    const up = await upload(t, ciso, 'alpha', { title: 'Beleid 2025', year: '2025', requirementId }, [{ name: 'beleid.txt', content: 'Informatiebeveiligingsbeleid' }]);
    expect(up.status).toBe(201);
    expect(up.body.assessments).toEqual([{ year: 2025, requirementId, frameworkId: 'test:alpha', ref: '5.1.01' }]);
    linkedToYear = up.body;
    const link = (await ciso.post(`${A}/evidence/links`, { title: 'Vaststellingsbesluit', url: 'https://raad.example/besluit' })).body;
    expect((await ciso.request('PUT', `${target}/${link.id}`)).status).toBe(204);
    expect((await ciso.get(target)).body.items.map((e: any) => e.title).sort()).toEqual(['Beleid 2025', 'Vaststellingsbesluit']);
    expect((await ciso.delete(`${target}/${link.id}`)).status).toBe(204);
    expect((await ciso.request('PUT', `${A}/assessment-years/2025/assessments/${crypto.randomUUID()}/evidence/${link.id}`)).status).toBe(404);
    expect((await ciso.request('PUT', `${A}/assessment-years/2031/assessments/${requirementId}/evidence/${link.id}`)).status).toBe(404);

    const signed = await burgemeester.post(`${A}/assessment-years/2025/sign`, { signerName: 'A. de Burgemeester', signerFunction: 'burgemeester', statement: 'Het college verklaart dat alles klopt.' });
    expect(signed.status).toBe(200);
    const snap = (await ciso.get(`${A}/assessment-years/2025/snapshot`)).body.snapshot;
    const item = snap.items.find((i: any) => i.ref === '5.1.01');
    expect(item.evidence).toEqual([{ id: up.body.id, title: 'Beleid 2025', sha256: up.body.sha256 }]);
    expect(snap.items.find((i: any) => i.ref === '5.1.02').evidence).toEqual([]);

    const frozenPut = await ciso.request('PUT', `${target}/${link.id}`);
    expect(frozenPut.status).toBe(409);
    expect(frozenPut.headers['content-type']).toContain('application/problem+json');
    expect((await ciso.delete(`${target}/${up.body.id}`)).status).toBe(409);
    const before = await count(t, 'evidence');
    const filesBefore = storedFiles(dataDir).files.length;
    const frozenUpload = await upload(t, ciso, 'alpha', { year: '2025', requirementId }, [{ name: 'laat.txt', content: 'te laat' }]);
    expect(frozenUpload.status).toBe(409);
    expect(await count(t, 'evidence')).toBe(before);
    expect(storedFiles(dataDir)).toEqual({ files: expect.any(Array), temporary: [] });
    expect(storedFiles(dataDir).files).toHaveLength(filesBefore);
    expect((await ciso.post(`${A}/evidence/links`, { title: 'Laat', url: 'https://laat.example', year: 2025, requirementId })).status).toBe(409);
    // evidence the signed statement refers to cannot be deleted
    expect((await ciso.delete(`${A}/evidence/${up.body.id}`)).status).toBe(409);

    const next = await ciso.post(`${A}/assessment-years`, { year: 2026, copyFrom: 2025 });
    expect(next.status).toBe(201);
    const copied = await ciso.get(`${A}/assessment-years/2026/assessments/${requirementId}/evidence`);
    expect(copied.body.items.map((e: any) => e.id)).toEqual([up.body.id]);
    expect((await ciso.get(`${A}/evidence/${up.body.id}`)).body.assessments.map((a: any) => a.year)).toEqual([2026, 2025]);
    expect((await ciso.delete(`${A}/assessment-years/2026/assessments/${requirementId}/evidence/${up.body.id}`)).status).toBe(204);
  });

  it('deletes evidence with its file and links', async () => {
    const up = await upload(t, ciso, 'alpha', { measureId }, [{ name: 'weg.txt', content: 'wordt verwijderd' }]);
    const filesBefore = storedFiles(dataDir).files.length;
    expect((await auditor.delete(`${A}/evidence/${up.body.id}`)).status).toBe(403);
    expect((await ciso.delete(`${A}/evidence/${up.body.id}`)).status).toBe(204);
    expect(storedFiles(dataDir).files).toHaveLength(filesBefore - 1);
    expect((await ciso.get(`${A}/evidence/${up.body.id}`)).status).toBe(404);
    expect((await ciso.get(`${A}/measures/${measureId}/evidence`)).body.items.map((e: any) => e.id)).not.toContain(up.body.id);
    expect((await ciso.delete(`${A}/evidence/${up.body.id}`)).status).toBe(404);
    const events = await admin.get(`${A}/audit-events?entityType=evidence&limit=200`);
    const del = events.body.items.find((ev: any) => ev.entityId === up.body.id && ev.action === 'delete');
    expect(del.changes.sha256.before).toBe(up.body.sha256);
  });

  it('another organisation sees none of it: 404 on every endpoint, never the data', async () => {
    const id = linkedToYear.id;
    const list = await beta.get(`${B}/evidence?limit=200`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    const r404 = async (method: string, url: string, body?: unknown) => {
      const r = await beta.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(r.text).not.toContain(linkedToYear.title);
      expect(r.text).not.toContain(linkedToYear.sha256);
    };
    await r404('GET', `${B}/evidence/${id}`);
    await r404('GET', `${B}/evidence/${id}/content`);
    await r404('PATCH', `${B}/evidence/${id}`, { title: 'overgenomen' });
    await r404('DELETE', `${B}/evidence/${id}`);
    await r404('PUT', `${B}/measures/${betaMeasureId}/evidence/${id}`);
    await r404('DELETE', `${B}/measures/${betaMeasureId}/evidence/${id}`);
    await r404('GET', `${B}/measures/${measureId}/evidence`);
    const own = (await beta.post(`${B}/evidence/links`, { title: 'Beta-bewijs', url: 'https://beta.example' })).body;
    await r404('PUT', `${B}/measures/${measureId}/evidence/${own.id}`);
    expect((await beta.post(`${B}/assessment-years`, { year: 2025, frameworks: ['test:alpha'] })).status).toBe(201);
    await r404('PUT', `${B}/assessment-years/2025/assessments/${requirementId}/evidence/${id}`);
    await r404('DELETE', `${B}/assessment-years/2025/assessments/${requirementId}/evidence/${id}`);
    // and through alpha's path, beta is not a member
    await r404('GET', `${A}/evidence/${id}`);
    await r404('GET', `${A}/evidence/${id}/content`);
    await r404('GET', `${A}/evidence`);
    // still all there for alpha
    expect((await ciso.get(`${A}/evidence/${id}`)).body.title).toBe(linkedToYear.title);
    expect((await beta.get(`${B}/assessment-years/2025/assessments/${requirementId}/evidence`)).body.items).toEqual([]);
  });

  it('documents the upload in the OpenAPI description as multipart/form-data', async () => {
    const doc = (await new Client(t.app).get('/api/v1/openapi.json')).body;
    const op = doc.paths['/organisations/{org}/evidence/files'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
    expect(op.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(op.responses['413']).toBeDefined();
    for (const p of ['/organisations/{org}/evidence', '/organisations/{org}/evidence/{evidenceId}/content', '/organisations/{org}/signals', '/organisations/{org}/compliance/attention', '/inbox']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
  });
});
