import ExcelJS from 'exceljs';
import { unreadable, type Converted, type ImportProblem, type Location } from './common.js';
import { cellText, columnLetter, findSheet, loadWorkbook } from './xlsx.js';

/**
 * Weerbaar's own XLSX template (docs/decisions/0011-importers.md): sheet "Framework" with one field
 * per row, sheet "Eisen" with one requirement per row, optional sheet "Koppelingen" with mapping
 * rows to frameworks in the library. Every problem names sheet and cell ("Eisen!C14").
 */

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');

interface FieldSpec {
  key: string;
  aliases: string[];
  required: boolean;
  help: string;
}
const FRAMEWORK_FIELDS: FieldSpec[] = [
  { key: 'id', aliases: [], required: true, help: 'Vaste code in de vorm uitgever:naam, kleine letters (bijvoorbeeld gemeentex:cloudbeleid). Verandert nooit.' },
  { key: 'version', aliases: ['versie'], required: true, help: 'Versie van de inhoud als x.y.z (bijvoorbeeld 1.0.0). Verhoog bij elke wijziging.' },
  { key: 'name', aliases: ['naam'], required: false, help: 'Korte naam (standaard de Nederlandse titel).' },
  { key: 'title nl', aliases: ['titel nl', 'titel', 'title'], required: true, help: 'Titel in het Nederlands.' },
  { key: 'title en', aliases: ['titel en'], required: false, help: 'Titel in het Engels (optioneel).' },
  { key: 'provider', aliases: ['uitgever', 'eigenaar', 'aanbieder'], required: true, help: 'Wie de norm of wet uitgeeft.' },
  { key: 'licence', aliases: ['license', 'licentie'], required: true, help: 'Licentie van deze inhoud (SPDX-code, bijvoorbeeld EUPL-1.2 of CC-BY-4.0).' },
  { key: 'attribution', aliases: ['bronvermelding', 'naamsvermelding'], required: false, help: 'Tekst die bij de inhoud getoond moet worden (optioneel).' },
  { key: 'language', aliases: ['taal'], required: false, help: 'Taal van de titels: nl (standaard) of en.' },
  { key: 'description', aliases: ['omschrijving', 'beschrijving'], required: false, help: 'Eén tot drie zinnen: wat erin staat en wat niet (optioneel).' },
];

interface ColumnSpec {
  key: string;
  aliases: string[];
  required: boolean;
  help: string;
  width: number;
}
const REQUIREMENT_COLUMNS: ColumnSpec[] = [
  { key: 'ref', aliases: ['nummer', 'code', 'nr'], required: true, help: 'Unieke code van de eis (letters, cijfers, punt, streep), bijvoorbeeld 5.15.01.', width: 12 },
  { key: 'parent', aliases: ['ouder', 'bovenliggend'], required: false, help: 'Code van de bovenliggende rij; die moet hoger in het blad staan. Leeg voor een hoofdstuk.', width: 12 },
  { key: 'title', aliases: ['titel'], required: true, help: 'Korte titel in eigen woorden.', width: 50 },
  { key: 'description', aliases: ['omschrijving', 'beschrijving', 'toelichting'], required: false, help: 'Toelichting (optioneel).', width: 60 },
  { key: 'assessable', aliases: ['beoordeelbaar'], required: false, help: 'ja of nee. Leeg: ja als er geen rijen onder hangen. Alleen rijen zonder onderliggende rijen zijn beoordeelbaar.', width: 14 },
  { key: 'status', aliases: [], required: false, help: 'active (standaard), removed (vervallen) of moved (verplaatst; vul dan replacedBy).', width: 12 },
  { key: 'replacedBy', aliases: ['vervangen door', 'vervangendoor'], required: false, help: 'Bij moved: de code van de eis die deze vervangt.', width: 14 },
  { key: 'isoControl', aliases: ['iso', 'iso control', 'isobeheersmaatregel'], required: false, help: 'Bijbehorende ISO/IEC 27002:2022-beheersmaatregel, bijvoorbeeld 5.15 (optioneel).', width: 12 },
  { key: 'cbwScope', aliases: ['cbw', 'cbw scope'], required: false, help: 'ja of nee: valt onder de Cyberbeveiligingswet (optioneel).', width: 12 },
  { key: 'legalReference', aliases: ['wettelijke grondslag', 'wetsartikel', 'grondslag'], required: false, help: 'Wettelijke grondslag, bijvoorbeeld NIS2 art. 21 lid 2 onder a (optioneel).', width: 30 },
];
const MAPPING_COLUMNS: ColumnSpec[] = [
  { key: 'source', aliases: ['bron', 'eis'], required: true, help: 'Code van een eis uit het blad Eisen.', width: 12 },
  { key: 'targetFramework', aliases: ['doelraamwerk', 'raamwerk'], required: true, help: 'Id van een raamwerk in de bibliotheek, bijvoorbeeld weerbaar:bio2.', width: 24 },
  { key: 'target', aliases: ['doel', 'doeleis'], required: true, help: 'Code van de eis in dat raamwerk.', width: 12 },
  { key: 'relationship', aliases: ['relatie'], required: true, help: 'equal, subset (dekt een deel van het doel), superset (dekt het doel en meer) of intersect.', width: 14 },
  { key: 'strength', aliases: ['sterkte'], required: true, help: 'Sterkte 1–10 (10 = gelijkwaardig).', width: 10 },
  { key: 'rationale', aliases: ['onderbouwing', 'motivering'], required: true, help: 'Waarom: onderbouwing in eigen woorden.', width: 60 },
];

