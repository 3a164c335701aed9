import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/organisation';
import type { OrganisationDetail } from '../../../shared/organisation';
import { compliancePath } from '../labels';
import type { Phase } from './api';

/** The server's assessment permissions (src/server/modules/compliance/assessment-policies.ts). */
export const YEAR_PERMISSIONS = {
  read: 'assessments.read',
  /** explanation, owner, due date */
  edit: 'assessments.edit',
  /** applicability and result */
  decide: 'assessments.decide',
  /** open a year, move it to audit and to the council */
  manage: 'assessments.manage',
  /** the college statement */
  sign: 'assessments.sign',
  /** auditor remarks */
  audit: 'assessments.audit',
} as const;

export interface YearRights {
  read: boolean;
  edit: boolean;
  decide: boolean;
  manage: boolean;
  sign: boolean;
  audit: boolean;
  readMembers: boolean;
  readMeasures: boolean;
}

export function yearRights(organisation: OrganisationDetail): YearRights {
  return {
    read: can(organisation, YEAR_PERMISSIONS.read),
    edit: can(organisation, YEAR_PERMISSIONS.edit),
    decide: can(organisation, YEAR_PERMISSIONS.decide),
    manage: can(organisation, YEAR_PERMISSIONS.manage),
    sign: can(organisation, YEAR_PERMISSIONS.sign),
    audit: can(organisation, YEAR_PERMISSIONS.audit),
    readMembers: can(organisation, 'members.read'),
    readMeasures: can(organisation, 'measures.read'),
  };
}

export const yearsPath = (slug: string) => compliancePath(slug, 'years');
export const newYearPath = (slug: string) => compliancePath(slug, 'years', 'new');
export const yearPath = (slug: string, year: number) => compliancePath(slug, 'years', String(year));
export const signYearPath = (slug: string, year: number) => compliancePath(slug, 'years', String(year), 'sign');
export const diffPath = (slug: string, year: number, against?: number) =>
  `${compliancePath(slug, 'years', String(year), 'diff')}${against ? `?against=${against}` : ''}`;
export const assessmentPath = (slug: string, year: number, requirementId: string) =>
  compliancePath(slug, 'years', String(year), 'requirements', requirementId);

/** Utrecht status-badge variants for the phases. */
export const PHASE_BADGE: Record<Phase, string> = {
  zelfevaluatie: 'active',
  collegeverklaring: 'warning',
  audit: 'neutral',
  verantwoording: 'safe',
};

/** Year labels in the interface language. */
export function useYearLabels() {
  const { t } = useTranslation();
  return {
    phase: (phase: Phase) => t(`years.phases.${phase}`),
  };
}

/** A year in a route parameter: a whole number in the range the API accepts, or null. */
export function parseYear(value: string | undefined | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}
