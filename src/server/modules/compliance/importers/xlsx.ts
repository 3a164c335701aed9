import ExcelJS from 'exceljs';
import { checkZip } from '../../../core/xlsx/zip.js';
import { unreadable } from './common.js';

export { XLSX_TYPE, columnLetter } from '../../../core/xlsx/cells.js';

/** Stricter than the default for library files: they are small. */
const MAX_UNCOMPRESSED = 200 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

/** Loads an xlsx upload; anything that is not a readable workbook is a 400 with a Dutch reason. */
export async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  if (body.length >= 8 && body.readUInt32BE(0) === 0xd0cf11e0) {
    throw unreadable('Dit is een oud Excel-bestand (.xls). Sla het in Excel of LibreOffice op als .xlsx en probeer het opnieuw.');
  }
  const zip = checkZip(body, MAX_UNCOMPRESSED, MAX_ENTRIES);
  if (!zip.ok) {
    if (/^(te veel|uitgepakt|ZIP64)/.test(zip.reason)) throw unreadable('Deze werkmap is uitgepakt te groot (meer dan 200 MB of 5000 onderdelen).');
    throw unreadable('Dit bestand is geen Excel-werkmap (.xlsx): het is geen zip-bestand.');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Deze werkmap kan niet gelezen worden: het zip-bestand is beschadigd of geen Excel-werkmap (.xlsx).');
  }
  if (wb.worksheets.length === 0) throw unreadable('Dit zip-bestand is geen Excel-werkmap (.xlsx): er staan geen werkbladen in.');
  return wb;
}

/** The text a person sees in a cell: rich text joined, formula results, hyperlink text, dates as YYYY-MM-DD. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('').trim();
    if ('result' in o) return o.result === null || o.result === undefined || typeof o.result === 'object' ? '' : String(o.result).trim();
    if (typeof o.text === 'string') return o.text.trim();
    if ('error' in o) return '';
  }
  return String(cell.text ?? '').trim();
}

/** A cell that only repeats the value of the top-left cell of its merged range. */
export const isMergeCopy = (cell: ExcelJS.Cell) => cell.isMerged && cell.master.address !== cell.address;

export function findSheet(wb: ExcelJS.Workbook, names: string[]): ExcelJS.Worksheet | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  return wb.worksheets.find((w) => wanted.includes(w.name.trim().toLowerCase()));
}
