import ExcelJS from 'exceljs';
import { unreadable } from './common.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column number → letters (1 → A, 28 → AB). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const MAX_UNCOMPRESSED = 200 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

/**
 * Reads the zip's central directory before inflating anything, so a small upload cannot expand
 * into gigabytes (a zip bomb). Returns null when the buffer is not a zip archive.
 */
function zipSummary(buf: Buffer): { entries: number; uncompressed: number } | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    let uncompressed = 0;
    for (let e = 0; e < entries; e++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      const size = buf.readUInt32LE(p + 24);
      uncompressed += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return { entries, uncompressed };
  }
  return null;
}

/** Loads an xlsx upload; anything that is not a readable workbook is a 400 with a Dutch reason. */
export async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  if (body.length >= 8 && body.readUInt32BE(0) === 0xd0cf11e0) {
    throw unreadable('Dit is een oud Excel-bestand (.xls). Sla het in Excel of LibreOffice op als .xlsx en probeer het opnieuw.');
  }
  const zip = body.length >= 4 && body.readUInt32LE(0) === 0x04034b50 ? zipSummary(body) : null;
  if (!zip) throw unreadable('Dit bestand is geen Excel-werkmap (.xlsx): het is geen zip-bestand.');
  if (zip.entries > MAX_ENTRIES || zip.uncompressed > MAX_UNCOMPRESSED) {
    throw unreadable('Deze werkmap is uitgepakt te groot (meer dan 200 MB of 5000 onderdelen).');
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
