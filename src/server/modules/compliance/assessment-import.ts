import ExcelJS from 'exceljs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { orgAllows } from '../../core/http/pipeline.js';
import { evidence, measures } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { canonical } from '../../core/audit/audit.js';
import { A } from './assessment-policies.js';
import { P } from './measure-policies.js';
import { E } from './evidence-policies.js';
import { linkAssessment, unlinkAssessment } from './evidence.js';
import { assertOpen, loadYear } from './assessment-years.js';
import { bulkUpdate, type AssessmentChanges } from './assessments.js';
import { getMeasure, updateMeasure } from './manage-measures.js';
import { RESULT_LABEL, type AnswerRow } from './export-data.js';
import { checkZip } from '../../core/xlsx/zip.js';
import { cellText, readWorkbook as loadWorkbook } from '../../core/xlsx/cells.js';
import { EXPLANATION_SHEET, EXPORT_COLUMNS, yearState, type ColumnKey } from './export-xlsx.js';

/**
 * Re-import of the full assessment export. Preview reports every change per row; import applies
 * them through the assessment and measure use cases, all in the request's transaction: everything
 * or nothing. Problems are reported per cell ({ sheet, cell, message }); a change the user has no
 * right to make refuses the whole import and names the cells.
 */

export interface CellProblem {
  sheet: string;
  cell: string;
  message: string;
  /** sheet!cell, like the path of every other problem of the API */
  path: string;
}

const problem = (sheet: string, cell: string, message: string): CellProblem => ({ sheet, cell, message, path: sheet ? `${sheet}!${cell}` : cell || 'body' });

type Field = 'applicable' | 'notApplicableReason' | 'result' | 'explanation' | 'owner' | 'dueDate' | 'auditorRemarks' | 'measures' | 'evidence';

interface FieldChange {
  field: Field;
  label: string;
  before: string | null;
  after: string | null;
}

export interface ImportItem {
  sheet: string;
  row: number;
  framework: string;
  ref: string;
  requirementId: string;
  fields: FieldChange[];
}

export type ImportOutcome =
  | { ok: true; body: { mode: 'preview' | 'import'; changes: number; errors: CellProblem[]; summary: Record<string, number>; items: ImportItem[] } }
  | { ok: false; status: 400 | 403; detail: string; errors: CellProblem[] };

const MAX_ERRORS = 100;
const MAX_ROWS = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESULT_BY_LABEL = new Map(Object.entries(RESULT_LABEL).flatMap(([code, label]) => [[label, code], [code.replace(/_/g, ' '), code]]));
const FIELD_LABEL: Record<Field, string> = {
  applicable: 'van toepassing',
  notApplicableReason: 'reden niet van toepassing',
  result: 'resultaat',
  explanation: 'toelichting',
  owner: 'eigenaar',
  dueDate: 'deadline',
  auditorRemarks: 'opmerkingen auditor',
  measures: 'maatregelen',
  evidence: 'bewijs',
};

class Problems {
  list: CellProblem[] = [];
  more = 0;
  add(sheet: string, cell: string, message: string) {
    if (this.list.length < MAX_ERRORS) this.list.push(problem(sheet, cell, message));
    else this.more++;
  }
  get any() {
    return this.list.length > 0;
  }
  result(): CellProblem[] {
    return this.more ? [...this.list, problem('', '', `… en nog ${this.more} problemen`)] : this.list;
  }
}

const normText = (s: string | null | undefined) => (s ?? '').replace(/\r\n?/g, '\n');

function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** A due date: an Excel date, JJJJ-MM-DD or DD-MM-JJJJ; empty is no date. undefined = unreadable. */
function parseDate(v: ExcelJS.CellValue): string | null | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    const d = new Date(Math.round((v - 25569) * 86_400_000));
    return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
  }
  const s = cellText(v).trim();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]) ?? undefined;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]) ?? undefined;
  return undefined;
}

function parseYesNo(s: string): boolean | undefined {
  const v = s.trim().toLowerCase();
  if (['ja', 'j', 'waar', 'true'].includes(v)) return true;
  if (['nee', 'n', 'onwaar', 'false'].includes(v)) return false;
  return undefined;
}

const parseIds = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

