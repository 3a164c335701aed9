import type ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { assets } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { checkZip } from '../../core/xlsx/zip.js';
import { cellText, columnLetter, readWorkbook } from '../../core/xlsx/cells.js';
import { parseCsv, unguard } from '../../core/xlsx/csv.js';
import { ASSET_SHEET, COLUMNS, columnByHeader, HELP_SHEET, type Column, type ColumnKey } from './columns.js';
import { changedFields } from './manage-assets.js';
import { EMPTY, fieldsOf, normalise, type AssetRow } from './repo.js';
import { assetProblems, type AssetField, type AssetFields } from './rules.js';

/**
 * Bulk import of assets from the export's own format (XLSX or CSV). Preview reports every change per row;
 * import applies them in the request's transaction — everything or nothing. A row with an id updates that
 * asset; without one it matches on kind + name, else it is new. Problems name the sheet (XLSX) or line
 * (CSV) and the cell, in Dutch.
 */

export interface CellProblem {
  sheet?: string;
  line?: number;
  cell: string;
  message: string;
  path: string;
}

export type Format = 'xlsx' | 'csv';
type Mode = 'preview' | 'import';

interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}
interface Item {
  sheet?: string;
  line?: number;
  row: number;
  action: 'create' | 'update';
  id: string | null;
  kind: string;
  name: string;
  fields: FieldChange[];
}

export type ImportOutcome =
  | { ok: true; body: { mode: Mode; format: Format; changes: number; summary: { created: number; updated: number; unchanged: number }; errors: CellProblem[]; items: Item[] } }
  | { ok: false; detail: string; errors: CellProblem[] };

const MAX_ERRORS = 100;
const MAX_ROWS = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One data row of the file: its cells by column, with where they are. */
interface SourceRow {
  /** row number as a spreadsheet shows it (CSV: the record number, header = 1) */
  row: number;
  /** CSV: the line of the file where the record starts */
  line?: number;
  cells: Map<ColumnKey, string>;
  address: (key: ColumnKey | null) => string;
}
interface Table {
  format: Format;
  sheet?: string;
  columns: Map<ColumnKey, number>;
  rows: SourceRow[];
}

class Problems {
  list: CellProblem[] = [];
  more = 0;
  sheet?: string;
  constructor(private format: Format) {}
  add(cell: string, message: string, line?: number) {
    if (this.list.length >= MAX_ERRORS) {
      this.more++;
      return;
    }
    if (this.format === 'xlsx') this.list.push({ sheet: this.sheet ?? '', cell, message, path: this.sheet && cell ? `${this.sheet}!${cell}` : cell || 'body' });
    else this.list.push({ ...(line !== undefined ? { line } : {}), cell, message, path: line !== undefined ? `regel ${line}${cell ? ` (${cell})` : ''}` : cell || 'body' });
  }
  at(r: SourceRow, key: ColumnKey | null, message: string) {
    this.add(r.address(key), message, r.line);
  }
  get any() {
    return this.list.length > 0;
  }
  result(): CellProblem[] {
    return this.more ? [...this.list, { cell: '', message: `… en nog ${this.more} problemen`, path: 'body' }] : this.list;
  }
}

type Read = { ok: true; table: Table } | { ok: false; detail: string; errors: CellProblem[] };
const unreadable = (detail: string, message: string): Read => ({ ok: false, detail, errors: [{ cell: '', message, path: 'body' }] });

/** Maps a header row to columns; an unknown header is ignored, a header twice is a problem. */
function headerColumns(headers: string[], problems: Problems, headerAddress: (col: number) => string) {
  const columns = new Map<ColumnKey, number>();
  headers.forEach((h, i) => {
    const c = columnByHeader.get(h.trim().toLowerCase());
    if (!c) return;
    if (columns.has(c.key)) problems.add(headerAddress(i + 1), `kolom "${c.header}" staat er twee keer in`);
    else columns.set(c.key, i + 1);
  });
  return columns;
}

