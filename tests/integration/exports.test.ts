import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { tenantTx } from '../../src/server/core/db/client.js';
import { assessmentEvidence, assessmentYears, evidence, memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { Client, createTestApp, loginAs, ownerSql, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * Exports of a year, parsed back: the Statement of Applicability as XLSX (exceljs) and PDF (pdf-parse),
 * the full assessment export and OSCAL assessment-results (checked with a zod schema of the OSCAL
 * structure). Evidence rows are inserted directly through tenantTx (the evidence API is built in parallel).
 */

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
const Y = '/api/v1/organisations/alpha/assessment-years';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHA = 'a'.repeat(64);
let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let burgemeester: Client;
const ev: Record<string, string> = {};
let measureId: string;

async function download(c: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: c.cookie ? { cookie: c.cookie } : {} });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload, json: () => res.json() };
}

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function pdfText(buf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  try {
    return await parser.getText();
  } finally {
    await parser.destroy();
  }
}

const find = async (year: number, ref: string) => (await ciso.get(`${Y}/${year}/assessments?limit=500`)).body.items.find((i: any) => i.ref === ref);
const patch = async (year: number, ref: string, changes: Record<string, unknown>) => {
  const r = await ciso.patch(`${Y}/${year}/assessments/${(await find(year, ref)).requirementId}`, changes);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
};

async function linkEvidence(year: number, ref: string, evidenceId: string) {
  const rid = (await find(year, ref)).requirementId;
  await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, async (tx) => {
    const [y] = await tx.select({ id: assessmentYears.id }).from(assessmentYears).where(and(eq(assessmentYears.organisationId, world.orgs.alpha.id), eq(assessmentYears.year, year)));
    await tx.insert(assessmentEvidence).values({ organisationId: world.orgs.alpha.id, yearId: y.id, requirementId: rid, evidenceId });
  });
}

const LONG = Array.from({ length: 120 }, (_, i) => `Regel ${i + 1} van de uitgebreide toelichting bij het herzien van het beleid.`).join(' ');

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  const [b] = await t.deps.database.db.insert(users).values({ email: 'burgemeester@alpha.test', name: 'Burgemeester Alpha', passwordHash: await hashPassword(PASSWORD) }).returning();
  await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: b.id, roles: ['bestuurder'] });
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  burgemeester = await loginAs(t.app, 'burgemeester@alpha.test');

  expect((await ciso.post(Y, { year: 2025, frameworks: ['test:alpha', 'test:nis'] })).status).toBe(201);
  await patch(2025, '5.1.01', { result: 'voldoet', explanation: 'Beleid vastgesteld door het college op 1 maart.', ownerId: world.users.ciso.id });
  await patch(2025, '5.1.02', { result: 'voldoet_deels', explanation: LONG, dueDate: '2025-12-01' });
  await patch(2025, '8.2.01', { applicable: false, notApplicableReason: 'Geen eigen beheeromgeving; uitbesteed aan de regio.' });
  await patch(2025, '21.2.a', { result: 'voldoet_niet', explanation: 'Risicobeleid ontbreekt nog.' });
  const m = await ciso.post('/api/v1/organisations/alpha/measures', {
    title: 'Informatiebeveiligingsbeleid',
    status: 'geimplementeerd',
    requirements: [{ framework: 'test:alpha', ref: '5.1.01', coverage: 'full' }],
  });
  expect(m.status).toBe(201);
  measureId = m.body.id;
  await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, async (tx) => {
    const rows = await tx
      .insert(evidence)
      .values([
        { organisationId: world.orgs.alpha.id, kind: 'file', title: 'Beleidsdocument 2025', fileName: 'beleid.pdf', mediaType: 'application/pdf', sizeBytes: 1234, sha256: SHA, storageKey: 'k1', validUntil: '2026-12-31', createdBy: world.users.ciso.id },
        { organisationId: world.orgs.alpha.id, kind: 'link', title: 'Collegebesluit op intranet', url: 'https://intranet.alpha.test/besluit', createdBy: world.users.ciso.id },
      ])
      .returning();
    ev.file = rows[0].id;
    ev.link = rows[1].id;
  });
  await linkEvidence(2025, '5.1.01', ev.file);
  await linkEvidence(2025, '5.1.01', ev.link);
  await linkEvidence(2025, '21.2.a', ev.link);
});
afterAll(() => t?.close());

