import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { assets } from '../../core/db/schema.js';
import { toCsv } from '../../core/xlsx/csv.js';
import { ASSET_SHEET, COLUMNS, HELP_LINES, HELP_SHEET, type Column } from './columns.js';
import { fieldsOf, ownersById, type AssetRow } from './repo.js';

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

async function exportRows(ctx: OrgCtx) {
  const rows = await ctx.tx
    .select()
    .from(assets)
    .where(and(eq(assets.organisationId, ctx.org.id)))
    .orderBy(asc(assets.kind), asc(assets.name), asc(assets.id));
  const owners = await ownersById(
    ctx.tx,
    rows.map((r) => r.ownerId),
  );
  return rows.map((r) => COLUMNS.map((c) => value(c, r, owners)));
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

export async function assetsXlsx(ctx: OrgCtx): Promise<{ file: Buffer; count: number }> {
  const data = await exportRows(ctx);
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
  const help = wb.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 44;
  help.getColumn(2).width = 100;
  for (const [a, b] of [['Objecten', `${ctx.org.name} · ${data.length} objecten · ${new Date().toISOString().slice(0, 10)}`] as [string, string], ['', ''] as [string, string], ...HELP_LINES]) {
    help.addRow([a, b]).getCell(1).font = { bold: true };
  }
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), count: data.length };
}

export async function assetsCsv(ctx: OrgCtx): Promise<{ file: Buffer; count: number }> {
  const data = await exportRows(ctx);
  return { file: toCsv([COLUMNS.map((c) => c.header), ...data.map((r) => r.map((v) => (v === null ? '' : String(v))))]), count: data.length };
}