async function readXlsx(body: Buffer, problems: Problems): Promise<Read> {
  const zip = checkZip(body);
  if (!zip.ok) return unreadable('Het bestand is geen leesbaar XLSX-bestand.', `geen geldig XLSX-bestand: ${zip.reason}`);
  const wb = await readWorkbook(body);
  if (!wb) return unreadable('Het bestand is geen leesbaar XLSX-bestand.', 'geen geldig XLSX-bestand (Excel 2007 of nieuwer)');
  const headerTexts = (ws: ExcelJS.Worksheet) => {
    const out: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (out[col - 1] = cellText(cell.value)));
    return Array.from(out, (v) => v ?? '');
  };
  const isAssetSheet = (ws: ExcelJS.Worksheet) => {
    const h = headerTexts(ws).map((x) => x.trim().toLowerCase());
    return h.includes('soort') && h.includes('naam');
  };
  const ws = wb.worksheets.find((w) => w.name === ASSET_SHEET && isAssetSheet(w)) ?? wb.worksheets.find((w) => w.name !== HELP_SHEET && isAssetSheet(w));
  if (!ws) return unreadable('Het bestand bevat geen blad met objecten.', 'geen blad met objecten gevonden (een kopregel met in elk geval de kolommen Soort en Naam)');
  problems.sheet = ws.name;
  if (ws.rowCount > MAX_ROWS + 1) return { ok: false, detail: 'Het bestand is te groot.', errors: [{ sheet: ws.name, cell: '', message: `te veel rijen (meer dan ${MAX_ROWS})`, path: ws.name }] };
  const columns = headerColumns(headerTexts(ws), problems, (c) => ws.getCell(1, c).address);
  const rows: SourceRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = new Map<ColumnKey, string>();
    for (const [key, col] of columns) cells.set(key, cellText(row.getCell(col).value));
    if ([...cells.values()].every((v) => !v.trim())) continue;
    rows.push({ row: r, cells, address: (key) => ws.getCell(r, (key && columns.get(key)) || columns.get('name') || 1).address });
  }
  return { ok: true, table: { format: 'xlsx', sheet: ws.name, columns, rows } };
}

function readCsv(body: Buffer, problems: Problems): Read {
  const parsed = parseCsv(body, MAX_ROWS + 1);
  if (!parsed.ok) return { ok: false, detail: 'Het bestand is geen leesbaar CSV-bestand.', errors: [{ ...(parsed.line ? { line: parsed.line } : {}), cell: '', message: parsed.reason, path: parsed.line ? `regel ${parsed.line}` : 'body' }] };
  if (parsed.rows.length === 0) return unreadable('Het bestand is leeg.', 'geen kopregel gevonden');
  const [head, ...data] = parsed.rows;
  const columns = headerColumns(head.cells, problems, (c) => `${columnLetter(c)}1`);
  if (!columns.has('kind') || !columns.has('name')) {
    return unreadable('Het bestand bevat geen objecten.', 'geen kopregel met in elk geval de kolommen Soort en Naam (gescheiden door ; of ,)');
  }
  const rows: SourceRow[] = data.map((rec, i) => {
    const cells = new Map<ColumnKey, string>();
    for (const [key, col] of columns) cells.set(key, unguard(rec.cells[col - 1] ?? ''));
    const rowNo = i + 2;
    return { row: rowNo, line: rec.line, cells, address: (key) => `${columnLetter((key && columns.get(key)) || columns.get('name') || 1)}${rowNo}` };
  });
  return { ok: true, table: { format: 'csv', columns, rows: rows.filter((r) => [...r.cells.values()].some((v) => v.trim())) } };
}

function parseYesNo(s: string): boolean | null | undefined {
  const v = s.trim().toLowerCase();
  if (!v) return null;
  if (['ja', 'j', 'waar', 'true', 'yes', '1'].includes(v)) return true;
  if (['nee', 'n', 'onwaar', 'false', 'no', '0'].includes(v)) return false;
  return undefined;
}

