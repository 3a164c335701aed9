import './dependencies.css';
import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';

/**
 * A page of this feature under "Assets, leveranciers & ketens": the document title, the way back up,
 * the h1 with the organisation, the intro, then the page's own content (or "no access").
 */
export function DependenciesSubpage({ title, intro, allowed = true, children }: { title: string; intro: ReactNode; allowed?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  usePageTitle(title, organisation.name);
  if (!allowed) return <NoAccess title={title} />;
  return (
    <>
      <nav aria-label={t('dependencies.breadcrumbs')} className="wb-breadcrumbs">
        <ol className="wb-breadcrumbs__list">
          <li className="wb-breadcrumbs__item">
            <AppLink to={`/o/${encodeURIComponent(organisation.slug)}/assets`}>{t('capabilities.assets.title')}</AppLink>
          </li>
        </ol>
      </nav>
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{intro}</Paragraph>
      {children}
    </>
  );
}