describe('Verklaring van Toepasselijkheid', () => {
  it('as XLSX: header, frozen header row, filter, widths, one row per requirement by chapter, and a summary sheet', async () => {
    const r = await download(ciso, `${Y}/2025/soa.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    expect(r.headers['content-disposition']).toBe('attachment; filename="verklaring-van-toepasselijkheid-alpha-2025-test-alpha.xlsx"');
    const wb = await workbook(r.body);
    const ws = wb.getWorksheet('Verklaring')!;
    expect(String(ws.getCell('A1').value)).toBe('Verklaring van Toepasselijkheid — Testraamwerk Alpha 1.0.0');
    expect(String(ws.getCell('A2').value)).toBe('Gemeente Alpha · verantwoordingsjaar 2025 · fase zelfevaluatie');
    expect(String(ws.getCell('A3').value)).toContain('Niet ondertekend');
    expect(String(ws.getCell('A4').value)).toMatch(/^Gegenereerd op \d+ \w+ 20\d\d/);
    expect(ws.getRow(5).values).toEqual([undefined, 'Hoofdstuk', 'Nummer', 'Eis', 'Van toepassing', 'Reden niet van toepassing', 'Resultaat', 'Toelichting', 'Maatregelen', 'Bewijs', 'Eigenaar']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.autoFilter).toBe('A5:J8');
    expect(ws.getColumn(3).width).toBe(40);
    const rows = [6, 7, 8].map((n) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    expect(rows.map((x) => x[1])).toEqual(['5.1.01', '5.1.02', '8.2.01']); // 5.1.03 moved: not in the year
    expect(rows[0]).toEqual([
      '5 Organisatie',
      '5.1.01',
      'Beleid vastgesteld',
      'ja',
      '',
      'voldoet',
      'Beleid vastgesteld door het college op 1 maart.',
      'Informatiebeveiligingsbeleid',
      'Beleidsdocument 2025\nCollegebesluit op intranet',
      'ciso',
    ]);
    expect(rows[2]).toEqual(['8 Techniek', '8.2.01', 'Beheerrechten beperkt', 'nee', 'Geen eigen beheeromgeving; uitbesteed aan de regio.', 'n.v.t.', '', '', '', '']);
    const sum = wb.getWorksheet('Samenvatting')!;
    const pairs = new Map<string, unknown>();
    sum.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get('Organisatie')).toBe('Gemeente Alpha');
    expect(pairs.get('Raamwerk')).toBe('Testraamwerk Alpha (test:alpha)');
    expect(pairs.get('Versie')).toBe('1.0.0');
    expect(pairs.get('Ondertekend')).toBe('nee (concept: de stand van nu)');
    expect([pairs.get('voldoet'), pairs.get('voldoet deels'), pairs.get('voldoet niet'), pairs.get('niet beoordeeld'), pairs.get('niet van toepassing'), pairs.get('totaal')]).toEqual([1, 1, 0, 0, 1, 3]);
  });

  it('shows measures derived through mappings, with where they come from; a framework outside the year is a 400', async () => {
    const wb = await workbook((await download(ciso, `${Y}/2025/soa.xlsx?framework=test:nis`)).body);
    const ws = wb.getWorksheet('Verklaring')!;
    expect(String(ws.getCell('A1').value)).toContain('Testraamwerk zorgplicht');
    expect(ws.getRow(6).getCell(2).value).toBe('21.2.a');
    expect(ws.getRow(6).getCell(6).value).toBe('voldoet niet');
    expect(ws.getRow(6).getCell(8).value).toBe('Informatiebeveiligingsbeleid (via test:alpha 5.1.01, deels)');
    expect(ws.getRow(6).getCell(9).value).toBe('Collegebesluit op intranet');
    expect(ws.getRow(7).getCell(6).value).toBe('niet beoordeeld');
    const bad = await ciso.get(`${Y}/2025/soa.xlsx?framework=weerbaar:iso27001-annex-a`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.framework');
    expect((await ciso.get(`${Y}/2025/soa.pdf?framework=x`)).status).toBe(400);
  });

  it('as PDF: A4 landscape, the header facts, page numbers "pagina X van Y" and the table header on every page', async () => {
    const r = await download(ciso, `${Y}/2025/soa.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain('.pdf"');
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(r.body);
    expect(text.total).toBeGreaterThan(1); // the long explanation runs over more than one page
    const all = text.text.replace(/\s+/g, ' ');
    for (const s of ['Verklaring van Toepasselijkheid', 'Gemeente Alpha', 'Testraamwerk Alpha', '1.0.0', 'zelfevaluatie', '5.1.01', 'Beleid vastgesteld', 'Informatiebeveiligingsbeleid', 'Beleidsdocument 2025', 'Geen eigen beheeromgeving', 'n.v.t.']) {
      expect(all).toContain(s);
    }
    text.pages.forEach((p, i) => {
      expect(p.text).toContain(`pagina ${i + 1} van ${text.total}`);
      for (const h of ['Nummer', 'Resultaat', 'Maatregelen', 'Eigenaar']) expect(p.text, `page ${i + 1}`).toContain(h);
    });
    const [page] = await (async () => {
      const parser = new PDFParse({ data: new Uint8Array(r.body) });
      try {
        return (await parser.getInfo({ parsePageInfo: true })).pages;
      } finally {
        await parser.destroy();
      }
    })();
    expect(page.width).toBeGreaterThan(page.height); // landscape
    expect(Math.round(page.width)).toBe(842); // A4
  });
});

describe('full assessment export', () => {
  it('one sheet per framework with ids for the re-import, plus a Toelichting sheet', async () => {
    const r = await download(ciso, `${Y}/2025/export.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="beoordelingen-alpha-2025.xlsx"');
    const wb = await workbook(r.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Toelichting', 'Alpha', 'NIS-test']);
    const ws = wb.getWorksheet('Alpha')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      'Nummer', 'Eis', 'Van toepassing', 'Reden niet van toepassing', 'Resultaat', 'Toelichting', 'Eigenaar (e-mail)', 'Deadline',
      'Opmerkingen auditor', 'Maatregelen (id)', 'Maatregelen (titel)', 'Bewijs (id)', 'Bewijs (titel)', 'Raamwerk', 'requirementId',
    ]);
    const col = (h: string) => header.indexOf(h) + 1;
    const row = (ref: string) => {
      for (let i = 2; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === ref) return ws.getRow(i);
      throw new Error(ref);
    };
    const a = await find(2025, '5.1.01');
    expect(row('5.1.01').getCell(col('requirementId')).value).toBe(a.requirementId);
    expect(row('5.1.01').getCell(col('Eigenaar (e-mail)')).value).toBe('ciso@alpha.test');
    expect(row('5.1.01').getCell(col('Maatregelen (id)')).value).toBe(measureId);
    expect(String(row('5.1.01').getCell(col('Bewijs (id)')).value).split('\n').sort()).toEqual([ev.file, ev.link].sort());
    expect((row('5.1.02').getCell(col('Deadline')).value as Date).toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(row('5.1.02').getCell(col('Resultaat')).value).toBe('voldoet deels');
    expect(row('8.2.01').getCell(col('Van toepassing')).value).toBe('nee');
    expect(row('8.2.01').getCell(col('Raamwerk')).value).toBe('test:alpha');
    expect(ws.rowCount).toBe(4);
    expect(wb.getWorksheet('NIS-test')!.rowCount).toBe(3);
    const help = wb.getWorksheet('Toelichting')!;
    const texts: string[] = [];
    help.eachRow((r2) => texts.push(`${r2.getCell(1).value} ${r2.getCell(2).value}`));
    expect(texts.join('\n')).toContain('Alpha Testraamwerk Alpha (test:alpha, versie 1.0.0)');
    expect(texts.join('\n')).toContain('requirementId');
  });
});

/* The structure of an OSCAL 1.1.2 assessment-results document that we rely on (required fields, formats). */
const UUID = z.string().regex(/^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/);
const TOKEN = z.string().regex(/^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u);
const DATETIME_TZ = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const Prop = z.object({ name: TOKEN, ns: z.string().url().optional(), value: z.string().min(1) }).strict();
const Oscal = z
  .object({
    'assessment-results': z
      .object({
        uuid: UUID,
        metadata: z.object({
          title: z.string().min(1),
          'last-modified': DATETIME_TZ,
          version: z.string().min(1),
          'oscal-version': z.literal('1.1.2'),
          parties: z.array(z.object({ uuid: UUID, type: z.enum(['organization', 'person']), name: z.string().min(1), 'short-name': z.string().optional() }).strict()).min(1),
        }).strict(),
        'import-ap': z.object({ href: z.string().startsWith('#') }).strict(),
        results: z
          .array(
            z.object({
              uuid: UUID,
              title: z.string().min(1),
              description: z.string().min(1),
              start: DATETIME_TZ,
              end: DATETIME_TZ.optional(),
              props: z.array(Prop).min(1).optional(),
              'reviewed-controls': z.object({
                'control-selections': z
                  .array(
                    z.object({
                      'include-controls': z.array(z.object({ 'control-id': TOKEN }).strict()).min(1).optional(),
                      'include-all': z.object({}).strict().optional(),
                      'exclude-controls': z.array(z.object({ 'control-id': TOKEN }).strict()).min(1).optional(),
                      remarks: z.string().optional(),
                    }).strict(),
                  )
                  .min(1),
              }).strict(),
              observations: z
                .array(
                  z.object({
                    uuid: UUID,
                    title: z.string().optional(),
                    description: z.string().min(1),
                    props: z.array(Prop).min(1).optional(),
                    methods: z.array(z.enum(['EXAMINE', 'INTERVIEW', 'TEST', 'UNKNOWN'])).min(1),
                    'relevant-evidence': z.array(z.object({ href: z.string().min(1), description: z.string().min(1), props: z.array(Prop).min(1).optional() }).strict()).min(1),
                    collected: DATETIME_TZ,
                    expires: DATETIME_TZ.optional(),
                  }).strict(),
                )
                .min(1)
                .optional(),
              findings: z
                .array(
                  z.object({
                    uuid: UUID,
                    title: z.string().min(1),
                    description: z.string().min(1),
                    props: z.array(Prop).min(1).optional(),
                    target: z.object({
                      type: z.enum(['objective-id', 'statement-id']),
                      'target-id': TOKEN,
                      title: z.string().optional(),
                      status: z.object({ state: z.enum(['satisfied', 'not-satisfied']), reason: z.enum(['pass', 'fail', 'other']).optional(), remarks: z.string().optional() }).strict(),
                    }).strict(),
                    'related-observations': z.array(z.object({ 'observation-uuid': UUID }).strict()).min(1).optional(),
                    remarks: z.string().optional(),
                  }).strict(),
                )
                .min(1)
                .optional(),
            }).strict(),
          )
          .min(1),
        'back-matter': z.object({ resources: z.array(z.object({ uuid: UUID, title: z.string().optional(), description: z.string().optional(), props: z.array(Prop).min(1).optional() }).strict()).min(1) }).strict(),
      })
      .strict(),
  })
  .strict();

describe('OSCAL assessment results', () => {
  it('has the OSCAL structure; controls, findings and observations match the assessments; uuids are stable', async () => {
    const r = await ciso.get(`${Y}/2025/oscal-assessment-results.json`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    const parsed = Oscal.safeParse(r.body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5))).toBe(true);
    const doc = r.body['assessment-results'];
    expect(doc.metadata.parties[0]).toMatchObject({ type: 'organization', name: 'Gemeente Alpha', 'short-name': 'alpha' });
    const plan = doc['back-matter'].resources.find((x: any) => `#${x.uuid}` === doc['import-ap'].href);
    expect(plan.title).toBe('Beoordelingsplan verantwoordingsjaar 2025');

    const assessments = (await ciso.get(`${Y}/2025/assessments?limit=500`)).body.items as any[];
    expect(doc.results.map((x: any) => x.props.find((p: any) => p.name === 'framework-id').value)).toEqual(['test:alpha', 'test:nis']);
    for (const result of doc.results) {
      const framework = result.props.find((p: any) => p.name === 'framework-id').value;
      const mine = assessments.filter((a) => a.framework === framework);
      const sel = result['reviewed-controls']['control-selections'][0];
      expect(sel['include-controls'].length).toBe(mine.filter((a) => a.applicable).length);
      expect((sel['exclude-controls'] ?? []).length).toBe(mine.filter((a) => !a.applicable).length);
      const assessed = mine.filter((a) => a.applicable && a.result !== 'niet_beoordeeld');
      expect((result.findings ?? []).length).toBe(assessed.length);
      for (const f of result.findings ?? []) {
        const ref = f.props.find((p: any) => p.name === 'requirement-ref').value;
        const a = assessed.find((x) => x.ref === ref)!;
        expect(f.target.status.state).toBe(a.result === 'voldoet' ? 'satisfied' : 'not-satisfied');
        expect(f.props.find((p: any) => p.name === 'result').value).toBe(a.result);
        expect(f.description).toBe(a.explanation);
        expect(f.target['target-id']).toBe(`req-${ref}_obj`);
        expect(sel['include-controls'].map((c: any) => c['control-id'])).toContain(`req-${ref}`);
        for (const o of f['related-observations'] ?? []) expect(result.observations.some((x: any) => x.uuid === o['observation-uuid'])).toBe(true);
      }
    }
    const alpha = doc.results[0];
    expect(alpha.findings.map((f: any) => f.target.status.state)).toEqual(['satisfied', 'not-satisfied']);
    expect(alpha.findings[0]['related-observations']).toHaveLength(2);
    expect(alpha['reviewed-controls']['control-selections'][0].remarks).toContain('8.2.01 niet van toepassing: Geen eigen beheeromgeving');
    const file = alpha.observations.find((o: any) => o.title === 'Beleidsdocument 2025');
    expect(file['relevant-evidence'][0].href).toBe(`http://localhost:3000/api/v1/organisations/alpha/evidence/${ev.file}/content`);
    expect(file['relevant-evidence'][0].props).toEqual([{ name: 'sha256', ns: expect.any(String), value: SHA }]);
    expect(file.expires).toBe('2026-12-31T23:59:59Z');
    const link = alpha.observations.find((o: any) => o.title === 'Collegebesluit op intranet');
    expect(link['relevant-evidence'][0].href).toBe('https://intranet.alpha.test/besluit');
    expect(doc.results[1].observations).toHaveLength(1);

    const again = (await ciso.get(`${Y}/2025/oscal-assessment-results.json`)).body['assessment-results'];
    expect(again.uuid).toBe(doc.uuid);
    expect(again.results.flatMap((x: any) => (x.findings ?? []).map((f: any) => f.uuid))).toEqual(doc.results.flatMap((x: any) => (x.findings ?? []).map((f: any) => f.uuid)));
    expect(alpha.findings[0].uuid.charAt(14)).toBe('5'); // name-based v5
    await patch(2025, '21.2.b', { result: 'voldoet' });
    const changed = (await ciso.get(`${Y}/2025/oscal-assessment-results.json`)).body['assessment-results'];
    expect(changed.uuid).not.toBe(doc.uuid); // a new revision of the document
    expect(changed.results[0].findings[0].uuid).toBe(alpha.findings[0].uuid); // the same finding keeps its uuid
    expect(changed.results[1].findings).toHaveLength(2);
    await patch(2025, '21.2.b', { result: 'niet_beoordeeld' });
  });
});

describe('a signed year', () => {
  it('exports what was signed (the snapshot), says who signed and whether the snapshot still matches its hash', async () => {
    expect((await ciso.post(Y, { year: 2024, copyFrom: 2025 })).status).toBe(201); // evidence links are copied too
    const signed = await burgemeester.post(`${Y}/2024/sign`, { signerName: 'A. de Burgemeester', signerFunction: 'burgemeester', statement: 'Het college verklaart dat de zelfevaluatie naar waarheid is ingevuld.' });
    expect(signed.status).toBe(200);
    const hash = signed.body.signed.snapshotHash;
    // live rows changed behind the application's back: the statement still shows what was signed
    const y2024 = sql`(select id from assessment_years where year = 2024 and organisation_id = ${world.orgs.alpha.id})`;
    await ownerSql(t.deps, sql`update requirement_assessments set explanation = 'GEWIJZIGD NA ONDERTEKENING', result = 'voldoet_niet' where year_id = ${y2024}`);
    await ownerSql(t.deps, sql`delete from assessment_evidence where year_id = ${y2024} and evidence_id = ${ev.link}`);
    const wb = await workbook((await download(ciso, `${Y}/2024/soa.xlsx`)).body);
    const ws = wb.getWorksheet('Verklaring')!;
    expect(String(ws.getCell('A3').value)).toContain('Ondertekend door A. de Burgemeester (burgemeester)');
    expect(String(ws.getCell('A3').value)).toContain(hash);
    expect(ws.getRow(6).getCell(6).value).toBe('voldoet');
    expect(ws.getRow(6).getCell(7).value).toBe('Beleid vastgesteld door het college op 1 maart.');
    expect(ws.getRow(6).getCell(9).value).toBe('Beleidsdocument 2025\nCollegebesluit op intranet');
    expect(ws.getRow(6).getCell(10).value).toBe('ciso');
    expect((await ciso.get(`${Y}/2024/assessments/${(await find(2024, '5.1.01')).requirementId}/evidence`)).body.items).toHaveLength(1); // live: one left
    const facts = new Map<string, unknown>();
    wb.getWorksheet('Samenvatting')!.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('Snapshot-hash (SHA-256)')).toBe(hash);
    expect(facts.get('Controle snapshot')).toBe('de bevroren stand komt overeen met de hash');
    expect(facts.get('Fase')).toBe('collegeverklaring');

    const pdf = (await pdfText((await download(ciso, `${Y}/2024/soa.pdf`)).body)).text;
    expect(pdf).toContain('A. de Burgemeester');
    expect(pdf).toContain(hash.slice(0, 12));
    expect(pdf).not.toContain('GEWIJZIGD NA ONDERTEKENING');

    const oscal = (await ciso.get(`${Y}/2024/oscal-assessment-results.json`)).body['assessment-results'];
    expect(Oscal.safeParse({ 'assessment-results': oscal }).success).toBe(true);
    expect(oscal.metadata.version).toBe(`2024-ondertekend-${hash.slice(0, 12)}`);
    expect(oscal.results[0].end).toBe(signed.body.signed.at);
    expect(oscal.results[0].findings[0].target.status.state).toBe('satisfied');
    expect(oscal.results[0].findings[0]['related-observations']).toHaveLength(2);
    expect(oscal['back-matter'].resources.find((x: any) => x.title === 'Collegeverklaring').props[0].value).toBe(hash);

    // tampering with the snapshot itself shows
    await ownerSql(t.deps, sql`update assessment_years set snapshot = jsonb_set(snapshot, '{signer,signerName}', '"Iemand anders"')
      where year = 2024 and organisation_id = ${world.orgs.alpha.id}`);
    const tampered = await workbook((await download(ciso, `${Y}/2024/soa.xlsx`)).body);
    const f2 = new Map<string, unknown>();
    tampered.getWorksheet('Samenvatting')!.eachRow((row) => f2.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(f2.get('Controle snapshot')).toContain('NIET');
  });

  it('every download is in the audit trail, with the format and (for a signed year) the snapshot hash', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const events = (await admin.get('/api/v1/organisations/alpha/audit-events?entityType=assessment_year&limit=100')).body.items.filter((e: any) => e.action === 'export');
    const formats = events.map((e: any) => e.changes.format.after);
    expect(formats).toEqual(expect.arrayContaining(['soa.xlsx', 'soa.pdf', 'export.xlsx', 'oscal-assessment-results.json']));
    const signed = events.find((e: any) => e.entityId === '2024' && e.changes.format.after === 'soa.pdf');
    expect(signed.changes.signed.after).toBe(true);
    expect(signed.changes.snapshotSha256.after).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.actor.email).toBe('ciso@alpha.test');
  });
});

