import ExcelJS from 'exceljs';
import { asc, eq, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { riskLinks, riskThreats, risks, dpiaRecords, threats } from '../../core/db/schema.js';
import { localDate } from '../../../shared/dates.js';
import { nameNodes, type LinkType } from './links.js';
import { activeAcceptances, loadMatrix, mitigationsOf, namesOf, scoreOf } from './repo.js';

export const RISK_SHEET = 'Risicoregister';

export const TREATMENT_LABEL: Record<string, string> = {
  open: 'Nog niet behandeld',
  mitigate: 'Verminderen (maatregelen)',
  accept: 'Accepteren',
  transfer: 'Overdragen',
  avoid: 'Vermijden',
};
const STATUS_LABEL: Record<string, string> = { open: 'open', closed: 'gesloten' };
const MEASURE_STATUS_LABEL: Record<string, string> = { gepland: 'gepland', in_uitvoering: 'in uitvoering', geimplementeerd: 'geïmplementeerd', vervallen: 'vervallen' };

export const COLUMNS: { header: string; width: number }[] = [
  { header: 'Kenmerk', width: 10 },
  { header: 'Titel', width: 44 },
  { header: 'Domein', width: 12 },
  { header: 'Omschrijving', width: 60 },
  { header: 'Eigenaar', width: 24 },
  { header: 'Status', width: 10 },
  { header: 'Bruto kans', width: 10 },
  { header: 'Bruto impact', width: 10 },
  { header: 'Bruto score', width: 10 },
  { header: 'Bruto niveau', width: 12 },
  { header: 'Behandeling', width: 24 },
  { header: 'Toelichting behandeling', width: 44 },
  { header: 'Overgedragen aan', width: 24 },
  { header: 'Doel kans', width: 10 },
  { header: 'Doel impact', width: 10 },
  { header: 'Netto kans', width: 10 },
  { header: 'Netto impact', width: 10 },
  { header: 'Netto score', width: 10 },
  { header: 'Netto niveau', width: 12 },
  { header: 'Maatregelen', width: 50 },
  { header: 'Geïmplementeerd', width: 14 },
  { header: 'Geaccepteerd door', width: 24 },
  { header: 'Acceptatie geldig tot', width: 14 },
  { header: 'Reviewdatum', width: 12 },
  { header: 'Gekoppeld aan', width: 50 },
  { header: 'Dreigingen', width: 44 },
  { header: 'DPIA', width: 30 },
  { header: 'Laatst gewijzigd', width: 20 },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

/** The whole register (open and closed risks) as XLSX: one row per risk, Dutch headers, and an explanation sheet. */
export async function risksXlsx(ctx: OrgCtx): Promise<{ file: Buffer; count: number }> {
  const { tx, org } = ctx;
  const matrix = await loadMatrix(tx, org.id);
  const rows = await tx
    .select()
    .from(risks)
    .where(eq(risks.organisationId, org.id))
    .orderBy(asc(risks.status), sql`${risks.residualLikelihood} * ${risks.residualImpact} desc`, asc(risks.ref));
  const ids = rows.map((r) => r.id);
  const owners = await namesOf(
    tx,
    rows.map((r) => r.ownerId),
  );
  const accepted = await activeAcceptances(tx, org.id, ids);
  const mitigations = await mitigationsOf(tx, org.id, ids);
  const links = await tx.select().from(riskLinks).where(eq(riskLinks.organisationId, org.id));
  const names = await nameNodes(
    tx,
    org.id,
    links.map((l) => ({ type: l.targetType as LinkType, id: l.targetId })),
  );
  const threatRows = await tx
    .select({ riskId: riskThreats.riskId, name: threats.name })
    .from(riskThreats)
    .innerJoin(threats, eq(threats.id, riskThreats.threatId))
    .where(eq(riskThreats.organisationId, org.id))
    .orderBy(asc(threats.position));
  const dpias = new Map((await tx.select({ id: dpiaRecords.id, name: dpiaRecords.name }).from(dpiaRecords).where(eq(dpiaRecords.organisationId, org.id))).map((d) => [d.id, d.name]));
  const today = localDate();

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weerbaar';
  wb.created = new Date();
  const ws = wb.addWorksheet(RISK_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const header = ws.getRow(1);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const r of rows) {
    const inherent = scoreOf(matrix, r.inherentLikelihood, r.inherentImpact);
    const residual = scoreOf(matrix, r.residualLikelihood, r.residualImpact);
    const m = mitigations.get(r.id)!;
    const a = accepted.get(r.id);
    const linked = links
      .filter((l) => l.riskId === r.id)
      .map((l) => names.get(`${l.targetType}:${l.targetId}`))
      .filter((x) => !!x)
      .map((x) => x!.name)
      .sort((p, q) => p.localeCompare(q, 'nl'));
    const row = ws.addRow([
      r.ref,
      r.title,
      r.domain,
      r.description,
      r.ownerId ? (owners.get(r.ownerId)?.name ?? '') : '',
      STATUS_LABEL[r.status] ?? r.status,
      inherent.likelihood,
      inherent.impact,
      inherent.score,
      inherent.level,
      TREATMENT_LABEL[r.treatment] ?? r.treatment,
      r.treatmentNote,
      r.transferredTo ?? '',
      r.targetLikelihood == null ? null : Number(r.targetLikelihood),
      r.targetImpact == null ? null : Number(r.targetImpact),
      residual.likelihood,
      residual.impact,
      residual.score,
      residual.level,
      m.measures.map((x) => `${x.title} (${MEASURE_STATUS_LABEL[x.status] ?? x.status})`).join('; '),
      m.total ? `${m.implemented} van ${m.total}` : '',
      a ? `${a.deciderName} (${a.deciderFunction})` : '',
      a ? a.validUntil + (a.validUntil < today ? ' (verlopen)' : '') : '',
      r.reviewDate ?? '',
      linked.join('; '),
      threatRows
        .filter((t) => t.riskId === r.id)
        .map((t) => (t.name as { nl?: string }).nl ?? '')
        .join('; '),
      r.dpiaId ? (dpias.get(r.dpiaId) ?? '') : '',
      new Date(r.updatedAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(ws.rowCount, 1), column: COLUMNS.length } };

  const help = wb.addWorksheet('Toelichting');
  help.getColumn(1).width = 30;
  help.getColumn(2).width = 100;
  const lines: [string, string][] = [
    ['Risicoregister', `${org.name} · ${rows.length} risico’s · ${today}`],
    ['', ''],
    ['Matrix', `${matrix.likelihoodLabels.length} × ${matrix.impactLabels.length}; score = kans × impact`],
    ['Kans', matrix.likelihoodLabels.map((l, i) => `${i + 1} ${l}`).join(', ')],
    ['Impact', matrix.impactLabels.map((l, i) => `${i + 1} ${l}`).join(', ')],
    ['Niveaus', `laag t/m ${matrix.levelBounds[0]}, midden t/m ${matrix.levelBounds[1]}, hoog t/m ${matrix.levelBounds[2]}, daarboven kritiek`],
    ['Bruto', 'het risico zonder (nieuwe) maatregelen'],
    ['Netto', 'het restrisico nu; bij verminderen volgt het de status van de gekoppelde maatregelen'],
    ['Doel', 'het restrisico dat de behandeling beoogt'],
  ];
  for (const [k, v] of lines) help.addRow([k, v]).getCell(1).font = { bold: true };
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), count: rows.length };
}