/** The fields a row sets (only the columns present), or problems at its cells. */
function parseRow(r: SourceRow, problems: Problems): { id: string | null; ownerEmail?: string | null; fields: Partial<AssetFields> } | null {
  let ok = true;
  const bad = (key: ColumnKey, message: string) => {
    problems.at(r, key, message);
    ok = false;
  };
  const fields: Partial<AssetFields> = {};
  let id: string | null = null;
  let ownerEmail: string | null | undefined;
  for (const [key, raw] of r.cells) {
    const c = COLUMNS.find((x) => x.key === key)!;
    const text = c.type === 'longtext' ? raw.replace(/\r\n?/g, '\n') : raw.trim();
    if (key === 'id') {
      if (text && !UUID.test(text)) bad(key, `"${text}" is geen geldig id`);
      else id = text ? text.toLowerCase() : null;
      continue;
    }
    if (key === 'owner') {
      const e = text.toLowerCase();
      if (e && !EMAIL.test(e)) bad(key, `"${text}" is geen e-mailadres`);
      else ownerEmail = e || null;
      continue;
    }
    const field = key as AssetField;
    if (c.max && text.length > c.max) {
      bad(key, `te lang (maximaal ${c.max} tekens)`);
      continue;
    }
    switch (c.type) {
      case 'hours': {
        if (!text) (fields as any)[field] = null;
        else if (!/^\d+$/.test(text)) bad(key, `"${text}" is geen heel aantal uren`);
        else (fields as any)[field] = Number(text);
        break;
      }
      case 'yesno': {
        const v = parseYesNo(text);
        if (v === undefined) bad(key, `"${text}" is geen ja of nee`);
        else if (field === 'personalData') fields.personalData = v ?? false;
        else (fields as any)[field] = v;
        break;
      }
      case 'list': {
        const parts = [...new Set(text.split(/[,;\n]+/).map((x) => x.trim().toLowerCase()).filter(Boolean))];
        const unknown = parts.filter((p) => !c.values!.includes(p));
        if (unknown.length) bad(key, `onbekende categorie ${unknown.map((u) => `"${u}"`).join(', ')}; kies uit ${c.values!.join(', ')}`);
        else fields.personalDataCategories = parts;
        break;
      }
      default: {
        if (c.values) {
          const v = text.toLowerCase();
          if (v && !c.values.includes(v)) bad(key, `"${text}" is geen geldige waarde; kies uit ${c.values.join(', ')}`);
          else (fields as any)[field] = v || null;
        } else (fields as any)[field] = field === 'description' ? text : text || null;
      }
    }
  }
  if (!fields.kind) {
    if (r.cells.get('kind') !== undefined && !r.cells.get('kind')!.trim()) bad('kind', 'de soort is verplicht');
  }
  if (r.cells.has('name') && (fields.name ?? '').length < 2) bad('name', 'de naam is verplicht (minstens 2 tekens)');
  return ok ? { id, ownerEmail, fields } : null;
}

const show = (c: Column | undefined, v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.join(', ') : null;
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  void c;
  return String(v);
};