const SHEETS = { framework: ['Framework', 'Raamwerk'], requirements: ['Eisen', 'Requirements'], mappings: ['Koppelingen', 'Mappings'] };

const MAX_ROWS = 20_000;

type Row = { row: number; cells: Record<string, { text: string; address: string; raw: unknown }> };

/** Header row 1 → column per key; data rows below. */
function readTable(ws: ExcelJS.Worksheet, specs: ColumnSpec[], problems: ImportProblem[]): { columns: Map<string, number>; rows: Row[] } {
  const columns = new Map<string, number>();
  const header = ws.getRow(1);
  for (let c = 1; c <= Math.max(ws.columnCount, header.cellCount); c++) {
    const text = norm(cellText(header.getCell(c)));
    if (!text) continue;
    const spec = specs.find((s) => norm(s.key) === text || s.aliases.some((a) => norm(a) === text));
    if (!spec) continue;
    if (columns.has(spec.key)) problems.push({ path: `${ws.name}!${columnLetter(c)}1`, message: `kolom "${spec.key}" staat er twee keer`, sheet: ws.name, cell: `${columnLetter(c)}1` });
    else columns.set(spec.key, c);
  }
  for (const s of specs) {
    if (s.required && !columns.has(s.key)) problems.push({ path: `${ws.name}!A1`, message: `kolom "${s.key}" ontbreekt in de kopregel`, sheet: ws.name, cell: 'A1' });
  }
  const rows: Row[] = [];
  if (ws.rowCount > MAX_ROWS + 1) problems.push({ path: `${ws.name}!A${MAX_ROWS + 2}`, message: `meer dan ${MAX_ROWS} rijen`, sheet: ws.name, cell: `A${MAX_ROWS + 2}` });
  for (let r = 2; r <= Math.min(ws.rowCount, MAX_ROWS + 1); r++) {
    const row = ws.getRow(r);
    const cells: Row['cells'] = {};
    let any = false;
    for (const [key, c] of columns) {
      const cell = row.getCell(c);
      const text = cellText(cell);
      if (text) any = true;
      cells[key] = { text, address: `${columnLetter(c)}${r}`, raw: cell.value };
    }
    if (any) rows.push({ row: r, cells });
  }
  return { columns, rows };
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);
const STATUS: Record<string, 'active' | 'removed' | 'moved'> = { active: 'active', actief: 'active', removed: 'removed', vervallen: 'removed', moved: 'moved', verplaatst: 'moved' };

