import { Button, ButtonGroup, Heading2, Paragraph, StatusBadge, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { formatDateTime } from '../../shared/format';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { coverageKey, createMeasure, deleteMeasure, fetchMeasure, measureKey, measuresKey, updateMeasure } from './api';
import type { Measure, MeasureInput } from './api';
import { Breadcrumbs } from './Breadcrumbs';
import { compliancePath, frameworkPath, MEASURE_STATUS_BADGE, measurePath, measuresPath, useComplianceLabels } from './labels';
import { MeasureEvidence } from './evidence/MeasureEvidence';
import { emptyMeasure, MeasureForm, measureValues } from './MeasureForm';
import type { MeasuresNotice } from './MeasuresPage';
import { useFramework, useFrameworkNames } from './queries';

/** Router state the create page leaves for the measure page. */
interface MeasureNotice {
  created?: boolean;
}

/**
 * Saving or deleting a measure changes the lists and every framework's derived coverage. A deleted
 * measure's own query is left out: refetching it would only find it gone.
 */
async function invalidateMeasures(queryClient: QueryClient, slug: string, deletedId?: string) {
  const deletedKey = deletedId ? JSON.stringify(measureKey(slug, deletedId)) : null;
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: measuresKey(slug), predicate: (query) => JSON.stringify(query.queryKey) !== deletedKey }),
    queryClient.invalidateQueries({ queryKey: coverageKey(slug) }),
  ]);
}

function useCrumbs() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return [
    { to: compliancePath(organisation.slug), label: t('capabilities.compliance.title') },
    { to: measuresPath(organisation.slug), label: t('compliance.measures.title') },
  ];
}

/** /o/:org/compliance/measures/new[?framework=…&ref=…] — record a measure; the query prefills a link. */
export function NewMeasurePage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const crumbs = useCrumbs();
  const title = t('compliance.measures.newTitle');
  usePageTitle(title, organisation.name);
  if (!can(organisation, PERMISSIONS.manageMeasures)) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={title} context={organisation.name} />
      <NewMeasure key={organisation.slug} slug={organisation.slug} />
    </>
  );
}

function NewMeasure({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const prefillFramework = params.get('framework') ?? undefined;
  const prefillRef = params.get('ref');
  // A link to one requirement (from a framework page) waits for that framework, to show its title.
  const framework = useFramework(prefillRef ? prefillFramework : null);
  const mutation = useMutation({
    mutationFn: (input: MeasureInput) => createMeasure(slug, input),
    onSuccess: async (measure) => {
      queryClient.setQueryData(measureKey(slug, measure.id), measure);
      await invalidateMeasures(queryClient, slug);
      navigate(measurePath(slug, measure.id), { state: { created: true } satisfies MeasureNotice });
    },
  });

  if (prefillRef && prefillFramework && framework.isPending) return <Loading />;
  const requirement = framework.data?.requirements.find((candidate) => candidate.ref === prefillRef && candidate.assessable);
  const links =
    requirement && prefillFramework ? [{ framework: prefillFramework, ref: requirement.ref, title: requirement.title, coverage: 'full' as const }] : [];

  return (
    <MeasureForm
      idPrefix="measure"
      initial={emptyMeasure(links)}
      initialFramework={prefillFramework}
      submitLabel={t('compliance.measures.create')}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(input) => mutation.mutate(input)}
      cancel={
        <AppLink to={measuresPath(slug)} className="wb-form-cancel">
          {t('common.cancel')}
        </AppLink>
      }
    />
  );
}

