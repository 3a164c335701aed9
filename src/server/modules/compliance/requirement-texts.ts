import crypto from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { frameworks, requirements, requirementTexts } from '../../core/db/schema.js';
import { notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { unreadable, type ImportProblem } from './importers/common.js';
import { PROCUREMENT_KIND } from './package.js';
import { cellText, columnLetter, isMergeCopy, loadWorkbook } from './importers/xlsx.js';

/**
 * The official text of a framework's measures (the BIO2 spreadsheet), loaded by one organisation
 * into its own installation; Weerbaar ships no official text (docs/decisions/0011-importers.md).
 * The spreadsheet's layout is found, not assumed: the column whose cells look like measure
 * numbers, and the column under a heading like "Maatregel", "Omschrijving", "Tekst" or "Beschrijving".
 */

export const DEFAULT_TEXT_FRAMEWORK = 'weerbaar:bio2';
const MEASURE_ID = /^\d{1,2}\.\d{2}\.\d{2}$/;
const TEXT_HEADING = /maatregel|omschrijving|tekst|beschrijving/i;
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 100;
const MAX_TEXT = 32_767;

interface Requirement {
  id: string;
  ref: string;
  assessable: boolean;
  status: string;
}

export interface TextImportResult {
  mode: 'preview' | 'import';
  valid: boolean;
  framework: string;
  layout: { sheet: string; idColumn: string; textColumn: string; headerRow: number } | null;
  counts: { texts: number; unmatched: number; missing: number };
  unmatched: { path: string; ref: string }[];
  missing: string[];
  problems: ImportProblem[];
  action: 'replaced' | 'unchanged' | null;
}

interface Found {
  layout: NonNullable<TextImportResult['layout']>;
  texts: Map<string, { text: string; path: string }>;
  unmatched: { path: string; ref: string }[];
  problems: ImportProblem[];
}

/** Finds the measure-number column and the text column in any sheet, and reads the texts. */
export function readTextSheet(wb: ExcelJS.Workbook, known: Map<string, Requirement>): Found {
  const looksLikeId = (t: string) => MEASURE_ID.test(t) || known.get(t)?.assessable === true;
  let best: { ws: ExcelJS.Worksheet; column: number; count: number; first: number } | null = null;
  for (const ws of wb.worksheets) {
    const rows = Math.min(ws.rowCount, MAX_ROWS);
    const columns = Math.min(ws.columnCount, MAX_COLUMNS);
    for (let c = 1; c <= columns; c++) {
      let count = 0;
      let first = 0;
      for (let r = 1; r <= rows; r++) {
        const cell = ws.getRow(r).getCell(c);
        if (isMergeCopy(cell) || !looksLikeId(cellText(cell))) continue;
        count++;
        first ||= r;
      }
      if (count > (best?.count ?? 0)) best = { ws, column: c, count, first };
    }
  }
  if (!best) {
    throw unreadable('In deze werkmap staat geen kolom met maatregelnummers (zoals 5.15.01). Is dit de officiële spreadsheet van het raamwerk?');
  }
  const { ws, column: idColumn, first } = best;
  const rows = Math.min(ws.rowCount, MAX_ROWS);
  const dataRows = (from: number) => {
    const out: number[] = [];
    for (let r = from; r <= rows; r++) {
      const cell = ws.getRow(r).getCell(idColumn);
      if (!isMergeCopy(cell) && looksLikeId(cellText(cell))) out.push(r);
    }
    return out;
  };
  let header: { row: number; column: number } | null = null;
  for (let r = first - 1; r >= Math.max(1, first - 30) && !header; r--) {
    const row = ws.getRow(r);
    const candidates: number[] = [];
    for (let c = 1; c <= Math.min(ws.columnCount, MAX_COLUMNS); c++) {
      if (c !== idColumn && TEXT_HEADING.test(cellText(row.getCell(c)))) candidates.push(c);
    }
    if (!candidates.length) continue;
    // more than one heading fits ("Maatregel", "Toelichting maatregel"): the column with the most text
    const data = dataRows(r + 1);
    const length = (c: number) => data.reduce((n, d) => n + cellText(ws.getRow(d).getCell(c)).length, 0);
    const column = candidates.reduce((a, b) => (length(b) > length(a) ? b : a));
    header = { row: r, column };
  }
  const idLetter = columnLetter(idColumn);
  if (!header) {
    throw unreadable(
      `Boven de maatregelnummers in ${ws.name}!${idLetter}${first} staat geen kolomkop als "Maatregel", "Omschrijving", "Tekst" of "Beschrijving"; zo weet Weerbaar niet welke kolom de tekst bevat.`,
      [{ path: `${ws.name}!${idLetter}${first}`, message: 'geen kolomkop voor de tekst gevonden' }],
    );
  }
  const textLetter = columnLetter(header.column);
  const texts = new Map<string, { text: string; path: string }>();
  const unmatched: Found['unmatched'] = [];
  const problems: ImportProblem[] = [];
  for (const r of dataRows(header.row + 1)) {
    const row = ws.getRow(r);
    const ref = cellText(row.getCell(idColumn));
    const idPath = `${ws.name}!${idLetter}${r}`;
    const textPath = `${ws.name}!${textLetter}${r}`;
    const text = cellText(row.getCell(header.column)).replace(/\r\n?/g, '\n');
    if (!known.has(ref)) {
      unmatched.push({ path: idPath, ref });
      continue;
    }
    if (!text) {
      problems.push({ path: textPath, message: `tekst ontbreekt bij ${ref}`, sheet: ws.name, cell: `${textLetter}${r}` });
      continue;
    }
    if (text.length > MAX_TEXT) {
      problems.push({ path: textPath, message: `tekst bij ${ref} is langer dan ${MAX_TEXT} tekens`, sheet: ws.name, cell: `${textLetter}${r}` });
      continue;
    }
    const earlier = texts.get(ref);
    if (earlier && earlier.text !== text) {
      problems.push({ path: idPath, message: `${ref} staat al op ${earlier.path} met een andere tekst`, sheet: ws.name, cell: `${idLetter}${r}` });
      continue;
    }
    if (!earlier) texts.set(ref, { text, path: textPath });
  }
  return { layout: { sheet: ws.name, idColumn: idLetter, textColumn: textLetter, headerRow: header.row }, texts, unmatched, problems };
}

/** This organisation's texts of one framework (RLS limits to the organisation as well). */
const ofFramework = (ctx: OrgCtx, frameworkId: string) =>
  and(
    eq(requirementTexts.organisationId, ctx.org.id),
    inArray(requirementTexts.requirementId, ctx.tx.select({ id: requirements.id }).from(requirements).where(eq(requirements.frameworkId, frameworkId))),
  );

async function frameworkRequirements(ctx: OrgCtx, frameworkId: string): Promise<Map<string, Requirement>> {
  const [f] = await ctx.tx.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.id, frameworkId), ne(frameworks.kind, PROCUREMENT_KIND)));
  if (!f) throw notFound(`Raamwerk "${frameworkId}" staat niet in de bibliotheek.`);
  const rows = await ctx.tx
    .select({ id: requirements.id, ref: requirements.ref, assessable: requirements.assessable, status: requirements.status })
    .from(requirements)
    .where(eq(requirements.frameworkId, frameworkId))
    .orderBy(asc(requirements.position));
  return new Map(rows.map((r) => [r.ref, r]));
}

