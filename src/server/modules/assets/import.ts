import type ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { assets } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { checkZip } from '../../core/xlsx/zip.js';
import { cellText, columnLetter, readWorkbook } from '../../core/xlsx/cells.js';
import { parseCsv, unguard } from '../../core/xlsx/csv.js';
import {
  ASSET_SHEET,
  COLUMNS,
  columnByHeader,
  DEPENDENCY_KINDS,
  HELP_SHEET,
  LINK_COLUMNS,
  LINK_SHEET,
  linkColumnByHeader,
  NODE_TYPE_BY_TEXT,
  NODE_TYPE_LABEL,
  type Column,
  type ColumnKey,
  type LinkColumnKey,
  type LinkNodeType,
} from './columns.js';
import { changedFields } from './manage-assets.js';
import { EMPTY, FIELD_NAMES, fieldsOf, normalise, type AssetRow } from './repo.js';
import { ASSET_KINDS, assetProblems, type AssetField, type AssetFields } from './rules.js';
import { applyEdgeChanges, assetEdges, type Edge } from '../dependencies/bulk.js';
import { namedNodes } from '../suppliers/nodes.js';

/**
 * Bulk import of assets from the export's own format (XLSX or CSV). Preview reports every change per row;
 * import applies them in the request's transaction — everything or nothing. A row with an id updates that
 * asset; without one it matches on kind + name, else it is new. Problems name the sheet (XLSX) or line
 * (CSV) and the cell, in Dutch.
 *
 * An XLSX file may carry the sheet "Afhankelijkheden" (as the export does): one row per dependency edge,
 * its ends named (an asset as "soort: naam" as it will be after the import, a supplier or joint
 * arrangement by name). Missing edges are added, notes updated, and edges from or to an asset on the
 * asset sheet that the links sheet does not list are removed. Without that sheet (and for CSV) the
 * dependencies stay as they are (`links: null`). A bad link row stops the whole import, assets included.
 *
 * Statements: a constant number, whatever the size of the file (assets, members, edges, suppliers and
 * joint arrangements read once; creates, updates and each kind of edge change written in bulk).
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

interface LinkEnd {
  type: LinkNodeType;
  name: string;
}
interface LinkItem {
  sheet: string;
  /** the row on the links sheet; null for an edge that is removed (it is not on the sheet) */
  row: number | null;
  action: 'add' | 'remove' | 'update';
  from: LinkEnd;
  to: LinkEnd;
  kind: string;
  note: string;
}
interface LinksResult {
  added: number;
  removed: number;
  unchanged: number;
  updated: number;
  items: LinkItem[];
}

export type ImportOutcome =
  | {
      ok: true;
      body: {
        mode: Mode;
        format: Format;
        changes: number;
        summary: { created: number; updated: number; unchanged: number };
        links: LinksResult | null;
        errors: CellProblem[];
        items: Item[];
      };
    }
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
  /** the "Afhankelijkheden" sheet, when the file has one */
  links?: LinkTable;
}
interface LinkRow {
  row: number;
  cells: Map<LinkColumnKey, string>;
  address: (key: LinkColumnKey) => string;
}
interface LinkTable {
  sheet: string;
  rows: LinkRow[];
}

