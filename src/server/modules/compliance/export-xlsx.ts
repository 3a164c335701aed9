import ExcelJS from 'exceljs';
import type { OrgCtx } from '../../core/http/pipeline.js';
import type { YearRow } from './assessment-years.js';
import { deriveCoverage } from './derive-coverage.js';
import { evidenceOfYear, formatMoment, frameworkInfo, liveAnswers, RESULT_LABEL, type AnswerRow, type EvidenceRow, type FrameworkInfo } from './export-data.js';

/**
 * The full assessment export: one sheet per framework, one row per requirement, every field that the
 * re-import reads back. Columns are found by their header, so a user may reorder or hide them.
 */
export const EXPORT_COLUMNS = [
  { key: 'ref', header: 'Nummer', width: 11, editable: false },
  { key: 'title', header: 'Eis', width: 40, editable: false },
  { key: 'applicable', header: 'Van toepassing', width: 14, editable: true },
  { key: 'notApplicableReason', header: 'Reden niet van toepassing', width: 30, editable: true },
  { key: 'result', header: 'Resultaat', width: 16, editable: true },
  { key: 'explanation', header: 'Toelichting', width: 50, editable: true },
  { key: 'owner', header: 'Eigenaar (e-mail)', width: 26, editable: true },
  { key: 'dueDate', header: 'Deadline', width: 12, editable: true },
  { key: 'auditorRemarks', header: 'Opmerkingen auditor', width: 30, editable: true },
  { key: 'measureIds', header: 'Maatregelen (id)', width: 38, editable: true },
  { key: 'measureTitles', header: 'Maatregelen (titel)', width: 36, editable: false },
  { key: 'evidenceIds', header: 'Bewijs (id)', width: 38, editable: true },
  { key: 'evidenceTitles', header: 'Bewijs (titel)', width: 32, editable: false },
  { key: 'framework', header: 'Raamwerk', width: 18, editable: false },
  { key: 'requirementId', header: 'requirementId', width: 38, editable: false },
] as const;
export type ColumnKey = (typeof EXPORT_COLUMNS)[number]['key'];
export const EXPLANATION_SHEET = 'Toelichting';

export interface DirectMeasure {
  id: string;
  title: string;
  coverage: 'full' | 'partial';
}

export interface YearState {
  frameworks: Map<string, FrameworkInfo>;
  rows: AnswerRow[];
  /** measures linked directly to each requirement (not through a mapping) */
  measures: Map<string, DirectMeasure[]>;
  evidence: Map<string, EvidenceRow[]>;
}

