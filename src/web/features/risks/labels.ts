import { useTranslation } from 'react-i18next';
import type { RiskDomain, RiskLevel, RiskTreatment } from '../../../shared/risk-matrix';
import type { DpiaOutcome, LinkType } from './api';

/** Utrecht status-badge variants per level; the badge always carries the level's name as text. */
export const LEVEL_BADGE: Record<RiskLevel, string> = {
  laag: 'safe',
  midden: 'warning',
  hoog: 'danger',
  kritiek: 'error',
};

/** Labels for the risk vocabulary in the interface language. */
export function useRiskLabels() {
  const { t } = useTranslation();
  return {
    domain: (domain: RiskDomain | string) => t(`risks.domains.${domain}`, { defaultValue: domain }),
    level: (level: RiskLevel | string) => t(`risks.levels.${level}`, { defaultValue: level }),
    treatment: (treatment: RiskTreatment | string) => t(`risks.treatments.${treatment}`, { defaultValue: treatment }),
    outcome: (outcome: DpiaOutcome | string) => t(`risks.dpia.outcomes.${outcome}`, { defaultValue: outcome }),
    linkType: (type: LinkType | string) => t(`risks.links.types.${type}`, { defaultValue: type }),
    cause: (cause: string) => t(`risks.history.causes.${cause}`, { defaultValue: cause }),
    role: (role: string) => t(`roles.${role}`, { defaultValue: role }),
    measureStatus: (status: string) => t(`compliance.measureStatuses.${status}`, { defaultValue: status }),
  };
}

export const risksPath = (slug: string, ...rest: string[]) =>
  [`/o/${encodeURIComponent(slug)}/risicos`, ...rest.map((part) => encodeURIComponent(part))].join('/');

export const registerPath = (slug: string, filters?: Record<string, string>) => {
  const query = filters ? new URLSearchParams(filters).toString() : '';
  return query ? `${risksPath(slug)}?${query}` : risksPath(slug);
};
export const riskPath = (slug: string, id: string) => risksPath(slug, id);
export const newRiskPath = (slug: string) => risksPath(slug, 'new');
export const overviewPath = (slug: string) => risksPath(slug, 'overzicht');
export const matrixPath = (slug: string) => risksPath(slug, 'matrix');
export const dpiasPath = (slug: string) => risksPath(slug, 'dpia');
export const dpiaPath = (slug: string, id: string) => risksPath(slug, 'dpia', id);
export const newDpiaPath = (slug: string) => risksPath(slug, 'dpia', 'new');
