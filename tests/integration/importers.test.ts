import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

const CATALOGS = path.resolve(__dirname, '../fixtures/catalogs');
const IMPORTS = path.resolve(__dirname, '../fixtures/imports');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixture = (name: string) => fs.readFileSync(path.join(IMPORTS, name), 'utf8');

let t: TestApp;
let root: Client;
let ciso: Client;

beforeAll(async () => {
  t = await createTestApp();
  await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, CATALOGS);
  root = await loginAs(t.app, 'root@install.test');
  ciso = await loginAs(t.app, 'ciso@alpha.test');
});
afterAll(() => t?.close());

/** A raw upload with the session of `c`. */
async function send(c: Client, url: string, body: string | Buffer, type: string) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': type },
    payload: body,
  });
  const json = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : undefined;
  return { status: res.statusCode, body: json, headers: res.headers };
}
const oscal = (body: unknown, query = 'mode=preview') => send(root, `/api/v1/library/import/oscal?${query}`, typeof body === 'string' ? body : JSON.stringify(body), 'application/json');
const yaml = (body: string, query = 'mode=preview', type = 'application/yaml') => send(root, `/api/v1/library/import/ciso-assistant?${query}`, body, type);
const xlsx = (body: Buffer, query = 'mode=preview') => send(root, `/api/v1/library/import/xlsx?${query}`, body, XLSX);
const paths = (r: { body: any }) => r.body.problems.map((p: any) => p.path);
const lineOf = (text: string, needle: string, nth = 1) => {
  let from = -1;
  for (let i = 0; i < nth; i++) from = text.indexOf(needle, from + 1);
  if (from < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, from).split('\n').length;
};
/** A valid zip archive with one stored (uncompressed) file: not a workbook. */
function storedZip(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const file = Buffer.from(name);
  const crc = zlib.crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + file.length, 12);
  end.writeUInt32LE(30 + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}
const exists = async (url: string) => (await root.get(url)).status === 200;

