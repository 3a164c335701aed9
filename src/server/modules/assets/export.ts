import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { assets } from '../../core/db/schema.js';
import { toCsv } from '../../core/xlsx/csv.js';
import { ASSET_SHEET, COLUMNS, DEPENDENCY_KINDS, HELP_LINES, HELP_SHEET, LINK_COLUMNS, LINK_SHEET, NODE_TYPE_LABEL, type Column } from './columns.js';
import { fieldsOf, ownersById, type AssetRow } from './repo.js';
import { assetEdges } from '../dependencies/bulk.js';
import { namedNodes } from '../suppliers/nodes.js';

/** The value of one export cell: text, or a number for the hour columns. */
function value(c: Column, r: AssetRow, owners: Map<string, { email: string }>): string | number | null {
  if (c.key === 'id') return r.id;
  if (c.key === 'owner') return r.ownerId ? (owners.get(r.ownerId)?.email ?? '') : '';
  const f = fieldsOf(r);
  const v = f[c.key];
  if (v === null || v === undefined) return c.type === 'hours' ? null : '';
  if (c.type === 'hours') return Number(v);
  if (c.type === 'yesno') return v ? 'ja' : 'nee';
  if (c.type === 'list') return (v as string[]).join(', ');
  return String(v);
}

async function assetRows(ctx: OrgCtx) {
  return ctx.tx
    .select()
    .from(assets)
    .where(and(eq(assets.organisationId, ctx.org.id)))
    .orderBy(asc(assets.kind), asc(assets.name), asc(assets.id));
}

async function exportRows(ctx: OrgCtx, rows: AssetRow[]) {
  const owners = await ownersById(
    ctx.tx,
    rows.map((r) => r.ownerId),
  );
  return rows.map((r) => COLUMNS.map((c) => value(c, r, owners)));
}

/** An asset as the links sheet names it: "soort: naam". */
export const assetLabel = (a: { kind: string; name: string }) => `${a.kind}: ${a.name}`;

/**
 * The rows of the "Afhankelijkheden" sheet: every edge from or to an asset of the organisation, named by
 * its ends, sorted by from, to and kind (three queries: edges, suppliers, joint arrangements).
 */
async function linkRows(ctx: OrgCtx, rows: AssetRow[]): Promise<string[][]> {
  const edges = await assetEdges(ctx.tx, ctx.org.id);
  if (edges.length === 0) return [];
  const named = await namedNodes(ctx.tx, ctx.org.id);
  const names = new Map<string, string>([
    ...rows.map((a) => [a.id, assetLabel(a)] as [string, string]),
    ...named.suppliers.map((s) => [s.id, s.name] as [string, string]),
    ...named.jointArrangements.map((j) => [j.id, j.name] as [string, string]),
  ]);
  const out: string[][] = [];
  for (const e of edges) {
    const from = names.get(e.fromId);
    const to = names.get(e.toId);
    if (from === undefined || to === undefined) continue; // an end that no longer exists
    out.push([NODE_TYPE_LABEL[e.fromType], from, NODE_TYPE_LABEL[e.toType], to, e.kind, e.note]);
  }
  const cmp = (a: string, b: string) => a.localeCompare(b, 'nl');
  return out.sort((a, b) => cmp(a[1], b[1]) || cmp(a[3], b[3]) || cmp(a[4], b[4]));
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

export async function assetsXlsx(ctx: OrgCtx): Promise<{ file: Buffer; count: number; links: number }> {
  const rows = await assetRows(ctx);
  const data = await exportRows(ctx, rows);
  const links = await linkRows(ctx, rows);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weerbaar';
  wb.created = new Date();
  const ws = wb.addWorksheet(ASSET_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const header = ws.getRow(1);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const values of data) {
    const row = ws.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    COLUMNS.forEach((c, i) => {
      if (c.values && c.type !== 'list') row.getCell(i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${c.values.join(',')}"`] };
      if (c.type === 'yesno') row.getCell(i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: ['"ja,nee"'] };
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(ws.rowCount, 1), column: COLUMNS.length } };

  const ls = wb.addWorksheet(LINK_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  LINK_COLUMNS.forEach((c, i) => {
    ls.getColumn(i + 1).width = c.width;
  });
  const linkHeader = ls.getRow(1);
  linkHeader.values = LINK_COLUMNS.map((c) => c.header);
  linkHeader.font = { bold: true };
  linkHeader.eachCell((cell) => (cell.fill = HEADER_FILL));
  const types = `"${Object.values(NODE_TYPE_LABEL).join(',')}"`;
  const kinds = `"${DEPENDENCY_KINDS.join(',')}"`;
  for (const values of links) {
    const row = ls.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).dataValidation = { type: 'list', allowBlank: false, formulae: [types] };
    row.getCell(3).dataValidation = { type: 'list', allowBlank: false, formulae: [types] };
    row.getCell(5).dataValidation = { type: 'list', allowBlank: false, formulae: [kinds] };
  }
  ls.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(ls.rowCount, 1), column: LINK_COLUMNS.length } };

  const help = wb.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 44;
  help.getColumn(2).width = 100;
  for (const [a, b] of [
    [ASSET_SHEET, `${ctx.org.name} · ${data.length} objecten · ${links.length} afhankelijkheden · ${new Date().toISOString().slice(0, 10)}`] as [string, string],
    ['', ''] as [string, string],
    ...HELP_LINES,
  ]) {
    help.addRow([a, b]).getCell(1).font = { bold: true };
  }
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), count: data.length, links: links.length };
}

/** CSV is one sheet: the assets only (the import of a CSV leaves the dependencies as they are). */
export async function assetsCsv(ctx: OrgCtx): Promise<{ file: Buffer; count: number }> {
  const data = await exportRows(ctx, await assetRows(ctx));
  return { file: toCsv([COLUMNS.map((c) => c.header), ...data.map((r) => r.map((v) => (v === null ? '' : String(v))))]), count: data.length };
}