interface Desired {
  sheet: string;
  row: number;
  current: AnswerRow;
  applicable?: boolean;
  notApplicableReason?: string;
  result?: string;
  explanation?: string;
  ownerEmail?: string | null;
  dueDate?: string | null;
  auditorRemarks?: string;
  measureIds?: string[];
  evidenceIds?: string[];
}

export async function importAssessments(ctx: OrgCtx, year: number, body: Buffer, mode: 'preview' | 'import'): Promise<ImportOutcome> {
  const { tx, org } = ctx;
  const y = await loadYear(tx, org.id, year);
  assertOpen(y);
  const problems = new Problems();
  const zip = checkZip(body);
  if (!zip.ok) return { ok: false, status: 400, detail: 'Het bestand is geen leesbaar XLSX-bestand.', errors: [problem('', '', `geen geldig XLSX-bestand: ${zip.reason}`)] };
  const wb = await loadWorkbook(body);
  if (!wb) return { ok: false, status: 400, detail: 'Het bestand is geen leesbaar XLSX-bestand.', errors: [problem('', '', 'geen geldig XLSX-bestand (Excel 2007 of nieuwer)')] };

  const state = await yearState(ctx, y);
  const byId = new Map(state.rows.map((r) => [r.requirementId, r]));
  const byRef = new Map(state.rows.map((r) => [`${r.framework}|${r.ref}`, r]));
  const seen = new Map<string, string>();
  const desired: Desired[] = [];
  let sheetsRead = 0;

  for (const ws of wb.worksheets) {
    if (ws.name.trim().toLowerCase() === EXPLANATION_SHEET.toLowerCase()) continue;
    const columns = new Map<ColumnKey, number>();
    ws.getRow(1).eachCell((cell, col) => {
      const h = cellText(cell.value).trim().toLowerCase();
      const c = EXPORT_COLUMNS.find((x) => x.header.toLowerCase() === h);
      if (c && !columns.has(c.key)) columns.set(c.key, col);
    });
    if (!columns.has('requirementId') && !(columns.has('framework') && columns.has('ref'))) continue; // not an assessment sheet
    sheetsRead++;
    if (ws.rowCount > MAX_ROWS + 1) {
      problems.add(ws.name, '', `te veel rijen (meer dan ${MAX_ROWS})`);
      continue;
    }
    const addr = (key: ColumnKey, row: number) => ws.getCell(row, columns.get(key) ?? 1).address;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const raw = new Map<ColumnKey, ExcelJS.CellValue>();
      const cells: Partial<Record<ColumnKey, string>> = {};
      for (const [key, col] of columns) {
        raw.set(key, row.getCell(col).value);
        cells[key] = cellText(row.getCell(col).value);
      }
      if (Object.values(cells).every((v) => !v?.trim())) continue;
      const rid = cells.requirementId?.trim().toLowerCase() ?? '';
      const current = (rid && byId.get(rid)) || byRef.get(`${cells.framework?.trim() ?? ''}|${cells.ref?.trim() ?? ''}`);
      if (!current) {
        const where = rid ? addr('requirementId', r) : addr('ref', r);
        problems.add(ws.name, where, rid && !UUID.test(rid) ? `geen geldig requirementId: ${rid}` : `eis ${cells.ref ?? rid} hoort niet bij verantwoordingsjaar ${year}`);
        continue;
      }
      const prev = seen.get(current.requirementId);
      if (prev) {
        problems.add(ws.name, addr('requirementId', r), `eis ${current.framework} ${current.ref} staat al in ${prev}`);
        continue;
      }
      seen.set(current.requirementId, `${ws.name}!${row.number}`);
      const d: Desired = { sheet: ws.name, row: r, current };

      if (columns.has('applicable')) {
        const v = parseYesNo(cells.applicable ?? '');
        if (v === undefined) problems.add(ws.name, addr('applicable', r), `"${cells.applicable}" is geen ja of nee`);
        else d.applicable = v;
      }
      if (columns.has('notApplicableReason')) {
        const v = (cells.notApplicableReason ?? '').trim();
        if (v.length > 2000) problems.add(ws.name, addr('notApplicableReason', r), 'te lang (maximaal 2000 tekens)');
        else d.notApplicableReason = v;
      }
      if (columns.has('result')) {
        const v = RESULT_BY_LABEL.get((cells.result ?? '').trim().toLowerCase().replace(/[_\s]+/g, ' '));
        if (!v) problems.add(ws.name, addr('result', r), `"${cells.result}" is geen resultaat; kies uit ${Object.values(RESULT_LABEL).join(', ')}`);
        else d.result = v;
      }
      if (columns.has('explanation')) {
        const v = normText(cells.explanation);
        if (v.length > 10_000) problems.add(ws.name, addr('explanation', r), 'te lang (maximaal 10 000 tekens)');
        else d.explanation = v;
      }
      if (columns.has('owner')) d.ownerEmail = (cells.owner ?? '').trim().toLowerCase() || null;
      if (columns.has('dueDate')) {
        const v = parseDate(raw.get('dueDate') ?? null);
        if (v === undefined) problems.add(ws.name, addr('dueDate', r), `"${cells.dueDate}" is geen datum (JJJJ-MM-DD)`);
        else d.dueDate = v;
      }
      if (columns.has('auditorRemarks')) {
        const v = normText(cells.auditorRemarks);
        if (v.length > 10_000) problems.add(ws.name, addr('auditorRemarks', r), 'te lang (maximaal 10 000 tekens)');
        else d.auditorRemarks = v;
      }
      for (const [key, field] of [
        ['measureIds', 'measureIds'],
        ['evidenceIds', 'evidenceIds'],
      ] as const) {
        if (!columns.has(key)) continue;
        const ids = parseIds(cells[key] ?? '');
        const bad = ids.filter((x) => !UUID.test(x));
        if (bad.length) problems.add(ws.name, addr(key, r), `geen geldig id: ${bad.join(', ')}`);
        else d[field] = [...new Set(ids)];
      }
      const finalApplicable = d.applicable ?? current.applicable;
      if (!finalApplicable && !(d.notApplicableReason ?? current.notApplicableReason ?? '').trim()) {
        problems.add(ws.name, addr(columns.has('notApplicableReason') ? 'notApplicableReason' : 'applicable', r), 'geef een reden waarom deze eis niet van toepassing is');
      }
      desired.push(d);
    }
  }
  if (sheetsRead === 0) problems.add('', '', `geen blad met beoordelingen gevonden (kopregel met ${EXPORT_COLUMNS.find((c) => c.key === 'requirementId')!.header})`);

  // References in bulk: owners among the members, measures and evidence of this organisation.
  const emails = [...new Set(desired.map((d) => d.ownerEmail).filter((e): e is string => !!e))];
  const owners = new Map<string, string>();
  if (emails.length) {
    for (const u of rowsOf<{ id: string; email: string }>(
      await tx.execute(sql`select u.id, lower(u.email) as email from users u join memberships m on m.user_id = u.id
                           where m.organisation_id = ${org.id} and lower(u.email) in ${emails}`),
    ))
      owners.set(u.email, u.id);
  }
  const measureIds = [...new Set(desired.flatMap((d) => d.measureIds ?? []))];
  const knownMeasures = new Set(
    measureIds.length ? (await tx.select({ id: measures.id }).from(measures).where(and(eq(measures.organisationId, org.id), inArray(measures.id, measureIds)))).map((m) => m.id) : [],
  );
  const evidenceIds = [...new Set(desired.flatMap((d) => d.evidenceIds ?? []))];
  const knownEvidence = new Set(
    evidenceIds.length ? (await tx.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.organisationId, org.id), inArray(evidence.id, evidenceIds)))).map((e) => e.id) : [],
  );

  // What changes, per row.
  const items: (ImportItem & { d: Desired; changes: AssessmentChanges; measuresAdd: string[]; measuresRemove: string[]; evidenceAdd: string[]; evidenceRemove: string[] })[] = [];
  const denied = new Problems();
  const mayDecide = orgAllows(org, A['assessments.decide']);
  const mayAudit = orgAllows(org, A['assessments.audit']);
  const mayLinkMeasures = orgAllows(org, P['measures.manage']);
  const mayLinkEvidence = orgAllows(org, E['evidence.manage']);
  for (const d of desired) {
    const c = d.current;
    const fields: FieldChange[] = [];
    const changes: AssessmentChanges = {};
    const cellOf = (key: ColumnKey) => cellAddress(wb, d.sheet, d.row, key);
    const deny = (key: ColumnKey, why: string) => denied.add(d.sheet, cellOf(key), why);

    const finalApplicable = d.applicable ?? c.applicable;
    if (d.applicable !== undefined && d.applicable !== c.applicable) {
      changes.applicable = d.applicable;
      fields.push({ field: 'applicable', label: FIELD_LABEL.applicable, before: c.applicable ? 'ja' : 'nee', after: d.applicable ? 'ja' : 'nee' });
      if (!mayDecide) deny('applicable', 'alleen wie beslist (CISO, privacy officer, beheerder) wijzigt of een eis van toepassing is');
    }
    if (!finalApplicable) {
      const currentReason = (c.notApplicableReason ?? '').trim();
      const reason = d.notApplicableReason ?? currentReason;
      if (reason !== currentReason) {
        changes.notApplicableReason = reason;
        fields.push({ field: 'notApplicableReason', label: FIELD_LABEL.notApplicableReason, before: c.notApplicableReason, after: reason });
        if (!mayDecide) deny('notApplicableReason', 'alleen wie beslist wijzigt de reden van niet van toepassing');
      } else if (changes.applicable === false) changes.notApplicableReason = reason; // goes with "not applicable"
    }
    if (d.result !== undefined && d.result !== c.result) {
      changes.result = d.result;
      fields.push({ field: 'result', label: FIELD_LABEL.result, before: RESULT_LABEL[c.result] ?? c.result, after: RESULT_LABEL[d.result] });
      if (!mayDecide) deny('result', 'alleen wie beslist (CISO, privacy officer, beheerder) wijzigt het resultaat');
    }
    if (d.explanation !== undefined && d.explanation !== normText(c.explanation)) {
      changes.explanation = d.explanation;
      fields.push({ field: 'explanation', label: FIELD_LABEL.explanation, before: c.explanation, after: d.explanation });
    }
    if (d.ownerEmail !== undefined && d.ownerEmail !== (c.ownerEmail?.toLowerCase() ?? null)) {
      const id = d.ownerEmail ? owners.get(d.ownerEmail) : null;
      if (id === undefined) problems.add(d.sheet, cellOf('owner'), `${d.ownerEmail} is geen lid van deze organisatie`);
      else {
        changes.ownerId = id;
        fields.push({ field: 'owner', label: FIELD_LABEL.owner, before: c.ownerEmail, after: d.ownerEmail });
      }
    }
    if (d.dueDate !== undefined && d.dueDate !== c.dueDate) {
      changes.dueDate = d.dueDate;
      fields.push({ field: 'dueDate', label: FIELD_LABEL.dueDate, before: c.dueDate, after: d.dueDate });
    }
    if (d.auditorRemarks !== undefined && d.auditorRemarks !== normText(c.auditorRemarks)) {
      changes.auditorRemarks = d.auditorRemarks;
      fields.push({ field: 'auditorRemarks', label: FIELD_LABEL.auditorRemarks, before: c.auditorRemarks, after: d.auditorRemarks });
      if (!mayAudit) deny('auditorRemarks', 'alleen de auditor schrijft auditopmerkingen');
    }
    let measuresAdd: string[] = [];
    let measuresRemove: string[] = [];
    if (d.measureIds) {
      const now = (state.measures.get(c.requirementId) ?? []).map((m) => m.id);
      measuresAdd = d.measureIds.filter((x) => !now.includes(x));
      measuresRemove = now.filter((x) => !d.measureIds!.includes(x));
      const unknown = measuresAdd.filter((x) => !knownMeasures.has(x));
      if (unknown.length) problems.add(d.sheet, cellOf('measureIds'), `onbekende maatregel: ${unknown.join(', ')}`);
      if (measuresAdd.length || measuresRemove.length) {
        fields.push({ field: 'measures', label: FIELD_LABEL.measures, before: now.join(', ') || null, after: d.measureIds.join(', ') || null });
        if (!mayLinkMeasures) deny('measureIds', 'alleen wie maatregelen beheert (CISO, privacy officer, beheerder) koppelt maatregelen');
      }
    }
    let evidenceAdd: string[] = [];
    let evidenceRemove: string[] = [];
    if (d.evidenceIds) {
      const now = (state.evidence.get(c.requirementId) ?? []).map((e) => e.id);
      evidenceAdd = d.evidenceIds.filter((x) => !now.includes(x));
      evidenceRemove = now.filter((x) => !d.evidenceIds!.includes(x));
      const unknown = evidenceAdd.filter((x) => !knownEvidence.has(x));
      if (unknown.length) problems.add(d.sheet, cellOf('evidenceIds'), `onbekend bewijs: ${unknown.join(', ')}`);
      if (evidenceAdd.length || evidenceRemove.length) {
        fields.push({ field: 'evidence', label: FIELD_LABEL.evidence, before: now.join(', ') || null, after: d.evidenceIds.join(', ') || null });
        if (!mayLinkEvidence) deny('evidenceIds', 'u mag geen bewijs koppelen');
      }
    }
    if (fields.length) {
      items.push({ sheet: d.sheet, row: d.row, framework: c.framework, ref: c.ref, requirementId: c.requirementId, fields, d, changes, measuresAdd, measuresRemove, evidenceAdd, evidenceRemove });
    }
  }

  if (problems.any) return { ok: false, status: 400, detail: `Het bestand bevat fouten; er is niets ${mode === 'import' ? 'geïmporteerd' : 'gecontroleerd'}. Zie de genoemde cellen.`, errors: problems.result() };
  if (denied.any) return { ok: false, status: 403, detail: 'U mag niet alle wijzigingen in dit bestand doen; er is niets geïmporteerd. Zie de genoemde cellen.', errors: denied.result() };

  const summary: Record<string, number> = {};
  for (const i of items) for (const f of i.fields) summary[f.field] = (summary[f.field] ?? 0) + 1;
  const out = {
    mode,
    changes: items.length,
    errors: [] as CellProblem[],
    summary,
    items: items.map(({ sheet, row, framework, ref, requirementId, fields }) => ({ sheet, row, framework, ref, requirementId, fields })),
  };
  if (mode === 'preview' || items.length === 0) return { ok: true, body: out };

  // 1. Assessments, through the use case; rows with the same changes go in one bulk update.
  const groups = new Map<string, { changes: AssessmentChanges; ids: string[] }>();
  for (const i of items) {
    if (Object.keys(i.changes).length === 0) continue;
    const key = canonical(i.changes);
    const g = groups.get(key) ?? { changes: i.changes, ids: [] };
    g.ids.push(i.requirementId);
    groups.set(key, g);
  }
  for (const g of groups.values()) await bulkUpdate(ctx, year, g.ids, g.changes);

  // 2. Evidence linked to the assessments of this year, through the evidence use cases.
  for (const i of items) {
    for (const e of i.evidenceRemove) await unlinkAssessment(ctx, year, i.requirementId, e);
    for (const e of i.evidenceAdd) await linkAssessment(ctx, year, i.requirementId, e);
  }

  // 3. Measures: the links of each measure change through the measure use case.
  const perMeasure = new Map<string, { add: string[]; remove: string[] }>();
  for (const i of items) {
    for (const m of i.measuresAdd) (perMeasure.get(m) ?? perMeasure.set(m, { add: [], remove: [] }).get(m)!).add.push(i.requirementId);
    for (const m of i.measuresRemove) (perMeasure.get(m) ?? perMeasure.set(m, { add: [], remove: [] }).get(m)!).remove.push(i.requirementId);
  }
  for (const [measureId, ch] of perMeasure) {
    const m = await getMeasure(ctx, measureId);
    const remove = new Set(ch.remove);
    const links = m.requirements.filter((l) => !remove.has(l.requirementId)).map((l) => ({ framework: l.framework, ref: l.ref, coverage: l.coverage }));
    for (const rid of ch.add) {
      if (links.some((l) => byId.get(rid)?.ref === l.ref && byId.get(rid)?.framework === l.framework)) continue;
      const r = byId.get(rid)!;
      links.push({ framework: r.framework, ref: r.ref, coverage: 'full' });
    }
    await updateMeasure(ctx, measureId, { requirements: links });
  }

  ctx.audit.record({ organisationId: org.id, entityType: 'assessment_year', entityId: String(year), action: 'import', after: { rows: items.length, fields: summary } });
  return { ok: true, body: out };
}

/** The address of a column's cell in a row of a sheet, by the header of that sheet. */
function cellAddress(wb: ExcelJS.Workbook, sheet: string, row: number, key: ColumnKey): string {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return '';
  const header = EXPORT_COLUMNS.find((c) => c.key === key)!.header.toLowerCase();
  let col = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (!col && cellText(cell.value).trim().toLowerCase() === header) col = c;
  });
  return col ? ws.getCell(row, col).address : `rij ${row}`;
}