export async function importAssets(ctx: OrgCtx, body: Buffer, format: Format, mode: Mode): Promise<ImportOutcome> {
  const { tx, org, audit } = ctx;
  const problems = new Problems(format);
  const read = format === 'xlsx' ? await readXlsx(body, problems) : readCsv(body, problems);
  if (!read.ok) return read;
  const { table } = read;
  if (!table.columns.has('kind') || !table.columns.has('name')) {
    problems.add('', 'de kolommen Soort en Naam zijn verplicht');
  }
  if (problems.any) return { ok: false, detail: 'De kopregel van het bestand klopt niet; er is niets geïmporteerd.', errors: problems.result() };

  // The organisation's assets and members, once.
  const existing: AssetRow[] = await tx.select().from(assets).where(eq(assets.organisationId, org.id));
  const byId = new Map(existing.map((a) => [a.id, a]));
  const keyOf = (kind: string, name: string) => `${kind}|${name.trim().toLowerCase()}`;
  const byKey = new Map(existing.map((a) => [keyOf(a.kind, a.name), a]));
  const members = rowsOf<{ id: string; email: string }>(
    await tx.execute(sql`select u.id, lower(u.email) as email from users u join memberships m on m.user_id = u.id where m.organisation_id = ${org.id}`),
  );
  const memberByEmail = new Map(members.map((m) => [m.email, m.id]));
  const emailById = new Map(members.map((m) => [m.id, m.email]));

  interface Planned {
    r: SourceRow;
    current: AssetRow | null;
    next: AssetFields;
    changed: (keyof AssetFields)[];
  }
  const planned: Planned[] = [];
  const claimed = new Map<string, number>(); // asset id → row that updates it
  for (const r of table.rows) {
    const parsed = parseRow(r, problems);
    if (!parsed) continue;
    let current: AssetRow | null = null;
    if (parsed.id) {
      current = byId.get(parsed.id) ?? null;
      if (!current) {
        problems.at(r, 'id', `er is geen object met id ${parsed.id} in deze organisatie; laat de cel leeg voor een nieuw object`);
        continue;
      }
    } else if (parsed.fields.kind && parsed.fields.name) {
      current = byKey.get(keyOf(parsed.fields.kind, parsed.fields.name)) ?? null;
    }
    if (current) {
      const prev = claimed.get(current.id);
      if (prev) {
        problems.at(r, parsed.id ? 'id' : 'name', `dit object staat al in rij ${prev}`);
        continue;
      }
      claimed.set(current.id, r.row);
    }
    const base: AssetFields = current ? fieldsOf(current) : ({ ...EMPTY, kind: '', name: '' } as AssetFields);
    const next = normalise({ ...base, ...parsed.fields });
    if (parsed.ownerEmail !== undefined) {
      const currentEmail = base.ownerId ? (emailById.get(base.ownerId) ?? null) : null;
      if (parsed.ownerEmail === null) next.ownerId = currentEmail === null ? base.ownerId : null;
      else if (parsed.ownerEmail !== currentEmail) {
        const id = memberByEmail.get(parsed.ownerEmail);
        if (!id) {
          problems.at(r, 'owner', `${parsed.ownerEmail} is geen lid van deze organisatie`);
          continue;
        }
        next.ownerId = id;
      }
    }
    const ruleProblems = assetProblems(next);
    for (const p of ruleProblems) {
      const key: ColumnKey = p.field === 'ownerId' ? 'owner' : (p.field as ColumnKey);
      problems.at(r, table.columns.has(key) ? key : 'name', table.columns.has(key) ? p.message : `${COLUMNS.find((c) => c.key === key)?.header ?? key}: ${p.message}`);
    }
    if (ruleProblems.length) continue;
    planned.push({ r, current, next, changed: current ? changedFields(fieldsOf(current), next) : [] });
  }

  // Kind + name stays unique: assets the file does not touch, plus every row as it will be.
  const finalKeys = new Map<string, string>();
  for (const a of existing) if (!claimed.has(a.id)) finalKeys.set(keyOf(a.kind, a.name), `bestaand object "${a.name}"`);
  for (const p of planned) {
    const k = keyOf(p.next.kind, p.next.name);
    const other = finalKeys.get(k);
    if (other) problems.at(p.r, 'name', `er is al een ${p.next.kind} met deze naam (${other})`);
    else finalKeys.set(k, `rij ${p.r.row}`);
  }

  if (problems.any) {
    return { ok: false, detail: `Het bestand bevat fouten; er is niets ${mode === 'import' ? 'geïmporteerd' : 'gecontroleerd'}. Zie de genoemde cellen.`, errors: problems.result() };
  }

  const label = (f: keyof AssetFields) => COLUMNS.find((c) => c.key === (f === 'ownerId' ? 'owner' : f))?.header ?? f;
  const display = (f: keyof AssetFields, a: AssetFields | null) => {
    if (!a) return null;
    if (f === 'ownerId') return a.ownerId ? (emailById.get(a.ownerId) ?? a.ownerId) : null;
    return show(undefined, a[f]);
  };
  const items: Item[] = [];
  let unchanged = 0;
  for (const p of planned) {
    if (p.current && p.changed.length === 0) {
      unchanged++;
      continue;
    }
    const fields = (p.current ? p.changed : (Object.keys(p.next) as (keyof AssetFields)[]).filter((f) => display(f, p.next) !== null)).map((f) => ({
      field: f === 'ownerId' ? 'owner' : f,
      label: label(f),
      before: p.current ? display(f, fieldsOf(p.current)) : null,
      after: display(f, p.next),
    }));
    items.push({
      ...(table.sheet ? { sheet: table.sheet } : {}),
      ...(p.r.line !== undefined ? { line: p.r.line } : {}),
      row: p.r.row,
      action: p.current ? 'update' : 'create',
      id: p.current?.id ?? null,
      kind: p.next.kind,
      name: p.next.name,
      fields,
    });
  }
  const created = items.filter((i) => i.action === 'create').length;
  const summary = { created, updated: items.length - created, unchanged };
  const out = { mode, format, changes: items.length, summary, errors: [] as CellProblem[], items };
  if (mode === 'preview' || items.length === 0) return { ok: true, body: out };

  const creates = planned.filter((p) => !p.current);
  if (creates.length) {
    const rows = await tx
      .insert(assets)
      .values(creates.map((p) => ({ organisationId: org.id, ...p.next })))
      .returning({ id: assets.id });
    rows.forEach((row, i) => {
      out.items.find((it) => it.row === creates[i].r.row)!.id = row.id;
      audit.record({ organisationId: org.id, entityType: 'asset', entityId: row.id, action: 'create', after: { ...creates[i].next, via: 'import' } });
    });
  }
  for (const p of planned) {
    if (!p.current || p.changed.length === 0) continue;
    await tx
      .update(assets)
      .set({ ...p.next, updatedAt: new Date() })
      .where(and(eq(assets.id, p.current.id), eq(assets.organisationId, org.id)));
    const old = fieldsOf(p.current);
    audit.record({
      organisationId: org.id,
      entityType: 'asset',
      entityId: p.current.id,
      action: 'update',
      before: Object.fromEntries(p.changed.map((f) => [f, old[f]])),
      after: { ...Object.fromEntries(p.changed.map((f) => [f, p.next[f]])), via: 'import' },
    });
  }
  audit.record({ organisationId: org.id, entityType: 'asset_import', entityId: org.id, action: 'import', after: { format, ...summary } });
  return { ok: true, body: out };
}
