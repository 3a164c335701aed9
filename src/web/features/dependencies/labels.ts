import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import i18n from '../../i18n/setup';
import type { DependencyKind, GraphNodeDto, NodeType, ProcessStatus } from './api';

/** How a node is drawn: per asset kind, supplier, joint arrangement, or (across gemeenten) a gemeente. */
export const VISUALS = ['proces', 'applicatie', 'systeem', 'gegevensverzameling', 'locatie', 'ot', 'asset', 'supplier', 'joint_arrangement', 'gemeente'] as const;
export type Visual = (typeof VISUALS)[number];

const ASSET_VISUALS = new Set<string>(['proces', 'applicatie', 'systeem', 'gegevensverzameling', 'locatie', 'ot']);

export function visualOf(node: { type: NodeType; kind: string | null }): Visual {
  if (node.type === 'asset') return node.kind && ASSET_VISUALS.has(node.kind) ? (node.kind as Visual) : 'asset';
  return node.type;
}

/** RTO exceeded (or even the MTD): the process cannot wait for the outage to end. */
export const isExceeded = (status: ProcessStatus | null | undefined) => status === 'rto_overschreden' || status === 'mtd_overschreden';

/** Parts as sentences for a screen reader: empty parts left out, each ending in one full stop ("B.V." gets no second one). */
export const sentences = (parts: string[]) =>
  parts
    .filter(Boolean)
    .map((part) => (part.endsWith('.') ? part : `${part}.`))
    .join(' ');

/** Hours as "8 uur" / "1,5 uur" in the interface language. */
export function formatHours(t: TFunction, hours: number): string {
  return t('dependencies.hours', { count: hours, hours: hours.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL') });
}

/** Labels for the dependency vocabulary in the interface language (one object per language, so it can be a memo dependency). */
export function useDependencyLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => makeLabels(t), [t, i18n.language]);
}

function makeLabels(t: TFunction) {
  return {
    t,
    /** "gebruikt", "draait op", … (from depends on to) */
    kind: (kind: DependencyKind | string) => t(`dependencies.kinds.${kind}`, { defaultValue: kind }),
    /** Proces, Applicatie, Leverancier, Gemeenschappelijke regeling, Gemeente, … */
    visual: (visual: Visual) => t(`dependencies.visuals.${visual}`),
    nodeType: (node: { type: NodeType; kind: string | null }) => t(`dependencies.visuals.${visualOf(node)}`),
    status: (status: ProcessStatus) => t(`dependencies.statuses.${status}`),
    /** the "RTO overschreden" column: Ja / Ja, ook de MTD / Nee / Onbekend */
    exceeded: (status: ProcessStatus) => t(`dependencies.exceeded.${status}`),
    criticality: (value: string | null) => (value ? t(`dependencies.criticalities.${value}`, { defaultValue: value }) : t('dependencies.noValue')),
    hours: (hours: number | null) => (hours == null ? t('dependencies.noValue') : formatHours(t, hours)),
    name: (node: Pick<GraphNodeDto, 'name'>) => node.name ?? t('dependencies.deletedNode'),
  };
}

export type DependencyLabels = ReturnType<typeof makeLabels>;
