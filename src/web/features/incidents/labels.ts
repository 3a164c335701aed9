import { useTranslation } from 'react-i18next';
import { RULE_SETS, ruleText } from '../../../shared/deadlines';
import type { DeadlineState } from '../../../shared/incidents';
import { formatMoment, remaining } from './time';

/** Labels for the incident vocabulary in the interface language. */
export function useIncidentLabels() {
  const { t, i18n } = useTranslation();
  return {
    category: (value: string) => t(`incidents.categories.${value}`, { defaultValue: value }),
    severity: (value: string) => t(`incidents.severities.${value}`, { defaultValue: value }),
    status: (value: string) => t(`incidents.statuses.${value}`, { defaultValue: value }),
    kind: (value: string) => t(`incidents.timeline.kinds.${value}`, { defaultValue: value }),
    avgCategory: (value: string) => t(`incidents.avg.categories.${value}`, { defaultValue: value }),
    channel: (value: string) => t(`incidents.reports.channels.${value}`, { defaultValue: value }),
    linkType: (value: string) => t(`incidents.links.types.${value}`, { defaultValue: value }),
    deadlineState: (state: DeadlineState, doneAt: string | null) =>
      t(`incidents.deadlines.states.${state}`, { at: formatMoment(doneAt, i18n.language) }),
    /** "over 11 uur" / "3 uur te laat" */
    remaining: (due: string, now?: Date) => {
      const r = remaining(due, now);
      return t(`incidents.remaining.${r.past ? 'late' : 'left'}.${r.unit}`, { count: r.count });
    },
    moment: (iso: string | null | undefined) => formatMoment(iso, i18n.language),
    yesNo: (value: boolean | null) => (value === null ? t('incidents.legal.unanswered') : value ? t('common.yes') : t('common.no')),
  };
}

export const incidentsPath = (slug: string) => `/o/${encodeURIComponent(slug)}/incidenten`;
export const newIncidentPath = (slug: string) => `${incidentsPath(slug)}/nieuw`;
export const incidentPath = (slug: string, id: string) => `${incidentsPath(slug)}/${encodeURIComponent(id)}`;

/** Badge variants (Utrecht status badge) per severity; the badge always carries the severity's name. */
export const SEVERITY_BADGE: Record<string, string> = { laag: 'safe', midden: 'warning', hoog: 'danger', kritiek: 'error' };

/**
 * A deadline's texts in the interface language. The API writes them in Dutch; the rule files of
 * src/shared/deadlines hold both languages, so the web takes the English ones from there (the rule
 * with the same id and the same Dutch rule text, for the two variants of the final report).
 */
export function localDeadline<D extends { id: string; regime: string; name: string; rule: string; basis: string; recipient: string | null }>(deadline: D, lang: string): D {
  if (lang !== 'en') return deadline;
  const set = RULE_SETS[deadline.regime];
  if (!set) return deadline;
  const candidates = set.deadlines.flatMap((rule) => [rule, ...(rule.whenOngoing ?? [])]).filter((rule) => rule.id === deadline.id);
  const rule = candidates.find((c) => ruleText(c, 'nl') === deadline.rule) ?? candidates[0];
  if (!rule) return deadline;
  return { ...deadline, name: rule.name.en, rule: ruleText(rule, 'en'), basis: rule.basis.en, recipient: rule.recipient ? rule.recipient.en : deadline.recipient };
}

/** The name of a report kind in the interface language (from the rule files; Dutch from the API otherwise). */
export function reportKindName(kind: string, lang: string, fallback: string): string {
  if (lang !== 'en') return fallback;
  for (const set of Object.values(RULE_SETS)) {
    for (const rule of set.deadlines.flatMap((r) => [r, ...(r.whenOngoing ?? [])])) if (rule.id === kind) return rule.name.en;
  }
  return fallback;
}
