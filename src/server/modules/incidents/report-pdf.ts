import type { ReportDocument } from '../../core/reports/index.js';
import { RULE_SETS } from '../../../shared/deadlines/index.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { requireIncident } from './manage-incidents.js';
import { REPORT_FIELD_LABELS } from './present.js';
import { regimeOf } from './deadlines.js';
import { localTime } from './repo.js';
import { getReport } from './reports.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CHANNEL_LABEL: Record<string, string> = { csirt: 'aan het CSIRT via Weerbaar', extern: 'buiten Weerbaar' };

/** A report field as a reader sees it: yes/no, lists joined, instants in Amsterdam time, "—" for empty. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (typeof value === 'number') return value.toLocaleString('nl-NL');
  if (Array.isArray(value)) return value.length ? value.map(displayValue).join('\n') : '—';
  if (typeof value === 'string') return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? `${localTime(new Date(value))} (Europe/Amsterdam)` : value;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // a contact person: name, function, e-mail, phone — whichever are there
    return Object.values(o).filter((v) => v !== null && v !== undefined && v !== '').map(displayValue).join(', ') || '—';
  }
  return String(value);
}

/** The legal basis of a report kind from the rule file, for the header of the document. */
function basisOf(kind: string): string {
  const rules = RULE_SETS[regimeOf(kind)].deadlines.flatMap((d) => [d, ...(d.whenOngoing ?? [])]);
  return rules.find((r) => r.id === kind)?.basis.nl ?? '';
}

/**
 * A Cbw or AVG report as a printable document: what it is, its legal basis, whether it is a draft or
 * what was sent when (with the sha-256 of the content), and every field with its Dutch label in the
 * order of the content.
 */
export async function incidentReportDocument(ctx: OrgCtx, incidentId: string, kind: string): Promise<ReportDocument> {
  const incident = await requireIncident(ctx, incidentId);
  const report = await getReport(ctx, incidentId, kind);
  const state = report.sentAt
    ? `Verzonden op ${localTime(new Date(report.sentAt))} door ${report.sentBy ?? 'onbekend'} ${CHANNEL_LABEL[report.channel ?? ''] ?? ''}`.trim()
    : 'Concept — nog niet verzonden';
  return {
    title: `${report.sentAt ? '' : 'CONCEPT — '}${report.name}`,
    subtitle: `${ctx.org.name} · incident ${incident.ref} ${incident.title}`,
    author: ctx.org.name,
    language: 'nl-NL',
    orientation: 'portrait',
    pageLabel: 'pagina {page} van {pages}',
    footer: `${incident.ref} · ${report.name}${report.contentHash ? ` · sha-256 ${report.contentHash.slice(0, 16)}…` : ' · concept'}`,
    blocks: [
      {
        kind: 'facts',
        items: [
          { label: 'Melding', value: report.name },
          { label: 'Wettelijke grondslag', value: basisOf(kind) },
          { label: 'Stand', value: state },
          ...(report.contentHash ? [{ label: 'Vingerafdruk van de inhoud (sha-256)', value: report.contentHash }] : []),
        ],
      },
      { kind: 'heading', text: 'Inhoud' },
      { kind: 'facts', items: Object.entries(report.content).map(([key, value]) => ({ label: REPORT_FIELD_LABELS[key] ?? key, value: displayValue(value) })) },
    ],
  };
}
