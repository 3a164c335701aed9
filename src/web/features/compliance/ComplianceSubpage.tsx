import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { Breadcrumbs } from './Breadcrumbs';
import { compliancePath } from './labels';

export interface ComplianceSubpageProps {
  title: string;
  intro: string;
  /** Without the page's permission it says so instead (default: allowed). */
  allowed?: boolean;
  children: ReactNode;
}

/**
 * A page right below the compliance overview: the document title, the way back to the overview,
 * the h1 with the organisation, the intro, then the page's own content.
 */
export function ComplianceSubpage({ title, intro, allowed = true, children }: ComplianceSubpageProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  usePageTitle(title, organisation.name);
  if (!allowed) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={[{ to: compliancePath(organisation.slug), label: t('capabilities.compliance.title') }]} />
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{intro}</Paragraph>
      {children}
    </>
  );
}
