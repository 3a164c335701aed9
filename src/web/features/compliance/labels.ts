import { useTranslation } from 'react-i18next';
import type { Coverage, DerivedResult, LocalisedTitle, MeasureStatus, RequirementStatus } from './api';

/** Utrecht status-badge variants; each is themed with enough contrast by the design tokens. */
export const RESULT_BADGE: Record<DerivedResult, string> = {
  voldoet: 'safe',
  voldoet_deels: 'warning',
  voldoet_niet: 'danger',
  niet_beoordeeld: 'neutral',
};

export const MEASURE_STATUS_BADGE: Record<MeasureStatus, string> = {
  gepland: 'neutral',
  in_uitvoering: 'active',
  geimplementeerd: 'safe',
  vervallen: 'inactive',
};

export const REQUIREMENT_STATUS_BADGE: Record<Exclude<RequirementStatus, 'active'>, string> = {
  removed: 'inactive',
  moved: 'warning',
};

/** Labels for the compliance vocabulary in the interface language. */
export function useComplianceLabels() {
  const { t, i18n } = useTranslation();
  return {
    result: (result: DerivedResult) => t(`compliance.results.${result}`),
    status: (status: MeasureStatus) => t(`compliance.measureStatuses.${status}`),
    coverage: (coverage: Coverage) => t(`compliance.coverages.${coverage}`),
    relationship: (relationship: string) => t(`compliance.relationships.${relationship}`, { defaultValue: relationship }),
    requirementStatus: (status: RequirementStatus) => t(`compliance.requirementStatuses.${status}`),
    /** The English title when the interface is English and the package has one; the Dutch title otherwise. */
    title: (title: LocalisedTitle) => (i18n.language === 'en' && title.en ? title.en : title.nl),
  };
}

export const compliancePath = (slug: string, ...rest: string[]) =>
  [`/o/${encodeURIComponent(slug)}/compliance`, ...rest.map((part) => encodeURIComponent(part))].join('/');

export const frameworkPath = (slug: string, frameworkId: string) => compliancePath(slug, 'frameworks', frameworkId);
export const measuresPath = (slug: string) => compliancePath(slug, 'measures');
export const measurePath = (slug: string, measureId: string) => compliancePath(slug, 'measures', measureId);
export const newMeasurePath = (slug: string) => compliancePath(slug, 'measures', 'new');
export const mappingSetsPath = (slug: string) => compliancePath(slug, 'mappings');
export const mappingSetPath = (slug: string, mappingSetId: string) => compliancePath(slug, 'mappings', mappingSetId);
