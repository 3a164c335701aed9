import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import type { FrameworkDetail } from './api';
import { Breadcrumbs } from './Breadcrumbs';
import { CoverageSummary } from './CoverageSummary';
import { compliancePath, newMeasurePath, useComplianceLabels } from './labels';
import { useCoverage, useFramework } from './queries';
import { RequirementsSection } from './RequirementsSection';

/** /o/:org/compliance/frameworks/:frameworkId — one framework's requirements with the organisation's derived results. */
export function FrameworkPage() {
  const { frameworkId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <FrameworkView key={`${organisation.slug}|${frameworkId}`} frameworkId={frameworkId} />;
}

function FrameworkView({ frameworkId }: { frameworkId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const canRead = can(organisation, PERMISSIONS.readMeasures);
  const canManage = can(organisation, PERMISSIONS.manageMeasures);
  const framework = useFramework(frameworkId);
  const coverage = useCoverage(slug, frameworkId, canRead && framework.isSuccess);
  const title = framework.data?.name ?? t('compliance.framework.title');
  usePageTitle(title, organisation.name);

  return (
    <>
      <Breadcrumbs items={[{ to: compliancePath(slug), label: t('capabilities.compliance.title') }]} />
      <PageHeading title={title} context={organisation.name} />
      {framework.isPending ? <Loading /> : null}
      <ProblemAlert error={framework.error} />
      {framework.data ? (
        <>
          <FrameworkFacts framework={framework.data} />
          {canRead ? (
            <section aria-labelledby="coverage-heading" className="wb-section">
              <Heading2 id="coverage-heading">{t('compliance.framework.coverageTitle')}</Heading2>
              <Paragraph>{t('compliance.framework.coverageIntro')}</Paragraph>
              {coverage.isPending ? <Loading /> : null}
              <ProblemAlert error={coverage.error} />
              {coverage.data ? <CoverageSummary summary={coverage.data.summary} idPrefix="framework" /> : null}
              {canManage ? (
                <Paragraph>
                  <AppLink to={`${newMeasurePath(slug)}?framework=${encodeURIComponent(frameworkId)}`}>{t('compliance.measures.new')}</AppLink>
                </Paragraph>
              ) : null}
            </section>
          ) : (
            <Paragraph>{t('compliance.overview.noCoverageAccess')}</Paragraph>
          )}
          <RequirementsSection slug={slug} framework={framework.data} coverage={canRead ? (coverage.data ?? null) : null} canManage={canManage} />
        </>
      ) : null}
    </>
  );
}

/** Full title, description, and the package's provider, version, licence and attribution. */
function FrameworkFacts({ framework }: { framework: FrameworkDetail }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  return (
    <>
      <Paragraph appearance="lead">{labels.title(framework.title)}</Paragraph>
      {framework.description ? <Paragraph>{framework.description}</Paragraph> : null}
      <FactList
        facts={[
          { label: t('compliance.framework.provider'), value: framework.provider },
          { label: t('compliance.framework.version'), value: framework.version },
          { label: t('compliance.framework.licence'), value: framework.licence },
          { label: t('compliance.framework.attribution'), value: framework.attribution ?? t('common.none') },
          { label: t('compliance.framework.origin'), value: t(`compliance.framework.origins.${framework.origin}`) },
          { label: t('compliance.framework.requirementCount'), value: framework.requirementCount },
        ]}
      />
    </>
  );
}
