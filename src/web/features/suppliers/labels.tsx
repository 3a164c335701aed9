import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDay, StateIcon } from '../compliance/evidence/shared';
import type { Answer, ArrangementKind, CertificationKind, CertificationStatus, SharedStatusValue, WarningCode } from './api';
import { countryName } from './countries';
import type { Country } from './api';
import './suppliers.css';

export { formatDay };

const org = (slug: string) => `/o/${encodeURIComponent(slug)}`;
export const assetsPath = (slug: string) => `${org(slug)}/assets`;
export const suppliersPath = (slug: string) => `${org(slug)}/assets/suppliers`;
export const newSupplierPath = (slug: string) => `${suppliersPath(slug)}/new`;
export const supplierPath = (slug: string, id: string) => `${suppliersPath(slug)}/${encodeURIComponent(id)}`;
export const arrangementsPath = (slug: string) => `${org(slug)}/assets/joint-arrangements`;
export const newArrangementPath = (slug: string) => `${arrangementsPath(slug)}/new`;
export const arrangementPath = (slug: string, id: string) => `${arrangementsPath(slug)}/${encodeURIComponent(id)}`;
export const sharedStatusPath = (slug: string) => `${org(slug)}/assets/shared-status`;
export const highRiskCountriesPath = (slug: string) => `${org(slug)}/assets/high-risk-countries`;

/** Labels of the enumerations the API uses. */
export function useSupplierLabels() {
  const { t, i18n } = useTranslation();
  return {
    warning: (code: WarningCode) => t(`suppliers.warnings.${code}`),
    certificationKind: (kind: CertificationKind) => t(`suppliers.certifications.kinds.${kind}`),
    certificationStatus: (status: CertificationStatus) => t(`suppliers.certifications.statuses.${status}`),
    arrangementKind: (kind: ArrangementKind) => t(`suppliers.arrangements.kinds.${kind}`),
    answer: (answer: Answer) => t(`suppliers.procurement.answers.${answer}`),
    sharedStatus: (status: SharedStatusValue) => t(`suppliers.sharedStatus.statuses.${status}`),
    country: (country: Country | string) => countryName(typeof country === 'string' ? country : country.code, i18n.language),
  };
}

const CERTIFICATION_BADGE: Record<CertificationStatus, { status: string; icon: 'ok' | 'warning' | 'error' | 'none' }> = {
  geldig: { status: 'safe', icon: 'ok' },
  verloopt_binnenkort: { status: 'warning', icon: 'warning' },
  verlopen: { status: 'danger', icon: 'error' },
  onbekend: { status: 'neutral', icon: 'none' },
};

/** A certification's validity as icon and text, never colour alone. */
export function CertificationStatusBadge({ status }: { status: CertificationStatus }) {
  const labels = useSupplierLabels();
  const badge = CERTIFICATION_BADGE[status];
  return (
    <StatusBadge status={badge.status} className="wb-badge-with-icon">
      <StateIcon name={badge.icon} />
      {labels.certificationStatus(status)}
    </StatusBadge>
  );
}

/** A warning badge with an icon and its text. */
export function WarningBadge({ children, tone = 'warning' }: { children: string; tone?: 'warning' | 'danger' }) {
  return (
    <StatusBadge status={tone} className="wb-badge-with-icon">
      <StateIcon name={tone === 'danger' ? 'error' : 'warning'} />
      {children}
    </StatusBadge>
  );
}

/** "Hoog risico" with a warning icon, for a supplier whose origin or processing is on the installation's list. */
export function HighRiskBadge() {
  const { t } = useTranslation();
  return <WarningBadge tone="danger">{t('suppliers.highRisk.badge')}</WarningBadge>;
}

const SHARED_BADGE: Record<SharedStatusValue, { status: string; icon: 'ok' | 'warning' | 'error' }> = {
  normaal: { status: 'safe', icon: 'ok' },
  verstoord: { status: 'warning', icon: 'warning' },
  uitval: { status: 'danger', icon: 'error' },
};

/** A joint arrangement's published status (normaal / verstoord / uitval) as icon and text. */
export function SharedStatusBadge({ status }: { status: SharedStatusValue }) {
  const labels = useSupplierLabels();
  const badge = SHARED_BADGE[status];
  return (
    <StatusBadge status={badge.status} className="wb-badge-with-icon">
      <StateIcon name={badge.icon} />
      {labels.sharedStatus(status)}
    </StatusBadge>
  );
}