export async function convertXlsxTemplate(body: Buffer): Promise<Converted> {
  const wb = await loadWorkbook(body);
  const fwSheet = findSheet(wb, SHEETS.framework);
  const reqSheet = findSheet(wb, SHEETS.requirements);
  if (!fwSheet || !reqSheet) {
    const missing = [!fwSheet ? '"Framework"' : null, !reqSheet ? '"Eisen"' : null].filter(Boolean).join(' en ');
    throw unreadable(`Deze werkmap is niet het Weerbaar-sjabloon: het blad ${missing} ontbreekt. Download het sjabloon via /api/v1/library/import/template.xlsx.`);
  }
  const problems: ImportProblem[] = [];
  const at = (sheet: ExcelJS.Worksheet, address: string): Location => ({ path: `${sheet.name}!${address}`, sheet: sheet.name, cell: address });
  const problem = (sheet: ExcelJS.Worksheet, address: string, message: string) => problems.push({ ...at(sheet, address), message });

  // Framework: key in column A, value in column B
  const fields = new Map<string, { value: string; row: number }>();
  for (let r = 1; r <= Math.min(fwSheet.rowCount, 200); r++) {
    const row = fwSheet.getRow(r);
    const key = norm(cellText(row.getCell(1)));
    if (!key || key === 'veld' || key === 'field') continue;
    const spec = FRAMEWORK_FIELDS.find((f) => norm(f.key) === key || f.aliases.some((a) => norm(a) === key));
    if (!spec) {
      problem(fwSheet, `A${r}`, `onbekend veld "${cellText(row.getCell(1))}"`);
      continue;
    }
    if (fields.has(spec.key)) {
      problem(fwSheet, `A${r}`, `veld "${spec.key}" staat al op rij ${fields.get(spec.key)!.row}`);
      continue;
    }
    fields.set(spec.key, { value: cellText(row.getCell(2)), row: r });
  }
  for (const f of FRAMEWORK_FIELDS) {
    if (!f.required) continue;
    const got = fields.get(f.key);
    if (!got) problem(fwSheet, 'A1', `veld "${f.key}" ontbreekt`);
    else if (!got.value) problem(fwSheet, `B${got.row}`, `${f.key} ontbreekt`);
  }
  const v = (key: string) => fields.get(key)?.value || undefined;
  const fieldCell = (key: string) => (fields.has(key) ? at(fwSheet, `B${fields.get(key)!.row}`) : at(fwSheet, 'A1'));

  // Eisen
  const reqTable = readTable(reqSheet, REQUIREMENT_COLUMNS, problems);
  const seen = new Map<string, number>();
  const nodes: Record<string, unknown>[] = [];
  const nodeRows: number[] = [];
  const parents = new Set(reqTable.rows.map((r) => r.cells.parent?.text).filter(Boolean));
  for (const { row, cells } of reqTable.rows) {
    const c = (key: string) => cells[key] ?? { text: '', address: `${columnLetter(reqTable.columns.get(key) ?? 1)}${row}`, raw: null };
    const ref = c('ref').text;
    if (!ref) problem(reqSheet, c('ref').address, 'ref ontbreekt');
    else if (seen.has(ref)) problem(reqSheet, c('ref').address, `ref "${ref}" staat al op rij ${seen.get(ref)}`);
    const parent = c('parent').text || null;
    if (parent && !seen.has(parent)) {
      const later = reqTable.rows.some((x) => x.cells.ref?.text === parent);
      problem(reqSheet, c('parent').address, later ? `ouder "${parent}" staat pas lager in het blad; een ouder moet hoger staan` : `ouder "${parent}" bestaat niet`);
    }
    if (!c('title').text) problem(reqSheet, c('title').address, 'titel ontbreekt');
    const bool = (key: string): boolean | null | undefined => {
      const cell = c(key);
      if (typeof cell.raw === 'boolean') return cell.raw;
      const t = cell.text.toLowerCase();
      if (!t) return undefined;
      if (YES.has(t)) return true;
      if (NO.has(t)) return false;
      problem(reqSheet, cell.address, `"${cell.text}" is geen ja of nee`);
      return null;
    };
    const assessable = bool('assessable') ?? !parents.has(ref);
    const statusText = c('status').text.toLowerCase();
    const status = statusText ? STATUS[statusText] : undefined;
    if (statusText && !status) problem(reqSheet, c('status').address, `onbekende status "${c('status').text}" (active, removed of moved)`);
    const cbw = bool('cbwScope');
    if (ref && !seen.has(ref)) seen.set(ref, row);
    nodes.push({
      ref,
      parent,
      title: c('title').text,
      assessable,
      ...(assessable ? { status: status ?? 'active' } : status ? { status } : {}),
      replacedBy: c('replacedBy').text || null,
      isoControl: c('isoControl').text || null,
      cbwScope: cbw ?? null,
      legalReference: c('legalReference').text || null,
      description: c('description').text || null,
    });
    nodeRows.push(row);
  }
  if (reqTable.columns.size && !nodes.length) problem(reqSheet, 'A2', 'het blad bevat geen eisen');

  const titleNl = v('title nl');
  const framework = {
    id: v('id'),
    kind: 'framework',
    version: v('version'),
    name: v('name') ?? titleNl?.slice(0, 100),
    title: { nl: titleNl, ...(v('title en') ? { en: v('title en') } : {}) },
    provider: v('provider'),
    packager: null,
    licence: v('licence'),
    attribution: v('attribution') ?? null,
    language: v('language') ?? 'nl',
    description: v('description') ?? null,
    nodes,
  };
  const packages: unknown[] = [framework];
  const locators: ((path: string) => Location)[] = [
    (path) => {
      const [head, index, field] = path.split('.');
      if (head === 'nodes' && index !== undefined && nodeRows[Number(index)] !== undefined) {
        const col = reqTable.columns.get(field ?? 'ref') ?? reqTable.columns.get('ref') ?? 1;
        return at(reqSheet, `${columnLetter(col)}${nodeRows[Number(index)]}`);
      }
      if (head === 'nodes') return at(reqSheet, 'A2');
      if (head === 'title') return fieldCell(index === 'en' ? 'title en' : 'title nl');
      if (head === 'kind' || head === 'packager') return at(fwSheet, 'A1');
      return fieldCell(head);
    },
  ];

  // Koppelingen: one mapping package per target framework
  const mapSheet = findSheet(wb, SHEETS.mappings);
  if (mapSheet) {
    const table = readTable(mapSheet, MAPPING_COLUMNS, problems);
    const byTarget = new Map<string, { rows: Record<string, unknown>[]; sheetRows: number[] }>();
    for (const { row, cells } of table.rows) {
      const c = (key: string) => cells[key] ?? { text: '', address: `A${row}`, raw: null };
      for (const key of ['source', 'targetFramework', 'target', 'relationship', 'strength', 'rationale']) {
        if (!c(key).text) problem(mapSheet, c(key).address, `${key} ontbreekt`);
      }
      const strength = Number(c('strength').text);
      const target = c('targetFramework').text;
      if (!target) continue;
      const group = byTarget.get(target) ?? { rows: [], sheetRows: [] };
      byTarget.set(target, group);
      group.rows.push({
        source: c('source').text,
        target: c('target').text,
        relationship: c('relationship').text.toLowerCase(),
        strength: Number.isFinite(strength) ? strength : c('strength').text,
        rationale: c('rationale').text,
      });
      group.sheetRows.push(row);
    }
    const id = String(framework.id ?? '');
    const [publisher, ...rest] = id.split(':');
    for (const [target, group] of byTarget) {
      packages.push({
        id: `${publisher}:mapping:${rest.join('-')}-${target.replace(/:/g, '-')}`.toLowerCase(),
        kind: 'mapping',
        version: framework.version,
        title: { nl: `${framework.name ?? id} → ${target}` },
        provider: framework.provider,
        licence: framework.licence,
        attribution: framework.attribution,
        description: null,
        source: framework.id,
        target,
        rows: group.rows,
      });
      const tableColumns = table.columns;
      locators.push((path) => {
        const [head, index, field] = path.split('.');
        if (head === 'rows' && index !== undefined && group.sheetRows[Number(index)] !== undefined) {
          return at(mapSheet, `${columnLetter(tableColumns.get(field ?? 'source') ?? 1)}${group.sheetRows[Number(index)]}`);
        }
        if (head === 'target') return at(mapSheet, `${columnLetter(tableColumns.get('targetFramework') ?? 1)}${group.sheetRows[0]}`);
        if (head === 'source' || head === 'id') return fieldCell('id');
        return locators[0](path);
      });
    }
  }
  return { format: 'xlsx', packages, locate: (i, path) => locators[i](path), problems, warnings: [] };
}