export async function importRequirementTexts(ctx: OrgCtx, body: Buffer, frameworkId: string, mode: 'preview' | 'import'): Promise<TextImportResult> {
  const known = await frameworkRequirements(ctx, frameworkId);
  const wb = await loadWorkbook(body);
  const found = readTextSheet(wb, known);
  const problems = [...found.problems];
  if (found.texts.size === 0 && problems.length === 0) {
    problems.push({ path: `${found.layout.sheet}!${found.layout.idColumn}${found.layout.headerRow + 1}`, message: `geen enkel maatregelnummer uit het bestand komt voor in ${frameworkId}` });
  }
  const missing = [...known.values()].filter((r) => r.assessable && r.status === 'active' && !found.texts.has(r.ref)).map((r) => r.ref);
  const result: TextImportResult = {
    mode,
    valid: problems.length === 0,
    framework: frameworkId,
    layout: found.layout,
    counts: { texts: found.texts.size, unmatched: found.unmatched.length, missing: missing.length },
    unmatched: found.unmatched.slice(0, 500),
    missing,
    problems: problems.slice(0, 200),
    action: null,
  };
  if (problems.length || mode === 'preview') return result;

  const existing = await ctx.tx
    .select({ requirementId: requirementTexts.requirementId, text: requirementTexts.text })
    .from(requirementTexts)
    .where(ofFramework(ctx, frameworkId));
  const wanted = new Map([...found.texts].map(([ref, t]) => [known.get(ref)!.id, t.text]));
  const same = existing.length === wanted.size && existing.every((e) => wanted.get(e.requirementId) === e.text);
  if (same) return { ...result, action: 'unchanged' };

  const hash = crypto.createHash('sha256').update(body).digest('hex');
  const source = `spreadsheet (sha256 ${hash.slice(0, 16)}), blad "${found.layout.sheet}", kolom ${found.layout.textColumn}`;
  await ctx.tx.delete(requirementTexts).where(ofFramework(ctx, frameworkId));
  const rows = [...wanted].map(([requirementId, text]) => ({ organisationId: ctx.org.id, requirementId, text, source }));
  for (let i = 0; i < rows.length; i += 500) await ctx.tx.insert(requirementTexts).values(rows.slice(i, i + 500));
  ctx.audit.record({
    organisationId: ctx.org.id,
    entityType: 'requirement_texts',
    entityId: frameworkId,
    action: 'import',
    before: { texts: existing.length },
    after: { texts: rows.length, source },
  });
  return { ...result, action: 'replaced' };
}

export async function listRequirementTexts(ctx: OrgCtx, frameworkId: string) {
  await frameworkRequirements(ctx, frameworkId);
  const rows = await ctx.tx
    .select({ requirementId: requirements.id, ref: requirements.ref, text: requirementTexts.text, source: requirementTexts.source, importedAt: requirementTexts.importedAt })
    .from(requirementTexts)
    .innerJoin(requirements, eq(requirements.id, requirementTexts.requirementId))
    .where(and(eq(requirementTexts.organisationId, ctx.org.id), eq(requirements.frameworkId, frameworkId)))
    .orderBy(asc(requirements.position));
  return { items: rows.map((r) => ({ ...r, importedAt: iso(r.importedAt)! })) };
}

export async function deleteRequirementTexts(ctx: OrgCtx, frameworkId: string) {
  await frameworkRequirements(ctx, frameworkId);
  const gone = await ctx.tx.delete(requirementTexts).where(ofFramework(ctx, frameworkId)).returning({ id: requirementTexts.requirementId });
  if (gone.length) {
    ctx.audit.record({ organisationId: ctx.org.id, entityType: 'requirement_texts', entityId: frameworkId, action: 'delete', before: { texts: gone.length }, after: null });
  }
}