/** /o/:org/compliance/measures/:measureId — edit (measures.manage) or read one measure; delete with confirmation. */
export function MeasurePage() {
  const { measureId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <MeasureView key={`${organisation.slug}|${measureId}`} measureId={measureId} />;
}

function MeasureView({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const crumbs = useCrumbs();
  const location = useLocation();
  const canRead = can(organisation, PERMISSIONS.readMeasures);
  const canManage = can(organisation, PERMISSIONS.manageMeasures);
  const measure = useQuery({
    queryKey: measureKey(slug, measureId),
    queryFn: ({ signal }) => fetchMeasure(slug, measureId, signal),
    enabled: canRead,
  });
  const title = measure.data?.title ?? t('compliance.measures.measure');
  usePageTitle(title, organisation.name);
  const [saved, setSaved] = useState(false);
  const created = Boolean((location.state as MeasureNotice | null)?.created);

  if (!canRead) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={title} context={organisation.name} />
      {measure.isPending ? <Loading /> : null}
      <ProblemAlert error={measure.error} />
      {saved ? <SuccessAlert>{t('compliance.measures.saved')}</SuccessAlert> : null}
      {created && !saved ? <SuccessAlert>{t('compliance.measures.created')}</SuccessAlert> : null}
      {measure.data ? (
        <>
          <MeasureFacts measure={measure.data} />
          <MeasureEvidence measureId={measure.data.id} />
          {canManage ? (
            <>
              <section aria-labelledby="edit-measure-heading" className="wb-section">
                <Heading2 id="edit-measure-heading">{t('compliance.measures.editTitle')}</Heading2>
                <EditMeasure slug={slug} measure={measure.data} onSaved={() => setSaved(true)} onChange={() => setSaved(false)} />
              </section>
              <DeleteMeasure slug={slug} measure={measure.data} />
            </>
          ) : (
            <LinkedRequirements measure={measure.data} />
          )}
        </>
      ) : null}
    </>
  );
}

function MeasureFacts({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  return (
    <FactList
      facts={[
        {
          label: t('compliance.measures.fields.status'),
          value: <StatusBadge status={MEASURE_STATUS_BADGE[measure.status]}>{labels.status(measure.status)}</StatusBadge>,
        },
        { label: t('compliance.measures.fields.owner'), value: measure.owner ? measure.owner.name || measure.owner.email : t('compliance.measures.noOwner') },
        { label: t('compliance.measures.fields.description'), value: measure.description || t('common.none'), multiline: true },
        { label: t('compliance.measures.createdAt'), value: formatDateTime(measure.createdAt) },
        { label: t('compliance.measures.updatedAt'), value: formatDateTime(measure.updatedAt) },
      ]}
    />
  );
}

function LinkedRequirements({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  return (
    <section aria-labelledby="linked-heading" className="wb-section">
      <Heading2 id="linked-heading">{t('compliance.measures.linkedRequirements')}</Heading2>
      {measure.requirements.length === 0 ? (
        <Paragraph>{t('compliance.picker.none')}</Paragraph>
      ) : (
        <UnorderedList>
          {measure.requirements.map((link) => (
            <UnorderedListItem key={link.requirementId}>
              <AppLink to={`${frameworkPath(organisation.slug, link.framework)}#req-${link.ref}`}>
                {frameworkName(link.framework)} {link.ref}
              </AppLink>{' '}
              {link.title} ({labels.coverage(link.coverage).toLocaleLowerCase()})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function EditMeasure({ slug, measure, onSaved, onChange }: { slug: string; measure: Measure; onSaved: () => void; onChange: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: MeasureInput) => updateMeasure(slug, measure.id, input),
    onMutate: onChange,
    onSuccess: async (updated) => {
      queryClient.setQueryData(measureKey(slug, measure.id), updated);
      await invalidateMeasures(queryClient, slug);
      onSaved();
    },
  });
  return (
    <MeasureForm
      idPrefix="measure"
      initial={measureValues(measure)}
      owner={measure.owner}
      initialFramework={measure.requirements[0]?.framework}
      submitLabel={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(input) => mutation.mutate(input)}
    />
  );
}

function DeleteMeasure({ slug, measure }: { slug: string; measure: Measure }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteMeasure(slug, measure.id),
    onSuccess: async () => {
      await invalidateMeasures(queryClient, slug, measure.id);
      await navigate(measuresPath(slug), { state: { deleted: measure.title } satisfies MeasuresNotice });
      queryClient.removeQueries({ queryKey: measureKey(slug, measure.id), exact: true });
    },
  });
  const onDelete = () => {
    if (!window.confirm(t('compliance.measures.confirmDelete', { title: measure.title }))) return;
    mutation.mutate();
  };
  return (
    <section aria-labelledby="delete-measure-heading" className="wb-section">
      <Heading2 id="delete-measure-heading">{t('compliance.measures.deleteTitle')}</Heading2>
      <Paragraph>{t('compliance.measures.deleteIntro')}</Paragraph>
      <ProblemAlert error={mutation.error} />
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" hint="danger" busy={mutation.isPending} disabled={mutation.isPending} onClick={onDelete}>
          {t('compliance.measures.delete')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
