import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import { Loading } from '../../shared/Loading';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import type { FrameworkSummary } from './api';
import { CoverageSummary } from './CoverageSummary';
import { AttentionPanel } from './attention/AttentionPanel';
import { officialTextsPath } from './evidence/shared';
import { frameworkPath, mappingSetsPath, measuresPath, useComplianceLabels } from './labels';
import { useCoverage, useFrameworks } from './queries';

/** /o/:org/compliance — every framework in the library with this organisation's derived compliance. */
export function CompliancePage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t('capabilities.compliance.title');
  usePageTitle(title, organisation.name);
  const canRead = can(organisation, PERMISSIONS.readMeasures);
  return (
    <>
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('compliance.overview.intro')}</Paragraph>
      <Paragraph>
        {canRead ? (
          <>
            <AppLink to={measuresPath(organisation.slug)}>{t('compliance.nav.measures')}</AppLink>
            {' · '}
          </>
        ) : null}
        <AppLink to={mappingSetsPath(organisation.slug)}>{t('compliance.nav.mappings')}</AppLink>
        {canRead ? (
          <>
            {' · '}
            <AppLink to={officialTextsPath(organisation.slug)}>{t('evidence.nav.officialTexts')}</AppLink>
          </>
        ) : null}
      </Paragraph>
      <AttentionPanel key={`attention-${organisation.slug}`} />
      <FrameworkList key={organisation.slug} slug={organisation.slug} canRead={canRead} />
    </>
  );
}

function FrameworkList({ slug, canRead }: { slug: string; canRead: boolean }) {
  const { t } = useTranslation();
  const frameworks = useFrameworks();
  return (
    <section aria-labelledby="frameworks-heading" className="wb-section">
      <Heading2 id="frameworks-heading">{t('compliance.nav.frameworks')}</Heading2>
      {canRead ? null : <Paragraph>{t('compliance.overview.noCoverageAccess')}</Paragraph>}
      {frameworks.isPending ? <Loading /> : null}
      <ProblemAlert error={frameworks.error} />
      {frameworks.data && frameworks.data.length === 0 ? <Paragraph>{t('compliance.overview.none')}</Paragraph> : null}
      {frameworks.data && frameworks.data.length > 0 ? (
        <ul className="wb-cards">
          {frameworks.data.map((framework) => (
            <FrameworkCard key={framework.id} slug={slug} framework={framework} canRead={canRead} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function FrameworkCard({ slug, framework, canRead }: { slug: string; framework: FrameworkSummary; canRead: boolean }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const coverage = useCoverage(slug, framework.id, canRead);
  const idPrefix = `framework-${framework.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <li className="wb-card">
      <Heading3 id={`${idPrefix}-heading`}>
        <AppLink to={frameworkPath(slug, framework.id)}>{framework.name}</AppLink>
      </Heading3>
      <Paragraph>{labels.title(framework.title)}</Paragraph>
      <dl className="wb-facts">
        <div className="wb-facts__item">
          <dt>{t('compliance.framework.provider')}</dt>
          <dd>{framework.provider}</dd>
        </div>
        <div className="wb-facts__item">
          <dt>{t('compliance.framework.licence')}</dt>
          <dd>{framework.licence}</dd>
        </div>
        {framework.attribution ? (
          <div className="wb-facts__item">
            <dt>{t('compliance.framework.attribution')}</dt>
            <dd>{framework.attribution}</dd>
          </div>
        ) : null}
        <div className="wb-facts__item">
          <dt>{t('compliance.framework.requirementCount')}</dt>
          <dd>{framework.requirementCount}</dd>
        </div>
      </dl>
      {canRead ? (
        <>
          {coverage.isPending ? <Loading /> : null}
          <ProblemAlert error={coverage.error} />
          {coverage.data ? <CoverageSummary summary={coverage.data.summary} idPrefix={idPrefix} /> : null}
        </>
      ) : null}
    </li>
  );
}