class Problems {
  list: CellProblem[] = [];
  more = 0;
  sheet?: string;
  constructor(private format: Format) {}
  add(cell: string, message: string, line?: number, sheet = this.sheet) {
    if (this.list.length >= MAX_ERRORS) {
      this.more++;
      return;
    }
    if (this.format === 'xlsx') this.list.push({ sheet: sheet ?? '', cell, message, path: sheet && cell ? `${sheet}!${cell}` : sheet || cell || 'body' });
    else this.list.push({ ...(line !== undefined ? { line } : {}), cell, message, path: line !== undefined ? `regel ${line}${cell ? ` (${cell})` : ''}` : cell || 'body' });
  }
  at(r: SourceRow, key: ColumnKey | null, message: string) {
    this.add(r.address(key), message, r.line);
  }
  atLink(sheet: string, r: LinkRow, key: LinkColumnKey, message: string) {
    this.add(r.address(key), message, undefined, sheet);
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
  const ls = wb.worksheets.find((w) => w.name.trim().toLowerCase() === LINK_SHEET.toLowerCase() && w !== ws);
  const links = ls ? readLinkSheet(ls, headerTexts(ls), problems) : undefined;
  if (links && !links.ok) return links.read;
  return { ok: true, table: { format: 'xlsx', sheet: ws.name, columns, rows, ...(links ? { links: links.table } : {}) } };
}

/** The "Afhankelijkheden" sheet: columns by header (all but Toelichting required), non-empty rows. */
function readLinkSheet(ls: ExcelJS.Worksheet, headers: string[], problems: Problems): { ok: true; table: LinkTable } | { ok: false; read: Read } {
  if (ls.rowCount > MAX_ROWS + 1) {
    return { ok: false, read: { ok: false, detail: 'Het bestand is te groot.', errors: [{ sheet: ls.name, cell: '', message: `te veel rijen (meer dan ${MAX_ROWS})`, path: ls.name }] } };
  }
  const columns = new Map<LinkColumnKey, number>();
  headers.forEach((h, i) => {
    const c = linkColumnByHeader.get(h.trim().toLowerCase());
    if (!c) return;
    if (columns.has(c.key)) problems.add(ls.getCell(1, i + 1).address, `kolom "${c.header}" staat er twee keer in`, undefined, ls.name);
    else columns.set(c.key, i + 1);
  });
  const missing = LINK_COLUMNS.filter((c) => c.required && !columns.has(c.key));
  if (missing.length) {
    problems.add('A1', `de kopregel mist ${missing.map((c) => `"${c.header}"`).join(', ')}; verwacht: ${LINK_COLUMNS.map((c) => c.header).join(', ')}`, undefined, ls.name);
  }
  const rows: LinkRow[] = [];
  for (let r = 2; r <= ls.rowCount; r++) {
    const row = ls.getRow(r);
    const cells = new Map<LinkColumnKey, string>();
    for (const [key, col] of columns) cells.set(key, cellText(row.getCell(col).value));
    if ([...cells.values()].every((v) => !v.trim())) continue;
    rows.push({ row: r, cells, address: (key) => ls.getCell(r, columns.get(key) ?? columns.get('from') ?? 1).address });
  }
  return { ok: true, table: { sheet: ls.name, rows } };
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
  const byKey = new Map(existing.map((a) => [keyOf(a.kind, a.name), a]));
  const members = rowsOf<{ id: string; email: string }>(
    await tx.execute(sql`select u.id, lower(u.email) as email from users u join memberships m on m.user_id = u.id where m.organisation_id = ${org.id}`),
  );
  const memberByEmail = new Map(members.map((m) => [m.email, m.id]));
  const emailById = new Map(members.map((m) => [m.id, m.email]));

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
    planned.push({ r, current, next, changed: current ? changedFields(fieldsOf(current), next) : [], id: current?.id ?? null });
  }

  // Kind + name stays unique: assets the file does not touch, plus every row as it will be.
  const finalKeys = new Map<string, string>();
  const finalAssets = new Map<string, AssetTarget>(); // kind|name as after the import → the asset
  for (const a of existing) {
    if (claimed.has(a.id)) continue;
    finalKeys.set(keyOf(a.kind, a.name), `bestaand object "${a.name}"`);
    finalAssets.set(keyOf(a.kind, a.name), { existing: a });
  }
  for (const p of planned) {
    const k = keyOf(p.next.kind, p.next.name);
    const other = finalKeys.get(k);
    if (other) problems.at(p.r, 'name', `er is al een ${p.next.kind} met deze naam (${other})`);
    else {
      finalKeys.set(k, `rij ${p.r.row}`);
      finalAssets.set(k, { planned: p });
    }
  }

  // The links sheet, resolved against the assets as they will be (read only when the file has one).
  const linkPlan = table.links ? await planLinks(ctx, table.links, planned, finalAssets, byId, problems) : null;

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
  const links: LinksResult | null = linkPlan
    ? { added: linkPlan.add.length, removed: linkPlan.remove.length, unchanged: linkPlan.unchanged, updated: linkPlan.update.length, items: linkPlan.items }
    : null;
  const linkChanges = links ? links.added + links.removed + links.updated : 0;
  const out = { mode, format, changes: items.length + linkChanges, summary, links, errors: [] as CellProblem[], items };
  if (mode === 'preview' || out.changes === 0) return { ok: true, body: out };

