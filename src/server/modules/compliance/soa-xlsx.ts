import ExcelJS from 'exceljs';
import { formatMoment } from './export-data.js';
import { soaFacts, type Soa } from './soa-data.js';

export const SOA_COLUMNS = [
  { header: 'Hoofdstuk', width: 22 },
  { header: 'Nummer', width: 11 },
  { header: 'Eis', width: 40 },
  { header: 'Van toepassing', width: 14 },
  { header: 'Reden niet van toepassing', width: 30 },
  { header: 'Resultaat', width: 15 },
  { header: 'Toelichting', width: 50 },
  { header: 'Maatregelen', width: 40 },
  { header: 'Bewijs', width: 32 },
  { header: 'Eigenaar', width: 20 },
] as const;

export const TITLE = 'Verklaring van Toepasselijkheid';
const HEADER_ROW = 5;
const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

export const chapterLabel = (c: { ref: string; title: string }) => (c.ref ? `${c.ref} ${c.title}`.trim() : '');

function signedLine(s: Soa) {
  return s.signed
    ? `Ondertekend door ${s.signed.name}${s.signed.function ? ` (${s.signed.function})` : ''} op ${formatMoment(s.signed.at)} · snapshot-hash ${s.signed.snapshotHash}`
    : 'Niet ondertekend: concept, de stand van nu';
}

/** The Statement of Applicability as a workbook: the table (frozen header, filters) and a summary sheet. */
export async function soaXlsx(s: Soa): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weerbaar';
  wb.created = s.generatedAt;
  wb.title = `${TITLE} ${s.organisation.name} ${s.year}`;

  const ws = wb.addWorksheet('Verklaring', { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  ws.getCell('A1').value = `${TITLE} — ${s.framework.title} ${s.framework.version}`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `${s.organisation.name} · verantwoordingsjaar ${s.year} · fase ${s.phase}`;
  ws.getCell('A3').value = signedLine(s);
  ws.getCell('A4').value = `Gegenereerd op ${formatMoment(s.generatedAt)}`;
  SOA_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const header = ws.getRow(HEADER_ROW);
  header.values = SOA_COLUMNS.map((c) => c.header);
  header.font = BOLD;
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const ch of s.chapters) {
    for (const i of ch.items) {
      const row = ws.addRow([
        chapterLabel(ch),
        i.ref,
        i.title,
        i.applicable ? 'ja' : 'nee',
        i.notApplicableReason,
        i.resultLabel,
        i.explanation,
        i.measures.join('\n'),
        i.evidence.join('\n'),
        i.owner,
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(ws.rowCount, HEADER_ROW), column: SOA_COLUMNS.length } };

  const sum = wb.addWorksheet('Samenvatting');
  sum.getColumn(1).width = 34;
  sum.getColumn(2).width = 70;
  sum.addRow([`${TITLE}: samenvatting`]).font = { bold: true, size: 14 };
  sum.addRow([]);
  for (const f of soaFacts(s)) sum.addRow([f.label, f.value]).getCell(1).font = BOLD;
  sum.addRow([]);
  const countHeader = sum.addRow(['Resultaat', 'Aantal']);
  countHeader.font = BOLD;
  const c = s.counts;
  for (const [label, n] of [
    ['voldoet', c.voldoet],
    ['voldoet deels', c.voldoet_deels],
    ['voldoet niet', c.voldoet_niet],
    ['niet beoordeeld', c.niet_beoordeeld],
    ['niet van toepassing', c.notApplicable],
    ['totaal', c.total],
  ] as const) {
    sum.addRow([label, n]);
  }
  sum.addRow([]);
  const chHeader = sum.addRow(['Hoofdstuk', 'Van toepassing', 'Voldoet', 'Voldoet deels', 'Voldoet niet', 'Niet beoordeeld', 'Niet van toepassing']);
  chHeader.font = BOLD;
  for (const ch of s.chapterCounts) sum.addRow([ch.chapter, ch.applicable, ch.voldoet, ch.voldoet_deels, ch.voldoet_niet, ch.niet_beoordeeld, ch.notApplicable]);
  for (let col = 3; col <= 7; col++) sum.getColumn(col).width = 16;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