describe('OSCAL catalog and profile', () => {
  it('previews, imports and re-imports a catalog: groups, nested controls, withdrawn and moved controls', async () => {
    const catalog = fixture('oscal-catalog.json');
    const preview = await oscal(catalog);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      mode: 'preview',
      format: 'oscal-catalog',
      valid: true,
      package: { id: 'oscal:testcatalogus-weerbaar', kind: 'framework', version: '2.1.0' },
      counts: { nodes: 11, assessable: 8 },
      action: null,
      problems: [],
    });
    expect(await exists('/api/v1/frameworks/oscal:testcatalogus-weerbaar')).toBe(false);

    const imported = await oscal(catalog, 'mode=import');
    expect(imported.body).toMatchObject({ valid: true, action: 'created', packages: [{ id: 'oscal:testcatalogus-weerbaar', action: 'created' }] });
    const f = (await ciso.get('/api/v1/frameworks/oscal:testcatalogus-weerbaar')).body;
    expect(f).toMatchObject({ version: '2.1.0', provider: 'Stichting Testnormen', licence: 'https://creativecommons.org/licenses/by/4.0/', origin: 'import', language: 'en' });
    // sort-id orders org-1 before org-2; the enhancement org-1.1 follows its control as a sibling
    expect(f.requirements.map((r: any) => `${r.ref}<${r.parentRef ?? ''}`)).toEqual([
      'org<', 'org-1<org', 'org-1.1<org', 'org-2<org', 'org-3<org', 'tec<', 'tec-net<tec', 'tec-1<tec-net', 'tec-2<tec-net', 'tec-2.1<tec-net', 'tec-2.2<tec-net',
    ]);
    const req = (ref: string) => f.requirements.find((r: any) => r.ref === ref);
    expect(req('org-1')).toMatchObject({ title: 'Beleid hebben', assessable: true, status: 'active', description: 'a. Schrijf een beleid.\nb. Laat het vaststellen.' });
    expect(req('org-1.1').title).toBe('ORG-1(1) Beleid jaarlijks herzien');
    expect(req('org-2').description).toBe('Leg de rollen vast en herzie ze elke [termijn].');
    expect(req('org-3')).toMatchObject({ status: 'moved', replacedBy: 'org-2' });
    expect(req('tec-2.2')).toMatchObject({ status: 'removed', replacedBy: null });
    expect(req('tec-net')).toMatchObject({ assessable: false });

    const again = await oscal(catalog, 'mode=import');
    expect(again.body).toMatchObject({ valid: true, action: 'unchanged' });
    const events = (await root.get('/api/v1/audit-events?entityType=framework')).body.items.filter((e: any) => e.entityId === 'oscal:testcatalogus-weerbaar');
    expect(events).toHaveLength(1);
  });

  it('a profile becomes a framework with just the selected controls of a catalog in the library', async () => {
    const profile = fixture('oscal-profile.json');
    const preview = await oscal(profile);
    expect(preview.body).toMatchObject({ format: 'oscal-profile', valid: true, package: { id: 'oscal:testprofiel-basis', version: '1.0.0' }, counts: { nodes: 8, assessable: 5 } });
    expect(preview.body.warnings.map((w: any) => w.path)).toContain('$.profile.merge');
    const imported = await oscal(profile, 'mode=import');
    expect(imported.body.action).toBe('created');
    const f = (await ciso.get('/api/v1/frameworks/oscal:testprofiel-basis')).body;
    // with-child-controls brings org-1.1 and tec-2.1; tec-2.2 is excluded; tec-1* matches tec-1
    expect(f.requirements.map((r: any) => r.ref)).toEqual(['org', 'org-1', 'org-1.1', 'tec', 'tec-net', 'tec-1', 'tec-2', 'tec-2.1']);
    expect(f.requirements.find((r: any) => r.ref === 'org-1.1').title).toBe('ORG-1(1) Beleid jaarlijks herzien');
    expect((await oscal(profile, 'mode=import')).body.action).toBe('unchanged');
  });

  it('a profile and its catalog in one body import together; ?catalog= and unknown ids are explicit', async () => {
    const catalog = JSON.parse(fixture('oscal-catalog.json')).catalog;
    catalog.metadata.title = 'Tweede testcatalogus';
    const profile = JSON.parse(fixture('oscal-profile.json')).profile;
    const bundle = await oscal({ catalog, profile }, 'mode=import&id=test:profiel-bundel');
    expect(bundle.body).toMatchObject({ valid: true, package: { id: 'oscal:tweede-testcatalogus' } });
    expect(bundle.body.packages.map((p: any) => `${p.id}:${p.action}`)).toEqual(['oscal:tweede-testcatalogus:created', 'test:profiel-bundel:created']);
    expect((await ciso.get('/api/v1/frameworks/test:profiel-bundel')).body.requirements).toHaveLength(8);

    // two catalogs now hold org-1 and tec-2: the profile must say which one
    const ambiguous = await oscal({ profile });
    expect(ambiguous.body.valid).toBe(false);
    expect(ambiguous.body.problems).toEqual([expect.objectContaining({ path: '$.profile.imports[0].href', message: expect.stringMatching(/meerdere raamwerken.*\?catalog=/) })]);
    const chosen = await oscal({ profile }, 'catalog=oscal:tweede-testcatalogus&id=test:gekozen');
    expect(chosen.body).toMatchObject({ valid: true, counts: { assessable: 5 } });

    const unknown = structuredClone(profile);
    unknown.imports[0]['include-controls'][0]['with-ids'] = ['org-1', 'zz-9', 'tec'];
    const bad = await oscal({ profile: unknown }, 'catalog=oscal:tweede-testcatalogus&mode=import&id=test:fout');
    expect(bad.body).toMatchObject({ valid: false, action: null });
    expect(bad.body.problems).toEqual([
      expect.objectContaining({ path: '$.profile.imports[0].include-controls[0].with-ids[1]', message: expect.stringContaining('"zz-9" staat niet in catalogus') }),
      expect.objectContaining({ path: '$.profile.imports[0].include-controls[0].with-ids[2]', message: expect.stringContaining('groep') }),
    ]);
    expect(await exists('/api/v1/frameworks/test:fout')).toBe(false);

    const includeAll = { ...profile, imports: [{ href: 'https://example.org/onbekend.json', 'include-all': {} }] };
    const lost = await oscal({ profile: includeAll });
    expect(lost.body.problems).toEqual([expect.objectContaining({ path: '$.profile.imports[0].href', message: expect.stringContaining('?catalog=') })]);
  });

  it('bad OSCAL files import nothing and name the JSON path', async () => {
    const base = JSON.parse(fixture('oscal-catalog.json'));
    const variant = (change: (c: any) => void) => {
      const c = structuredClone(base);
      c.catalog.metadata.title = 'Kapotte catalogus';
      change(c.catalog);
      return c;
    };
    const schema = await oscal(variant((c) => delete c.groups[0].controls[1].title), 'mode=import');
    expect(schema.status).toBe(200);
    expect(schema.body).toMatchObject({ valid: false, action: null });
    expect(paths(schema)).toEqual(['$.catalog.groups[0].controls[1].title']);

    const duplicate = await oscal(variant((c) => (c.groups[1].groups[0].controls[0].id = 'org-2')), 'mode=import');
    expect(duplicate.body.problems).toEqual([
      expect.objectContaining({ path: '$.catalog.groups[1].groups[0].controls[0].id', message: 'id "org-2" komt al voor op $.catalog.groups[0].controls[0]' }),
    ]);
    const badRef = await oscal(variant((c) => (c.groups[1].groups[0].controls[0].id = 'tec 1!')), 'mode=import');
    expect(paths(badRef)).toEqual(['$.catalog.groups[1].groups[0].controls[0].id']);
    const moved = await oscal(variant((c) => (c.groups[0].controls[2].links[0].href = '#nergens')), 'mode=import');
    expect(moved.body.problems).toEqual([expect.objectContaining({ path: '$.catalog.groups[0].controls[2].links[0].href', message: expect.stringContaining('"nergens"') })]);
    expect(await exists('/api/v1/frameworks/oscal:kapotte-catalogus')).toBe(false);

    const syntax = await oscal('{\n  "catalog": {\n    "uuid": "x",\n    "metadata" {}\n  }\n}', 'mode=import');
    expect(syntax.status).toBe(400);
    expect(syntax.headers['content-type']).toContain('application/problem+json');
    expect(syntax.body.detail).toMatch(/geen geldige JSON \(regel 4, kolom \d+\)/);
    const notOscal = await oscal({ kind: 'framework', nodes: [] }, 'mode=import');
    expect(notOscal.status).toBe(400);
    expect(notOscal.body.detail).toMatch(/geen OSCAL-catalogus of -profiel/);
    expect((await oscal('', 'mode=import')).status).toBe(400);
    expect((await root.get('/api/v1/frameworks')).body.items.map((x: any) => x.id)).not.toContain('oscal:kapotte-catalogus');
  });

  it('only an installation administrator imports, and only JSON goes to the OSCAL route', async () => {
    expect((await send(ciso, '/api/v1/library/import/oscal?mode=import', fixture('oscal-catalog.json'), 'application/json')).status).toBe(403);
    const plain = await send(root, '/api/v1/library/import/oscal', fixture('oscal-catalog.json'), 'text/plain');
    expect(plain.status).toBe(415);
    expect(plain.body.detail).toContain('application/json');
    const yamlToOscal = await send(root, '/api/v1/library/import/oscal', 'a: 1', 'application/yaml');
    expect(yamlToOscal.status).toBe(415);
  });
});