/** exceljs supports range validations ("E2:E5000") but leaves them out of its types. */
const validate = (ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation) =>
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);

/** The empty template: headers, explanation sheet and drop-down lists where the format has fixed values. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weerbaar';
  const bold = { bold: true };
  const fw = wb.addWorksheet('Framework');
  fw.columns = [
    { header: 'Veld', width: 16 },
    { header: 'Waarde', width: 50 },
    { header: 'Toelichting', width: 90 },
  ];
  for (const f of FRAMEWORK_FIELDS) fw.addRow([f.key, null, `${f.required ? 'Verplicht. ' : ''}${f.help}`]);
  fw.getRow(1).font = bold;
  validate(fw, `B${FRAMEWORK_FIELDS.findIndex((f) => f.key === 'language') + 2}`, { type: 'list', allowBlank: true, formulae: ['"nl,en"'] });

  const req = wb.addWorksheet('Eisen', { views: [{ state: 'frozen', ySplit: 1 }] });
  req.columns = REQUIREMENT_COLUMNS.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  req.getRow(1).font = bold;
  const col = (key: string) => columnLetter(REQUIREMENT_COLUMNS.findIndex((c) => c.key === key) + 1);
  const yesNo = { type: 'list' as const, allowBlank: true, formulae: ['"ja,nee"'], showErrorMessage: true, errorTitle: 'ja of nee', error: 'Kies ja of nee.' };
  validate(req, `${col('assessable')}2:${col('assessable')}5000`, yesNo);
  validate(req, `${col('cbwScope')}2:${col('cbwScope')}5000`, yesNo);
  validate(req, `${col('status')}2:${col('status')}5000`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"active,removed,moved"'],
    showErrorMessage: true,
    errorTitle: 'Status',
    error: 'Kies active, removed of moved.',
  });

  const map = wb.addWorksheet('Koppelingen', { views: [{ state: 'frozen', ySplit: 1 }] });
  map.columns = MAPPING_COLUMNS.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  map.getRow(1).font = bold;
  const mcol = (key: string) => columnLetter(MAPPING_COLUMNS.findIndex((c) => c.key === key) + 1);
  validate(map, `${mcol('relationship')}2:${mcol('relationship')}5000`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"equal,subset,superset,intersect"'],
    showErrorMessage: true,
    errorTitle: 'Relatie',
    error: 'Kies equal, subset, superset of intersect.',
  });
  validate(map, `${mcol('strength')}2:${mcol('strength')}5000`, {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [1, 10],
    showErrorMessage: true,
    errorTitle: 'Sterkte',
    error: 'Een geheel getal van 1 tot en met 10.',
  });

  const help = wb.addWorksheet('Toelichting');
  help.columns = [
    { header: 'Blad / kolom', width: 26 },
    { header: 'Uitleg', width: 110 },
  ];
  help.getRow(1).font = bold;
  help.addRows([
    ['Algemeen', 'Vul dit sjabloon in en importeer het als installatiebeheerder via de bibliotheek: eerst een voorbeeld (preview), dan importeren. Alles of niets: bij één fout wordt niets opgeslagen en noemt de foutmelding blad en cel, bijvoorbeeld "Eisen!C14: titel ontbreekt".'],
    ['Auteursrecht', 'Neem geen officiële teksten over waarvoor u geen toestemming heeft: schrijf titels in eigen woorden.'],
    ['Framework', 'Eén veld per rij: de naam in kolom A, de waarde in kolom B.'],
    ...FRAMEWORK_FIELDS.map((f) => [`Framework: ${f.key}`, `${f.required ? 'Verplicht. ' : ''}${f.help}`]),
    ['Eisen', 'Eén eis per rij, in de volgorde waarin ze getoond worden. Een hoofdstuk is een rij zonder ouder; eisen eronder noemen het hoofdstuk in de kolom parent.'],
    ...REQUIREMENT_COLUMNS.map((c) => [`Eisen: ${c.key}`, `${c.required ? 'Verplicht. ' : ''}${c.help}`]),
    ['Koppelingen', 'Optioneel: koppelingen van eisen uit dit blad naar eisen van raamwerken die al in de bibliotheek staan. Per doelraamwerk ontstaat één koppeltabel.'],
    ...MAPPING_COLUMNS.map((c) => [`Koppelingen: ${c.key}`, `${c.required ? 'Verplicht. ' : ''}${c.help}`]),
  ]);
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