/** The live state of a year that the export writes and the re-import compares against. */
export async function yearState(ctx: OrgCtx, y: YearRow): Promise<YearState> {
  const rows = await liveAnswers(ctx, y);
  const measures = new Map<string, DirectMeasure[]>();
  for (const f of y.frameworkIds) {
    for (const item of (await deriveCoverage(ctx, f)).items) {
      const direct = item.sources.filter((s) => s.via === 'direct').map((s) => ({ id: s.measure.id, title: s.measure.title, coverage: s.coverage }));
      if (direct.length) measures.set(item.requirementId, direct.sort((a, b) => a.title.localeCompare(b.title, 'nl') || a.id.localeCompare(b.id)));
    }
  }
  return { frameworks: await frameworkInfo(ctx.tx, y.frameworkIds), rows, measures, evidence: await evidenceOfYear(ctx, y) };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
export function sheetNames(frameworks: FrameworkInfo[]): Map<string, string> {
  const used = new Set([EXPLANATION_SHEET.toLowerCase()]);
  const out = new Map<string, string>();
  for (const f of frameworks) {
    const base = (f.name || f.id).replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').slice(0, 28).trim() || 'Raamwerk';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 26)} ${n}`;
    used.add(name.toLowerCase());
    out.set(f.id, name);
  }
  return out;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const READONLY_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF595959' } };
const RESULT_LIST = `"${Object.values(RESULT_LABEL).join(',')}"`;

/** A date as an Excel date (UTC midnight, shown as JJJJ-MM-DD). */
const excelDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function assessmentXlsx(ctx: OrgCtx, y: YearRow, state: YearState): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weerbaar';
  wb.created = new Date();
  const frameworks = y.frameworkIds.map((f) => state.frameworks.get(f)).filter((f): f is FrameworkInfo => !!f);
  const names = sheetNames(frameworks);

  const help = wb.addWorksheet(EXPLANATION_SHEET);
  help.getColumn(1).width = 30;
  help.getColumn(2).width = 100;
  const lines: [string, string][] = [
    ['Beoordelingen', `${ctx.org.name} · verantwoordingsjaar ${y.year} · fase ${y.phase}${y.signedAt ? ' · ondertekend (bevroren)' : ''}`],
    ['Gegenereerd op', formatMoment(new Date())],
    ['', ''],
    ['Terugzetten', 'Wijzig de cellen en lever het bestand weer in bij "Beoordelingen importeren". U ziet eerst een voorbeeld van de wijzigingen; importeren gebeurt in zijn geheel of helemaal niet.'],
    ['Koppeling', 'Rijen worden gekoppeld op de kolom requirementId; ontbreekt die, dan op Raamwerk + Nummer. Rijen die u weglaat, blijven ongewijzigd. Laat requirementId en Raamwerk staan.'],
    ['Van toepassing', 'ja of nee. Bij nee is een reden verplicht.'],
    ['Resultaat', Object.values(RESULT_LABEL).join(', ')],
    ['Eigenaar (e-mail)', 'Het e-mailadres van een lid van de organisatie; leeg = geen eigenaar.'],
    ['Deadline', 'Datum als JJJJ-MM-DD; leeg = geen deadline.'],
    ['Maatregelen (id) / Bewijs (id)', 'Een id per regel (of gescheiden door komma). Een id toevoegen koppelt, weghalen ontkoppelt. De kolommen met titels zijn alleen ter informatie.'],
    ['Rechten', 'Van toepassing, reden en resultaat wijzigt alleen wie beslist (CISO, privacy officer, beheerder); maatregelen koppelt wie maatregelen beheert; opmerkingen zijn van de auditor. Een wijziging zonder dat recht weigert de hele import en noemt de cellen.'],
    ['Grijze kolommen', 'Alleen ter informatie; wijzigingen daarin worden genegeerd.'],
    ['', ''],
    ['Blad', 'Raamwerk'],
    ...frameworks.map((f) => [names.get(f.id)!, `${f.title} (${f.id}, versie ${f.version})`] as [string, string]),
  ];
  for (const [a, b] of lines) help.addRow([a, b]).getCell(1).font = { bold: true };
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  for (const f of frameworks) {
    const ws = wb.addWorksheet(names.get(f.id)!, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    EXPORT_COLUMNS.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      if (!c.editable) col.font = READONLY_FONT;
    });
    const header = ws.getRow(1);
    header.values = EXPORT_COLUMNS.map((c) => c.header);
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    const col = (k: ColumnKey) => EXPORT_COLUMNS.findIndex((c) => c.key === k) + 1;
    for (const r of state.rows.filter((x) => x.framework === f.id)) {
      const ms = state.measures.get(r.requirementId) ?? [];
      const ev = state.evidence.get(r.requirementId) ?? [];
      const values: Record<ColumnKey, ExcelJS.CellValue> = {
        ref: r.ref,
        title: r.title,
        applicable: r.applicable ? 'ja' : 'nee',
        notApplicableReason: r.notApplicableReason ?? '',
        result: RESULT_LABEL[r.result] ?? r.result,
        explanation: r.explanation,
        owner: r.ownerEmail ?? '',
        dueDate: excelDate(r.dueDate),
        auditorRemarks: r.auditorRemarks,
        measureIds: ms.map((m) => m.id).join('\n'),
        measureTitles: ms.map((m) => (m.coverage === 'partial' ? `${m.title} (deels)` : m.title)).join('\n'),
        evidenceIds: ev.map((e) => e.id).join('\n'),
        evidenceTitles: ev.map((e) => e.title).join('\n'),
        framework: f.id,
        requirementId: r.requirementId,
      };
      const row = ws.addRow(EXPORT_COLUMNS.map((c) => values[c.key]));
      row.alignment = { vertical: 'top', wrapText: true };
      row.getCell(col('dueDate')).numFmt = 'yyyy-mm-dd';
      row.getCell(col('applicable')).dataValidation = { type: 'list', allowBlank: false, formulae: ['"ja,nee"'] };
      row.getCell(col('result')).dataValidation = { type: 'list', allowBlank: false, formulae: [RESULT_LIST] };
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(ws.rowCount, 1), column: EXPORT_COLUMNS.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
