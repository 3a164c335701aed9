import type { ReportDocument } from '../../core/reports/index.js';
import { soaFacts, type Soa } from './soa-data.js';
import { chapterLabel, SOA_COLUMNS, TITLE } from './soa-xlsx.js';

/** The same statement as a printable report (rendered to PDF by the ReportRenderer). */
export function soaReport(s: Soa): ReportDocument {
  const cols = SOA_COLUMNS.slice(1);
  const weights = [6, 17, 8, 12, 8, 23, 18, 14, 9];
  return {
    title: TITLE,
    subtitle: `${s.organisation.name} · ${s.framework.title} ${s.framework.version} · verantwoordingsjaar ${s.year}`,
    author: s.organisation.name,
    language: 'nl-NL',
    orientation: 'landscape',
    pageLabel: 'pagina {page} van {pages}',
    footer: `${TITLE} ${s.organisation.name} ${s.year} · ${s.signed ? `ondertekend, snapshot ${s.signed.snapshotHash.slice(0, 12)}…` : 'concept'}`,
    blocks: [
      { kind: 'facts', items: soaFacts(s) },
      {
        kind: 'facts',
        items: [
          {
            label: 'Samenvatting',
            value: `${s.counts.total} eisen, ${s.counts.notApplicable} niet van toepassing; van toepassing: ${s.counts.voldoet} voldoet, ${s.counts.voldoet_deels} voldoet deels, ${s.counts.voldoet_niet} voldoet niet, ${s.counts.niet_beoordeeld} niet beoordeeld`,
          },
        ],
      },
      {
        kind: 'table',
        columns: cols.map((c, i) => ({ header: c.header, weight: weights[i] })),
        rows: s.chapters.flatMap((ch) => [
          ...(ch.ref ? [{ group: chapterLabel(ch) }] : []),
          ...ch.items.map((i) => ({
            cells: [i.ref, i.title, i.applicable ? 'ja' : 'nee', i.notApplicableReason, i.resultLabel, i.explanation, i.measures.join('\n'), i.evidence.join('\n'), i.owner],
          })),
        ]),
      },
    ],
  };
}