  // Write: new assets (their ids are needed for the links), changed assets, then the edges.
  const creates = planned.filter((p) => !p.current);
  for (let i = 0; i < creates.length; i += WRITE_CHUNK) {
    const part = creates.slice(i, i + WRITE_CHUNK);
    const rows = await tx
      .insert(assets)
      .values(part.map((p) => ({ organisationId: org.id, ...p.next })))
      .returning({ id: assets.id });
    rows.forEach((row, j) => {
      part[j].id = row.id;
      audit.record({ organisationId: org.id, entityType: 'asset', entityId: row.id, action: 'create', after: { ...part[j].next, via: 'import' } });
    });
    await flushLarge(ctx);
  }
  const byRow = new Map(items.map((it) => [it.row, it]));
  for (const p of creates) byRow.get(p.r.row)!.id = p.id;

  const updates = planned.filter((p) => p.current && p.changed.length > 0);
  for (let i = 0; i < updates.length; i += WRITE_CHUNK) {
    const part = updates.slice(i, i + WRITE_CHUNK);
    await updateAssets(ctx, part);
    for (const p of part) {
      const old = fieldsOf(p.current!);
      audit.record({
        organisationId: org.id,
        entityType: 'asset',
        entityId: p.current!.id,
        action: 'update',
        before: Object.fromEntries(p.changed.map((f) => [f, old[f]])),
        after: { ...Object.fromEntries(p.changed.map((f) => [f, p.next[f]])), via: 'import' },
      });
    }
    await flushLarge(ctx);
  }

  if (linkPlan && linkChanges) {
    const idOf = (t: ResolvedEnd) => t.id ?? t.planned!.id!;
    await applyEdgeChanges(
      tx,
      org.id,
      audit,
      {
        add: linkPlan.add.map((l) => ({ fromType: l.from.type, fromId: idOf(l.from), toType: l.to.type, toId: idOf(l.to), kind: l.kind, note: l.note })),
        remove: linkPlan.remove,
        update: linkPlan.update,
      },
      'import',
    );
  }
  audit.record({
    organisationId: org.id,
    entityType: 'asset_import',
    entityId: org.id,
    action: 'import',
    after: { format, ...summary, ...(links ? { links: { added: links.added, removed: links.removed, updated: links.updated, unchanged: links.unchanged } } : {}) },
  });
  return { ok: true, body: out };
}

const WRITE_CHUNK = 1000;
const keyOf = (kind: string, name: string) => `${kind}|${name.trim().toLowerCase()}`;

interface Planned {
  r: SourceRow;
  current: AssetRow | null;
  next: AssetFields;
  changed: (keyof AssetFields)[];
  /** the asset's id; for a new asset set once it is inserted */
  id: string | null;
}
type AssetTarget = { existing: AssetRow; planned?: undefined } | { planned: Planned; existing?: undefined };

/** The audit events are written in one statement; a very large import writes them along the way (parameter limit). */
async function flushLarge(ctx: OrgCtx) {
  if (ctx.audit.size >= 2000) await ctx.audit.flush(ctx.tx);
}

/** Changed assets in one statement: the new values as a JSON record set, typed by the assets table itself. */
async function updateAssets(ctx: OrgCtx, part: Planned[]) {
  const column = (f: keyof AssetFields) => assets[f].name;
  const records = part.map((p) => Object.fromEntries([['id', p.current!.id], ...FIELD_NAMES.map((f) => [column(f), p.next[f]])]));
  const set = sql.join(
    FIELD_NAMES.map((f) => sql.raw(`"${column(f)}" = x."${column(f)}"`)),
    sql`, `,
  );
  await ctx.tx.execute(sql`
    update assets a set ${set}, updated_at = now()
    from jsonb_populate_recordset(null::assets, ${JSON.stringify(records)}::jsonb) as x
    where a.id = x.id and a.organisation_id = ${ctx.org.id}`);
}

/* ---------- the links sheet ---------- */