describe('who may export', () => {
  it('the auditor (read access) exports; another organisation gets 404 and never the data; no session is 401', async () => {
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    for (const p of ['soa.xlsx', 'soa.pdf', 'export.xlsx', 'oscal-assessment-results.json']) {
      expect((await download(auditor, `${Y}/2025/${p}`)).status, p).toBe(200);
    }
    const beta = await loginAs(t.app, 'admin@beta.test');
    for (const p of ['soa.xlsx', 'soa.pdf', 'export.xlsx', 'oscal-assessment-results.json']) {
      const r = await download(beta, `${Y}/2025/${p}`);
      expect(r.status, p).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.toString()).not.toContain('Beleid');
      expect((await download(beta, `/api/v1/organisations/beta/assessment-years/2025/${p}`)).status).toBe(404);
    }
    expect((await download(new Client(t.app), `${Y}/2025/soa.xlsx`)).status).toBe(401);
  });

  it('the endpoints are in the OpenAPI document', async () => {
    const paths = Object.keys((await ciso.get('/api/v1/openapi.json')).body.paths);
    for (const p of ['soa.xlsx', 'soa.pdf', 'export.xlsx', 'import', 'oscal-assessment-results.json']) {
      expect(paths).toContain(`/organisations/{org}/assessment-years/{year}/${p}`);
    }
  });
});
