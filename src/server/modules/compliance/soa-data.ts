import type { OrgCtx } from '../../core/http/pipeline.js';
import { badRequest } from '../../core/http/problem.js';
import { loadYear, type YearRow } from './assessment-years.js';
import { deriveCoverage } from './derive-coverage.js';
import { formatMoment, frameworkInfo, MEASURE_STATUS_LABEL, reportedAnswers, reportedEvidence, RESULT_LABEL, snapshotIntact, type FrameworkInfo } from './export-data.js';

export interface SoaItem {
  requirementId: string;
  ref: string;
  title: string;
  applicable: boolean;
  notApplicableReason: string;
  result: string;
  resultLabel: string;
  explanation: string;
  measures: string[];
  evidence: string[];
  owner: string;
}

export interface SoaChapter {
  ref: string;
  title: string;
  items: SoaItem[];
}

export interface SoaCounts {
  total: number;
  applicable: number;
  notApplicable: number;
  voldoet: number;
  voldoet_deels: number;
  voldoet_niet: number;
  niet_beoordeeld: number;
}

export interface Soa {
  organisation: { slug: string; name: string };
  year: number;
  phase: string;
  framework: FrameworkInfo;
  signed: { name: string; function: string; at: string; snapshotHash: string; intact: boolean | null } | null;
  source: 'snapshot' | 'live';
  generatedAt: Date;
  chapters: SoaChapter[];
  counts: SoaCounts;
  chapterCounts: (SoaCounts & { chapter: string })[];
}

const emptyCounts = (): SoaCounts => ({ total: 0, applicable: 0, notApplicable: 0, voldoet: 0, voldoet_deels: 0, voldoet_niet: 0, niet_beoordeeld: 0 });

function count(c: SoaCounts, i: SoaItem) {
  c.total++;
  if (!i.applicable) {
    c.notApplicable++;
    return;
  }
  c.applicable++;
  c[i.result as 'voldoet']++;
}

/** How a source of a requirement reads in the statement: the measure, and how it counts when not directly. */
function measureLabel(s: Awaited<ReturnType<typeof deriveCoverage>>['items'][number]['sources'][number]) {
  const parts: string[] = [];
  if (s.via === 'mapping' && s.mapping) parts.push(`via ${s.mapping.framework} ${s.mapping.ref}`);
  if (s.coverage === 'partial') parts.push('deels');
  if (s.measure.status !== 'geimplementeerd') parts.push(MEASURE_STATUS_LABEL[s.measure.status] ?? s.measure.status);
  return parts.length ? `${s.measure.title} (${parts.join(', ')})` : s.measure.title;
}

export async function resolveFramework(y: YearRow, framework: string | undefined) {
  const id = framework ?? y.frameworkIds[0];
  if (!id || !y.frameworkIds.includes(id)) {
    throw badRequest(`Raamwerk ${framework} hoort niet bij verantwoordingsjaar ${y.year}. Kies uit: ${y.frameworkIds.join(', ')}.`, [
      { path: 'query.framework', message: `niet in dit jaar: ${framework}` },
    ]);
  }
  return id;
}

/**
 * The Statement of Applicability of one framework in a year: per requirement (by chapter, in ref order)
 * whether it applies, why not, the result and explanation, the measures that implement it (direct and
 * through mappings, as derived coverage finds them), the evidence and the owner. A signed year reports
 * the answers from the frozen snapshot.
 */
export async function buildSoa(ctx: OrgCtx, year: number, framework?: string): Promise<Soa> {
  const y = await loadYear(ctx.tx, ctx.org.id, year);
  const frameworkId = await resolveFramework(y, framework);
  const info = (await frameworkInfo(ctx.tx, [frameworkId])).get(frameworkId)!;
  const { source, rows } = await reportedAnswers(ctx, y);
  const coverage = await deriveCoverage(ctx, frameworkId);
  const sourcesOf = new Map(coverage.items.map((i) => [i.requirementId, i.sources]));
  const evidence = await reportedEvidence(ctx, y, rows);

  const chapters: SoaChapter[] = [];
  const counts = emptyCounts();
  const chapterCounts: (SoaCounts & { chapter: string })[] = [];
  for (const r of rows.filter((x) => x.framework === frameworkId)) {
    const key = r.chapter ?? '';
    let ch = chapters[chapters.length - 1];
    if (!ch || ch.ref !== key) {
      ch = { ref: key, title: r.chapterTitle ?? '', items: [] };
      chapters.push(ch);
      chapterCounts.push({ chapter: key ? `${key} ${r.chapterTitle ?? ''}`.trim() : '(zonder hoofdstuk)', ...emptyCounts() });
    }
    const item: SoaItem = {
      requirementId: r.requirementId,
      ref: r.ref,
      title: r.title,
      applicable: r.applicable,
      notApplicableReason: r.applicable ? '' : (r.notApplicableReason ?? ''),
      result: r.result,
      resultLabel: r.applicable ? (RESULT_LABEL[r.result] ?? r.result) : 'n.v.t.',
      explanation: r.explanation,
      measures: [...new Set((sourcesOf.get(r.requirementId) ?? []).map(measureLabel))],
      evidence: (evidence.get(r.requirementId) ?? []).map((e) => e.title),
      owner: r.ownerName ?? '',
    };
    ch.items.push(item);
    count(counts, item);
    count(chapterCounts[chapterCounts.length - 1], item);
  }
  return {
    organisation: { slug: ctx.org.slug, name: ctx.org.name },
    year: y.year,
    phase: y.phase,
    framework: info,
    signed: y.signedAt
      ? { name: y.signerName ?? '', function: y.signerFunction ?? '', at: y.signedAt.toISOString(), snapshotHash: y.snapshotHash ?? '', intact: snapshotIntact(y) }
      : null,
    source,
    generatedAt: new Date(),
    chapters,
    counts,
    chapterCounts,
  };
}

/** Label–value lines of the document head, shared by the XLSX and the PDF. */
export function soaFacts(s: Soa): { label: string; value: string }[] {
  const facts = [
    { label: 'Organisatie', value: s.organisation.name },
    { label: 'Verantwoordingsjaar', value: String(s.year) },
    { label: 'Raamwerk', value: `${s.framework.title} (${s.framework.id})` },
    { label: 'Versie', value: s.framework.version },
    { label: 'Fase', value: s.phase },
  ];
  if (s.signed) {
    facts.push(
      { label: 'Ondertekend', value: `ja, door ${s.signed.name}${s.signed.function ? ` (${s.signed.function})` : ''} op ${formatMoment(s.signed.at)}` },
      { label: 'Snapshot-hash (SHA-256)', value: s.signed.snapshotHash },
      {
        label: 'Controle snapshot',
        value: s.signed.intact ? 'de bevroren stand komt overeen met de hash' : 'LET OP: de bevroren stand komt NIET overeen met de hash bij ondertekening',
      },
      { label: 'Bron', value: 'antwoorden en bewijs uit de bij ondertekening bevroren stand; maatregelen volgens de huidige koppelingen' },
    );
  } else {
    facts.push({ label: 'Ondertekend', value: 'nee (concept: de stand van nu)' });
  }
  facts.push({ label: 'Gegenereerd op', value: formatMoment(s.generatedAt) });
  return facts;
}