interface ResolvedEnd {
  type: LinkNodeType;
  /** existing node (asset, supplier or joint arrangement) */
  id?: string;
  /** an asset row of this import (new or changed) */
  planned?: Planned;
  /** as the sheet names it */
  label: string;
}
interface ResolvedLink {
  row: number;
  from: ResolvedEnd;
  to: ResolvedEnd;
  kind: string;
  note: string;
}
interface LinkPlan {
  add: ResolvedLink[];
  remove: Edge[];
  update: { edge: Edge; note: string }[];
  unchanged: number;
  items: LinkItem[];
}

/**
 * Resolves every row of the links sheet and compares the result with the organisation's edges from or
 * to assets. Problems name the sheet and cell. The scope of removal: the existing assets on the asset
 * sheet (a new asset has no edges yet).
 */
async function planLinks(
  ctx: OrgCtx,
  table: LinkTable,
  planned: Planned[],
  finalAssets: Map<string, AssetTarget>,
  assetsById: Map<string, AssetRow>,
  problems: Problems,
): Promise<LinkPlan> {
  const { tx, org } = ctx;
  const named = await namedNodes(tx, org.id);
  const byName = (list: { id: string; name: string }[]) => {
    const m = new Map<string, string[]>();
    for (const n of list) {
      const k = n.name.trim().toLowerCase();
      m.set(k, [...(m.get(k) ?? []), n.id]);
    }
    return m;
  };
  const suppliersByName = byName(named.suppliers);
  const arrangementsByName = byName(named.jointArrangements);
  const nameOf = new Map<string, string>([...named.suppliers, ...named.jointArrangements].map((n) => [n.id, n.name]));

  const bad = (r: LinkRow, key: LinkColumnKey, message: string) => problems.atLink(table.sheet, r, key, message);
  const resolveEnd = (r: LinkRow, typeKey: 'fromType' | 'toType', key: 'from' | 'to'): ResolvedEnd | null => {
    const typeText = (r.cells.get(typeKey) ?? '').trim().toLowerCase();
    const text = (r.cells.get(key) ?? '').trim();
    const type = NODE_TYPE_BY_TEXT.get(typeText);
    let ok = true;
    if (!type) {
      bad(r, typeKey, typeText ? `"${r.cells.get(typeKey)!.trim()}" is geen soort knooppunt; kies uit ${Object.values(NODE_TYPE_LABEL).join(', ')}` : `verplicht; kies uit ${Object.values(NODE_TYPE_LABEL).join(', ')}`);
      ok = false;
    }
    if (!text) {
      bad(r, key, 'verplicht: de naam van het object, de leverancier of de regeling');
      return null;
    }
    if (text.length > 400) {
      bad(r, key, 'te lang (maximaal 400 tekens)');
      return null;
    }
    if (!ok || !type) return null;
    if (type === 'asset') {
      const m = /^([^:]+):\s*(.+)$/.exec(text);
      const kind = m?.[1].trim().toLowerCase();
      if (!m || !kind || !(ASSET_KINDS as readonly string[]).includes(kind)) {
        bad(r, key, `schrijf een object als "soort: naam", bijvoorbeeld "proces: Paspoorten"; soort is ${ASSET_KINDS.join(', ')}`);
        return null;
      }
      const target = finalAssets.get(keyOf(kind, m[2]));
      if (!target) {
        bad(r, key, `er is geen ${kind} "${m[2].trim()}" (niet in deze organisatie en niet op het blad ${ASSET_SHEET})`);
        return null;
      }
      return target.existing ? { type, id: target.existing.id, label: `${kind}: ${target.existing.name}` } : { type, id: target.planned.current?.id, planned: target.planned, label: `${kind}: ${target.planned.next.name}` };
    }
    const ids = (type === 'supplier' ? suppliersByName : arrangementsByName).get(text.toLowerCase()) ?? [];
    const what = type === 'supplier' ? 'leverancier' : 'regeling';
    if (ids.length === 0) {
      bad(r, key, `er is geen ${what} "${text}" in deze organisatie; leg die eerst vast of controleer de naam`);
      return null;
    }
    if (ids.length > 1) {
      bad(r, key, `er zijn ${ids.length} ${what === 'leverancier' ? 'leveranciers' : 'regelingen'} met de naam "${text}"; geef ze eerst verschillende namen`);
      return null;
    }
    return { type, id: ids[0], label: nameOf.get(ids[0]) ?? text };
  };
  const identity = (e: ResolvedEnd) => e.id ?? `rij:${e.planned!.r.row}`;

  const resolved: ResolvedLink[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const from = resolveEnd(r, 'fromType', 'from');
    const to = resolveEnd(r, 'toType', 'to');
    const kindText = (r.cells.get('kind') ?? '').trim().toLowerCase().replace(/\s+/g, '_');
    const kindOk = (DEPENDENCY_KINDS as readonly string[]).includes(kindText);
    if (!kindOk) bad(r, 'kind', kindText ? `"${r.cells.get('kind')!.trim()}" is geen soort afhankelijkheid; kies uit ${DEPENDENCY_KINDS.join(', ')}` : `verplicht; kies uit ${DEPENDENCY_KINDS.join(', ')}`);
    const note = (r.cells.get('note') ?? '').replace(/\r\n?/g, '\n').trim();
    if (note.length > 2000) bad(r, 'note', 'te lang (maximaal 2000 tekens)');
    if (!from || !to || !kindOk || note.length > 2000) continue;
    if (from.type !== 'asset' && to.type !== 'asset') {
      bad(r, 'from', `op dit blad staan afhankelijkheden van of naar een object; leg die tussen ${NODE_TYPE_LABEL[from.type]} en ${NODE_TYPE_LABEL[to.type]} vast bij Afhankelijkheden`);
      continue;
    }
    if (identity(from) === identity(to)) {
      bad(r, 'to', 'een knooppunt kan niet van zichzelf afhankelijk zijn');
      continue;
    }
    const key = `${identity(from)}|${identity(to)}|${kindText}`;
    if (seen.has(key)) {
      bad(r, 'from', `deze afhankelijkheid staat al in rij ${seen.get(key)}`);
      continue;
    }
    seen.set(key, r.row);
    resolved.push({ row: r.row, from, to, kind: kindText, note });
  }
  if (problems.any) return { add: [], remove: [], update: [], unchanged: 0, items: [] };

  // Compare with the edges there are: matched on (from, to, kind).
  const edges = await assetEdges(tx, org.id);
  const byEdgeKey = new Map(edges.map((e) => [`${e.fromId}|${e.toId}|${e.kind}`, e]));
  const kept = new Set<string>();
  const plan: LinkPlan = { add: [], remove: [], update: [], unchanged: 0, items: [] };
  const end = (e: ResolvedEnd): LinkEnd => ({ type: e.type, name: e.label });
  for (const l of resolved) {
    const existing = l.from.id && l.to.id ? byEdgeKey.get(`${l.from.id}|${l.to.id}|${l.kind}`) : undefined;
    if (!existing) {
      plan.add.push(l);
      plan.items.push({ sheet: table.sheet, row: l.row, action: 'add', from: end(l.from), to: end(l.to), kind: l.kind, note: l.note });
      continue;
    }
    kept.add(existing.id);
    if (existing.note.trim() !== l.note) {
      plan.update.push({ edge: existing, note: l.note });
      plan.items.push({ sheet: table.sheet, row: l.row, action: 'update', from: end(l.from), to: end(l.to), kind: l.kind, note: l.note });
    } else plan.unchanged++;
  }
  const onSheet = new Set(planned.flatMap((p) => (p.current ? [p.current.id] : [])));
  const label = (type: LinkNodeType, id: string): LinkEnd => {
    if (type === 'asset') {
      const a = assetsById.get(id);
      return { type, name: a ? `${a.kind}: ${a.name}` : id };
    }
    return { type, name: nameOf.get(id) ?? id };
  };
  for (const e of edges) {
    if (kept.has(e.id)) continue;
    const inScope = (e.fromType === 'asset' && onSheet.has(e.fromId)) || (e.toType === 'asset' && onSheet.has(e.toId));
    if (!inScope) continue;
    plan.remove.push(e);
    plan.items.push({ sheet: table.sheet, row: null, action: 'remove', from: label(e.fromType, e.fromId), to: label(e.toType, e.toId), kind: e.kind, note: e.note });
  }
  return plan;
}
