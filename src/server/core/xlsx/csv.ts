/**
 * CSV (RFC 4180) for exports that open in Dutch Excel and come back as imports: UTF-8 with a BOM,
 * semicolon-separated by default; reading detects ; , or tab from the header line.
 */
export const CSV_TYPE = 'text/csv';

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(v: string, sep: string): string {
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return s.includes(sep) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: string[][], sep = ';'): Buffer {
  const text = rows.map((r) => r.map((v) => field(v, sep)).join(sep)).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** Undoes the formula guard of toCsv: an apostrophe before =, +, -, @ is dropped. */
export const unguard = (v: string) => (v.length > 1 && v[0] === "'" && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v);

export interface CsvRow {
  /** line number in the file where the record starts (1-based) */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; rows: CsvRow[]; separator: string } | { ok: false; line: number; reason: string };

function detectSeparator(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ';';
}

/** Decodes UTF-8 (strict; a BOM is dropped) and parses the records. Not UTF-8 or an open quote is an error. */
export function parseCsv(body: Buffer, maxRows = 100_000): CsvParse {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return { ok: false, line: 0, reason: 'het bestand is geen UTF-8-tekst' };
  }
  if (text.includes('\u0000')) return { ok: false, line: 0, reason: 'het bestand is geen tekstbestand' };
  const sep = detectSeparator(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cur = '';
  let inQuotes = false;
  let line = 1;
  let start = 1;
  let quotedAt = 0;
  const endRecord = () => {
    cells.push(cur);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
    cells = [];
    cur = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cur += ch;
      }
      continue;
    }
    if (ch === '"' && cur === '') {
      inQuotes = true;
      quotedAt = line;
    } else if (ch === sep) {
      cells.push(cur);
      cur = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
      if (rows.length > maxRows) return { ok: false, line, reason: `te veel regels (meer dan ${maxRows})` };
    } else cur += ch;
  }
  if (inQuotes) return { ok: false, line: quotedAt, reason: 'een aanhalingsteken wordt niet gesloten' };
  if (cur !== '' || cells.length) endRecord();
  return { ok: true, rows, separator: sep };
}
