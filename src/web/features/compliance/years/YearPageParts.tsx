import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../Breadcrumbs';
import { compliancePath } from '../labels';
import { yearPath, yearsPath } from './access';

/** Compliance › Verantwoordingsjaren (› the year, on a page below it). */
export function YearBreadcrumbs({ slug, year = null }: { slug: string; year?: number | null }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs
      items={[
        { to: compliancePath(slug), label: t('capabilities.compliance.title') },
        { to: yearsPath(slug), label: t('years.title') },
        ...(year ? [{ to: yearPath(slug, year), label: t('years.yearName', { year }) }] : []),
      ]}
    />
  );
}

/** The error for a year in the address that is not a valid year (`parseYear` gave null). */
export function InvalidYearAlert({ year }: { year: number | null }) {
  const { t } = useTranslation();
  if (year !== null) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{t('years.invalidYear')}</Paragraph>
    </Alert>
  );
}
