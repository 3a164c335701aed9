import { computeDeadlines, RULE_SETS, type DeadlineRule } from '../../../shared/deadlines/index.js';
import type { DeadlineState } from '../../../shared/incidents.js';
import type { IncidentRow, ReportRow } from './repo.js';

/*
 * The legal deadlines of an incident, server side: the recorded moments (awareAt, handledAt) and the
 * sent reports (the incident notification is the Cbw's `notified` moment) go into the shared computation
 * of src/shared/deadlines with the rule files; nothing about deadlines is stored. The Cbw deadlines apply
 * once the incident is judged significant, the AVG deadline once it is judged a personal-data breach.
 *
 * States: open (due in the future, not sent), te_laat (due passed, not sent), gedaan (sent at or before
 * the due moment), te_laat_gedaan (sent after it). `now` is a parameter so tests can move the clock.
 */

export type Regime = 'cbw' | 'avg';

export interface IncidentDeadline {
  id: string;
  regime: Regime;
  name: string;
  due: string;
  rule: string;
  basis: string;
  recipient: string | null;
  state: DeadlineState;
  doneAt: string | null;
  overdue: boolean;
}

/** The regime a report kind belongs to (the kind is the deadline id of the rule file). */
export function regimeOf(kind: string): Regime {
  return RULE_SETS.avg.deadlines.some((d) => d.id === kind) ? 'avg' : 'cbw';
}

function allRules(regime: Regime): DeadlineRule[] {
  return RULE_SETS[regime].deadlines.flatMap((d) => [d, ...(d.whenOngoing ?? [])]);
}

/** The name of a report kind from the rule files (Dutch). */
export function kindName(kind: string): string {
  return allRules(regimeOf(kind)).find((r) => r.id === kind)?.name.nl ?? kind;
}

export type Moments = Pick<IncidentRow, 'awareAt' | 'handledAt' | 'cbwSignificant' | 'avgBreach'>;

/** The sent moment per report kind. */
export function sentByKind(reports: readonly Pick<ReportRow, 'kind' | 'sentAt'>[]): Map<string, Date> {
  return new Map(reports.filter((r) => r.sentAt).map((r) => [r.kind, new Date(r.sentAt!)]));
}

export function stateOf(due: Date, doneAt: Date | undefined, now: Date): DeadlineState {
  if (doneAt) return doneAt.getTime() <= due.getTime() ? 'gedaan' : 'te_laat_gedaan';
  return now.getTime() > due.getTime() ? 'te_laat' : 'open';
}

/** The deadlines that apply to the incident, earliest due first. */
export function incidentDeadlines(incident: Moments, reports: readonly Pick<ReportRow, 'kind' | 'sentAt'>[], now: Date = new Date()): IncidentDeadline[] {
  const sent = sentByKind(reports);
  const out: IncidentDeadline[] = [];
  const regimes: Regime[] = [];
  if (incident.cbwSignificant === true) regimes.push('cbw');
  if (incident.avgBreach === true) regimes.push('avg');
  for (const regime of regimes) {
    const moments = {
      aware: new Date(incident.awareAt),
      notified: regime === 'cbw' ? (sent.get('incident-notification') ?? null) : null,
      handled: incident.handledAt ? new Date(incident.handledAt) : null,
    };
    for (const d of computeDeadlines(RULE_SETS[regime], moments, { lang: 'nl' })) {
      const doneAt = sent.get(d.id);
      const state = stateOf(d.due, doneAt, now);
      out.push({
        id: d.id,
        regime,
        name: d.name,
        due: d.due.toISOString(),
        rule: d.rule,
        basis: d.basis,
        recipient: d.recipient ?? null,
        state,
        doneAt: doneAt ? doneAt.toISOString() : null,
        overdue: state === 'te_laat',
      });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

/** The earliest deadline not yet done (open or te_laat), if any. */
export const nextDeadlineOf = (deadlines: readonly IncidentDeadline[]) => deadlines.find((d) => d.doneAt === null) ?? null;
export const overdueOf = (deadlines: readonly IncidentDeadline[]) => deadlines.some((d) => d.overdue);

/**
 * A conservative lower bound, in hours, of each rule's period: exact for hours; for calendar days and
 * months the shortest they can be (a day of 23 hours, a month of 28 days of 23 hours). The list uses it
 * to pre-filter "overdue" in SQL (a superset), after which the exact computation decides.
 */
export function minimumHours(rule: DeadlineRule): number {
  const a = rule.after as Record<string, number>;
  if ('hours' in a) return a.hours;
  if ('days' in a) return a.days * 23;
  return a.months * 28 * 24 - 2;
}

/** Every rule (including the replacements when ongoing) of the regimes, for the SQL pre-filter. */
export const rulesOf = (regime: Regime) => allRules(regime);