describe('CISO Assistant library YAML', () => {
  it('imports a framework with its library metadata, and re-importing changes nothing', async () => {
    const text = fixture('ciso-framework.yaml');
    const preview = await yaml(text);
    expect(preview.body).toMatchObject({ format: 'ciso-assistant', valid: true, package: { id: 'testlib:demo-norm', kind: 'framework', version: '3.0.0' }, counts: { nodes: 5, assessable: 3 } });
    expect(preview.body.warnings).toEqual([expect.objectContaining({ path: expect.stringMatching(/^regel 17 \(objects.reference_controls\)/), line: 17 })]);
    const imported = await yaml(text, 'mode=import', 'text/yaml');
    expect(imported.body.action).toBe('created');
    const f = (await ciso.get('/api/v1/frameworks/testlib:demo-norm')).body;
    expect(f).toMatchObject({ name: 'Demo norm', title: { nl: 'Demonorm', en: 'Demo norm' }, provider: 'Demo Standards Body', licence: 'Made-up content, CC0-1.0', attribution: 'Made-up content, CC0-1.0', language: 'en', description: 'Demo requirements' });
    expect(f.requirements.map((r: any) => `${r.ref}<${r.parentRef ?? ''}`)).toEqual(['GOV<', 'GOV.1<GOV', 'GOV.2<GOV', 'OPS<', 'ops.1<OPS']);
    expect(f.requirements.find((r: any) => r.ref === 'GOV.1')).toMatchObject({ title: 'Rollen vastgelegd', description: 'Roles are written down.' });
    // ref_id 5.10 stays "5.10" (not the number 5.1); it differs from the urn, so the urn's end is the ref
    expect(f.requirements.find((r: any) => r.ref === 'ops.1').title).toBe('5.10 Backups are tested every quarter, and the result is recorded.');
    expect((await yaml(text, 'mode=import')).body.action).toBe('unchanged');
  });

  it('imports a mapping set to frameworks in the library, skipping not_related rows', async () => {
    const text = fixture('ciso-mapping.yaml');
    const preview = await yaml(text);
    expect(preview.body).toMatchObject({ valid: true, package: { id: 'testlib:mapping:demo-norm-to-nis', kind: 'mapping', version: '1.0.0' }, counts: { rows: 2 } });
    expect(preview.body.warnings).toEqual([expect.objectContaining({ message: '1 regel(s) met relatie not_related overgeslagen' })]);
    expect((await yaml(text, 'mode=import')).body.action).toBe('created');
    const set = (await ciso.get('/api/v1/mapping-sets/testlib:mapping:demo-norm-to-nis')).body;
    expect(set).toMatchObject({ source: 'testlib:demo-norm', target: 'test:nis', rowCount: 2 });
    expect(set.rows).toEqual([
      { source: 'GOV.1', target: '21.2.a', relationship: 'subset', strength: 6, rationale: 'semantic: Roles are part of the risk policy.' },
      { source: 'ops.1', target: '21.2.b', relationship: 'intersect', strength: 5, rationale: 'functional' },
    ]);
    expect((await yaml(text, 'mode=import')).body.action).toBe('unchanged');
  });

  it('bad YAML files import nothing and name the line', async () => {
    const good = fixture('ciso-framework.yaml').replace('urn:testlib:risk:framework:demo-norm', 'urn:testlib:risk:framework:kapot');
    const syntax = await yaml(good.replace('    - urn: urn:testlib:risk:req_node:demo-norm:gov.2', '    - urn: [urn:testlib:risk:req_node:demo-norm:gov.2'), 'mode=import');
    expect(syntax.status).toBe(400);
    expect(syntax.body.detail).toMatch(/geen geldige YAML \(regel \d+, kolom \d+\)/);
    expect(syntax.body.errors[0].path).toMatch(/^regel \d+, kolom \d+$/);

    const unknownParent = good.replace('parent_urn: urn:testlib:risk:req_node:demo-norm:ops', 'parent_urn: urn:testlib:risk:req_node:demo-norm:nope');
    const parent = await yaml(unknownParent, 'mode=import');
    expect(parent.body).toMatchObject({ valid: false, action: null });
    const parentLine = lineOf(unknownParent, 'demo-norm:nope');
    expect(parent.body.problems).toEqual([
      expect.objectContaining({ path: `regel ${parentLine} (objects.framework.requirement_nodes[4].parent_urn)`, line: parentLine, message: expect.stringContaining('onbekende parent_urn') }),
    ]);

    const dupText = good.replace('urn: urn:testlib:risk:req_node:demo-norm:gov.2', 'urn: urn:testlib:risk:req_node:demo-norm:gov.1');
    const dup = await yaml(dupText, 'mode=import');
    const dupLine = lineOf(dupText, 'urn: urn:testlib:risk:req_node:demo-norm:gov.1', 2);
    expect(dup.body.problems).toEqual([expect.objectContaining({ line: dupLine, message: expect.stringMatching(/komt al voor \(regel \d+/) })]);

    const schemaText = good.replace('    name: Demo norm\n    description: Demo requirements', '    name: Demo norm\n    description: Demo requirements\n    requirement_nodes_extra: 1').replace(/      depth: 2\n      parent_urn: urn:testlib:risk:req_node:demo-norm:gov\n      ref_id: GOV.2/, '      depth: two\n      parent_urn: urn:testlib:risk:req_node:demo-norm:gov\n      ref_id: GOV.2');
    const schema = await yaml(schemaText, 'mode=import');
    expect(schema.body.problems).toEqual([expect.objectContaining({ line: lineOf(schemaText, 'depth: two'), path: expect.stringContaining('requirement_nodes[2].depth') })]);
    expect(await exists('/api/v1/frameworks/testlib:kapot')).toBe(false);

    const mapping = fixture('ciso-mapping.yaml').replace('urn:test:risk:req_node:nis:21.2.a', 'urn:test:risk:req_node:nis:21.9.z').replace('demo-norm-to-nis\n    name', 'demo-norm-to-nis-2\n    name');
    const unknownUrn = await yaml(mapping, 'mode=import');
    expect(unknownUrn.body).toMatchObject({ valid: false, action: null });
    expect(unknownUrn.body.problems).toEqual([
      expect.objectContaining({ line: lineOf(mapping, '21.9.z'), message: 'onbekende eis "urn:test:risk:req_node:nis:21.9.z" in test:nis' }),
    ]);
    const noFramework = await yaml(fixture('ciso-mapping.yaml').replace('urn:test:risk:framework:nis', 'urn:test:risk:framework:bestaat-niet'));
    expect(noFramework.body.problems).toEqual([expect.objectContaining({ line: lineOf(fixture('ciso-mapping.yaml'), 'target_framework_urn'), message: expect.stringContaining('test:bestaat-niet') })]);

    const notLibrary = await yaml('gewoon wat tekst', 'mode=import');
    expect(notLibrary.status).toBe(400);
    expect(notLibrary.body.detail).toMatch(/geen CISO Assistant-bibliotheek/);
    const nothing = await yaml('urn: urn:x:risk:library:y\nname: Y\nversion: 1\nobjects:\n  threats: []\n', 'mode=import');
    expect(nothing.status).toBe(400);
    expect((await root.get('/api/v1/mapping-sets')).body.items.map((s: any) => s.id)).not.toContain('testlib:mapping:demo-norm-to-nis-2');
  });

  it('only an installation administrator imports', async () => {
    expect((await send(ciso, '/api/v1/library/import/ciso-assistant?mode=import', fixture('ciso-framework.yaml'), 'application/yaml')).status).toBe(403);
  });
});

describe('XLSX template', () => {
  const template = async () => {
    const res = await t.app.inject({ url: '/api/v1/library/import/template.xlsx', headers: { cookie: root.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  };
  const filled = async (change?: (wb: ExcelJS.Workbook) => void) => {
    const wb = await template();
    const fw = wb.getWorksheet('Framework')!;
    const values: Record<string, string> = {
      id: 'gemeentex:cloudbeleid',
      version: '1.0.0',
      'title nl': 'Cloudbeleid Gemeente X',
      'title en': 'Cloud policy',
      provider: 'Gemeente X',
      licence: 'EUPL-1.2',
      attribution: 'Gemeente X',
      language: 'nl',
    };
    fw.eachRow((row, n) => {
      const key = String(row.getCell(1).value ?? '');
      if (n > 1 && values[key] !== undefined) row.getCell(2).value = values[key];
    });
    const req = wb.getWorksheet('Eisen')!;
    req.addRows([
      ['C', null, 'Cloud', null, null],
      ['C.1', 'C', 'Exit-strategie vastgelegd', 'Voor elke clouddienst.', 'ja', 'active', null, '5.23', true, null],
      ['C.2', 'C', 'Data in de EU', null, null, null, null, null, 'nee', 'AVG art. 44'],
      ['C.3', 'C', 'Oude eis', null, 'ja', 'moved', 'C.1'],
    ]);
    const map = wb.getWorksheet('Koppelingen')!;
    map.addRows([
      ['C.1', 'test:nis', '21.2.a', 'subset', 4, 'Exit-strategie is een deel van het risicobeleid.'],
      ['C.2', 'test:alpha', '5.1.01', 'intersect', 3, 'Overlapt met het beleid.'],
    ]);
    change?.(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('serves an empty template with headers, an explanation and drop-down lists', async () => {
    const wb = await template();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Framework', 'Eisen', 'Koppelingen', 'Toelichting']);
    expect((wb.getWorksheet('Eisen')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'ref', 'parent', 'title', 'description', 'assessable', 'status', 'replacedBy', 'isoControl', 'cbwScope', 'legalReference',
    ]);
    expect(wb.getWorksheet('Eisen')!.rowCount).toBe(1);
    expect(wb.getWorksheet('Eisen')!.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"active,removed,moved"'] });
    expect(wb.getWorksheet('Koppelingen')!.getCell('E7').dataValidation).toMatchObject({ type: 'whole' });
    expect(String(wb.getWorksheet('Toelichting')!.getCell('B2').value)).toContain('Alles of niets');
  });

  it('imports a filled-in template with its mapping rows, and re-importing changes nothing', async () => {
    const file = await filled();
    const preview = await xlsx(file);
    expect(preview.body).toMatchObject({ format: 'xlsx', valid: true, package: { id: 'gemeentex:cloudbeleid', version: '1.0.0' }, counts: { nodes: 4, assessable: 3 }, problems: [] });
    expect(preview.body.packages.map((p: any) => `${p.id} ${p.counts.rows ?? p.counts.nodes}`)).toEqual([
      'gemeentex:cloudbeleid 4',
      'gemeentex:mapping:cloudbeleid-test-nis 1',
      'gemeentex:mapping:cloudbeleid-test-alpha 1',
    ]);
    const imported = await xlsx(file, 'mode=import');
    expect(imported.body.packages.map((p: any) => p.action)).toEqual(['created', 'created', 'created']);
    const f = (await ciso.get('/api/v1/frameworks/gemeentex:cloudbeleid')).body;
    expect(f).toMatchObject({ name: 'Cloudbeleid Gemeente X', title: { nl: 'Cloudbeleid Gemeente X', en: 'Cloud policy' }, origin: 'import' });
    expect(f.requirements.find((r: any) => r.ref === 'C.1')).toMatchObject({ description: 'Voor elke clouddienst.', isoControl: '5.23', cbwScope: true, status: 'active' });
    expect(f.requirements.find((r: any) => r.ref === 'C.2')).toMatchObject({ assessable: true, cbwScope: false, legalReference: 'AVG art. 44' });
    expect(f.requirements.find((r: any) => r.ref === 'C.3')).toMatchObject({ status: 'moved', replacedBy: 'C.1' });
    expect((await ciso.get('/api/v1/mapping-sets/gemeentex:mapping:cloudbeleid-test-nis')).body.rows).toEqual([
      { source: 'C.1', target: '21.2.a', relationship: 'subset', strength: 4, rationale: 'Exit-strategie is een deel van het risicobeleid.' },
    ]);
    expect((await xlsx(file, 'mode=import')).body.packages.map((p: any) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('a bad template imports nothing and names sheet and cell', async () => {
    const broken = await filled((wb) => {
      const fw = wb.getWorksheet('Framework')!;
      fw.getCell('B2').value = 'gemeentex:kapot';
      const req = wb.getWorksheet('Eisen')!;
      req.getCell('C3').value = null; // title of C.1
      req.getCell('A5').value = 'C.1'; // duplicate ref
      req.addRow(['C.9', 'X', 'Onder een onbekende ouder']);
      req.getCell('E4').value = 'misschien';
      wb.getWorksheet('Koppelingen')!.getCell('C2').value = '21.9.z';
    });
    const r = await xlsx(broken, 'mode=import');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ valid: false, action: null });
    expect(r.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'Eisen!C3', sheet: 'Eisen', cell: 'C3', message: 'titel ontbreekt' }),
        expect.objectContaining({ path: 'Eisen!A5', message: 'ref "C.1" staat al op rij 3' }),
        expect.objectContaining({ path: 'Eisen!B6', message: 'ouder "X" bestaat niet' }),
        expect.objectContaining({ path: 'Eisen!E4', message: '"misschien" is geen ja of nee' }),
      ]),
    );
    expect(await exists('/api/v1/frameworks/gemeentex:kapot')).toBe(false);

    // a valid framework whose mapping points at a requirement that does not exist
    const mapping = await filled((wb) => {
      wb.getWorksheet('Framework')!.getCell('B2').value = 'gemeentex:kapot';
      wb.getWorksheet('Koppelingen')!.getCell('C2').value = '21.9.z';
    });
    const m = await xlsx(mapping, 'mode=import');
    expect(m.body.problems).toEqual([expect.objectContaining({ path: 'Koppelingen!C2', message: expect.stringContaining('"21.9.z" bestaat niet in test:nis') })]);
    expect(await exists('/api/v1/frameworks/gemeentex:kapot')).toBe(false);

    const missing = await filled((wb) => {
      wb.getWorksheet('Framework')!.getCell('B2').value = null;
    });
    expect((await xlsx(missing)).body.problems).toEqual([expect.objectContaining({ path: 'Framework!B2', message: 'id ontbreekt' })]);
  });

  it('files that are not the template are refused with a clear reason', async () => {
    const text = await xlsx(Buffer.from('dit is geen spreadsheet'), 'mode=import');
    expect(text.status).toBe(400);
    expect(text.body.detail).toMatch(/geen zip-bestand/);
    const notXlsx = await xlsx(storedZip('readme.txt', 'hallo'), 'mode=import');
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.detail).toMatch(/geen Excel-werkmap \(.xlsx\): er staan geen werkbladen in/);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Blad1').addRow(['iets']);
    const wrong = await xlsx(Buffer.from(await other.xlsx.writeBuffer()), 'mode=import');
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toMatch(/niet het Weerbaar-sjabloon.*"Framework" en "Eisen"/);
    expect((await send(ciso, '/api/v1/library/import/xlsx?mode=import', await filled(), XLSX)).status).toBe(403);
  });
});

describe('request handling of the import routes', () => {
  it('documents the routes, refuses a missing or oversized body, and leaves JSON elsewhere untouched', async () => {
    const doc = (await root.get('/api/v1/openapi.json')).body;
    for (const p of ['/library/import/oscal', '/library/import/ciso-assistant', '/library/import/xlsx', '/library/import/template.xlsx', '/organisations/{org}/requirement-texts', '/organisations/{org}/requirement-texts/import']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/library/import/xlsx', headers: { cookie: root.cookie, 'x-csrf-token': root.csrf } });
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toMatch(/Stuur het bestand mee/);
    const huge = await xlsx(Buffer.alloc(11 * 1024 * 1024, 1), 'mode=import');
    expect(huge.status).toBe(413);
    // the global JSON parser and body limit still apply outside this plugin
    expect((await root.post('/api/v1/library/import?mode=preview', { id: 'x' })).body).toMatchObject({ valid: false });
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations/alpha/measures',
      headers: { cookie: ciso.cookie, 'x-csrf-token': ciso.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(300 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
  });
});
