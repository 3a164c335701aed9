import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { Breadcrumbs } from '../compliance/Breadcrumbs';
import type { Crumb } from '../compliance/Breadcrumbs';
import { assetsPath } from './labels';

export interface SubpageProps {
  title: string;
  intro?: ReactNode;
  /** pages between the assets overview and this page */
  crumbs?: Crumb[];
  /** without the page's permission it says so instead (default: allowed) */
  allowed?: boolean;
  children: ReactNode;
}

/**
 * A page under "Assets, leveranciers & ketens": the document title, the way back up, the h1 with the
 * organisation, an intro, then the page's own content.
 */
export function Subpage({ title, intro, crumbs = [], allowed = true, children }: SubpageProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  usePageTitle(title, organisation.name);
  if (!allowed) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={[{ to: assetsPath(organisation.slug), label: t('capabilities.assets.title') }, ...crumbs]} />
      <PageHeading title={title} context={organisation.name} />
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </>
  );
}
