import { Alert, Button, ButtonGroup, Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { FactList } from '../../../shared/FactList';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { SubmitButtons } from '../../../shared/SubmitButtons';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TextField } from '../../../shared/TextField';
import { TextareaField } from '../../../shared/TextareaField';
import { formatDate, formatDateTime } from '../../../shared/format';
import { fieldErrors } from '../../../shared/problem';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../../shared/organisation';
import { useFormErrors } from '../../../shared/useFormErrors';
import { usePageTitle } from '../../../shared/usePageTitle';
import { useMemberOptions } from '../../members/memberOptions';
import { CoverageSources } from '../CoverageSources';
import { EvidenceSection } from '../evidence/EvidenceSection';
import { RESULTS } from '../api';
import { compliancePath, newMeasurePath, RESULT_BADGE, useComplianceLabels } from '../labels';
import { useCoverage, useFramework, useFrameworkNames, useMappingSets } from '../queries';
import { assessmentKey, fetchAssessment, updateAssessment } from './api';
import type { Assessment, AssessmentChanges, AssessmentResult, YearDetail } from './api';
import { parseYear, yearRights } from './access';
import type { YearRights } from './access';
import { invalidateYear, useYear } from './queries';
import { InvalidYearAlert, YearBreadcrumbs } from './YearPageParts';
import './years.css';

/** /o/:org/compliance/years/:year/requirements/:requirementId — every field of one requirement's assessment, its measures and evidence. */
export function RequirementAssessmentPage() {
  const { year: param, requirementId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <AssessmentView key={`${organisation.slug}|${param}|${requirementId}`} year={parseYear(param)} requirementId={requirementId} />;
}

function AssessmentView({ year, requirementId }: { year: number | null; requirementId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const rights = yearRights(organisation);
  const frameworkName = useFrameworkNames();
  const detail = useYear(slug, year, rights.read);
  const assessment = useQuery({
    queryKey: assessmentKey(slug, year ?? 0, requirementId),
    queryFn: ({ signal }) => fetchAssessment(slug, year ?? 0, requirementId, signal),
    enabled: rights.read && year !== null,
  });
  const item = assessment.data;
  const title = item ? `${frameworkName(item.framework)} ${item.ref} ${item.title}` : t('years.requirement.title');
  usePageTitle(title, year ? t('years.yearName', { year }) : null, organisation.name);
  if (!rights.read) return <NoAccess title={t('years.requirement.title')} />;
  return (
    <>
      <YearBreadcrumbs slug={slug} year={year} />
      <PageHeading title={title} context={year ? `${t('years.yearName', { year })}, ${organisation.name}` : organisation.name} />
      <InvalidYearAlert year={year} />
      {(assessment.isPending || detail.isPending) && year !== null ? <Loading /> : null}
      <ProblemAlert error={assessment.error ?? detail.error} />
      {item && detail.data && year !== null ? <AssessmentDetail slug={slug} year={detail.data} item={item} rights={rights} /> : null}
    </>
  );
}

function AssessmentDetail({ slug, year, item, rights }: { slug: string; year: YearDetail; item: Assessment; rights: YearRights }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const frozen = Boolean(year.signed);
  const mayEdit = !frozen && (rights.decide || rights.edit);
  // Auditor remarks: by the auditor, while the year is open or, once signed, in the audit phase.
  const mayAudit = rights.audit && (!frozen || year.phase === 'audit');
  return (
    <>
      {frozen ? (
        <Alert type="info">
          <Paragraph>{t('years.requirement.frozen')}</Paragraph>
        </Alert>
      ) : null}
      <Facts item={item} />
      {mayEdit ? (
        <section aria-labelledby="edit-assessment-heading" className="wb-section">
          <Heading2 id="edit-assessment-heading">{t('years.requirement.editTitle')}</Heading2>
          <AssessmentForm slug={slug} year={year.year} item={item} rights={rights} />
        </section>
      ) : null}
      {mayAudit ? (
        <section aria-labelledby="audit-heading" className="wb-section">
          <Heading2 id="audit-heading">{t('years.fields.auditorRemarks')}</Heading2>
          <AuditorRemarksForm slug={slug} year={year.year} item={item} />
        </section>
      ) : null}
      <Measures slug={slug} item={item} canRead={rights.readMeasures} canManage={can(organisation, PERMISSIONS.manageMeasures)} />
      <EvidenceSection target={{ year: year.year, requirementId: item.requirementId }} readOnly={frozen} />
    </>
  );
}

function Facts({ item }: { item: Assessment }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  const framework = useFramework(item.framework);
  const requirement = framework.data?.requirements.find((candidate) => candidate.ref === item.ref);
  const chapter = item.chapter ? framework.data?.requirements.find((candidate) => candidate.ref === item.chapter) : undefined;
  return (
    <FactList
      facts={[
        { label: t('years.fields.framework'), value: frameworkName(item.framework) },
        item.chapter
          ? {
              label: t('years.fields.chapter'),
              value: (
                <>
                  {item.chapter}
                  {chapter ? ` ${chapter.title}` : ''}
                </>
              ),
            }
          : null,
        requirement?.description ? { label: t('years.fields.description'), value: requirement.description, multiline: true } : null,
        { label: t('years.fields.applicable'), value: item.applicable ? t('common.yes') : t('years.notApplicableBecause', { reason: item.notApplicableReason ?? '' }) },
        {
          label: t('years.fields.result'),
          value: item.applicable ? <StatusBadge status={RESULT_BADGE[item.result]}>{labels.result(item.result)}</StatusBadge> : t('years.notApplicable'),
        },
        { label: t('years.fields.explanation'), value: item.explanation || t('common.none'), multiline: true },
        { label: t('years.fields.owner'), value: item.owner ? item.owner.name : t('years.noOwner') },
        {
          label: t('years.fields.dueDate'),
          value: (
            <>
              {item.dueDate ? formatDate(item.dueDate) : t('common.none')}
              {item.overdue ? (
                <>
                  {' '}
                  <StatusBadge status="danger">{t('years.overdue')}</StatusBadge>
                </>
              ) : null}
            </>
          ),
        },
        { label: t('years.fields.auditorRemarks'), value: item.auditorRemarks || t('common.none'), multiline: true },
        { label: t('years.fields.updatedAt'), value: formatDateTime(item.updatedAt) },
      ]}
    />
  );
}

const ID = 'assessment';

/** Applicability (+ reason), result, explanation, owner and due date; only the fields this role may change. */
function AssessmentForm({ slug, year, item, rights }: { slug: string; year: number; item: Assessment; rights: YearRights }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const queryClient = useQueryClient();
  const [applicable, setApplicable] = useState(item.applicable ? 'true' : 'false');
  const [reason, setReason] = useState(item.notApplicableReason ?? '');
  const [result, setResult] = useState<AssessmentResult>(item.result);
  const [explanation, setExplanation] = useState(item.explanation);
  const [ownerId, setOwnerId] = useState(item.owner?.id ?? '');
  const [dueDate, setDueDate] = useState(item.dueDate ?? '');
  const { errors, check } = useFormErrors(ID);
  const [saved, setSaved] = useState(false);
  const members = useMemberOptions(t('years.noOwner'), item.owner, { enabled: rights.edit });
  const ownerPicker = rights.edit && members.listed;

  const mutation = useMutation({
    mutationFn: (changes: AssessmentChanges) => updateAssessment(slug, year, item.requirementId, changes),
    onMutate: () => setSaved(false),
    onSuccess: async (updated) => {
      queryClient.setQueryData(assessmentKey(slug, year, item.requirementId), updated);
      setSaved(true);
      await invalidateYear(queryClient, slug, year, { keepAssessments: false });
    },
  });
  const server = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const notApplicable = rights.decide && applicable === 'false';
    if (!check({ reason: notApplicable && !reason.trim() ? t('years.requirement.reasonRequired') : null })) return;
    const changes: AssessmentChanges = {};
    if (rights.decide) {
      if (notApplicable) {
        if (item.applicable || reason.trim() !== (item.notApplicableReason ?? '')) Object.assign(changes, { applicable: false, notApplicableReason: reason.trim() });
      } else if (!item.applicable) changes.applicable = true;
      if (!notApplicable && result !== item.result) changes.result = result;
    }
    if (rights.edit) {
      if (explanation !== item.explanation) changes.explanation = explanation;
      if (ownerPicker && ownerId !== (item.owner?.id ?? '')) changes.ownerId = ownerId || null;
      if (dueDate !== (item.dueDate ?? '')) changes.dueDate = dueDate || null;
    }
    if (Object.keys(changes).length === 0) {
      setSaved(true);
      return;
    }
    mutation.mutate(changes);
  };

  const reasonError = errors.reason ?? server.notApplicableReason;
  return (
    <form onSubmit={submit} noValidate>
      {saved ? <SuccessAlert>{t('years.requirement.saved')}</SuccessAlert> : null}
      <ProblemAlert error={mutation.error} />
      {rights.decide ? (
        <>
          <SelectField
            id={`${ID}-applicable`}
            label={t('years.fields.applicable')}
            value={applicable}
            onChange={setApplicable}
            options={[
              { value: 'true', label: t('years.applicable') },
              { value: 'false', label: t('years.notApplicable') },
            ]}
          />
          {applicable === 'false' ? (
            <TextareaField
              id={`${ID}-reason`}
              label={t('years.fields.notApplicableReason')}
              description={t('years.requirement.reasonDescription')}
              value={reason}
              onChange={setReason}
              rows={3}
              required
              aria-required
              error={reasonError}
            />
          ) : (
            <SelectField
              id={`${ID}-result`}
              label={t('years.fields.result')}
              value={result}
              onChange={(value) => setResult(value as AssessmentResult)}
              options={RESULTS.map((value) => ({ value, label: labels.result(value) }))}
              error={server.result}
            />
          )}
        </>
      ) : null}
      {rights.edit ? (
        <>
          <TextareaField id={`${ID}-explanation`} label={t('years.fields.explanation')} value={explanation} onChange={setExplanation} rows={4} error={server.explanation} />
          {ownerPicker ? (
            <SelectField id={`${ID}-owner`} label={t('years.fields.owner')} value={ownerId} onChange={setOwnerId} options={members.options} error={server.ownerId} />
          ) : null}
          <TextField id={`${ID}-due`} type="date" label={t('years.fields.dueDate')} value={dueDate} onChange={setDueDate} error={server.dueDate} />
        </>
      ) : null}
      <SubmitButtons label={t('common.save')} pending={mutation.isPending} />
    </form>
  );
}

function AuditorRemarksForm({ slug, year, item }: { slug: string; year: number; item: Assessment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [remarks, setRemarks] = useState(item.auditorRemarks);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () => updateAssessment(slug, year, item.requirementId, { auditorRemarks: remarks }),
    onMutate: () => setSaved(false),
    onSuccess: async (updated) => {
      queryClient.setQueryData(assessmentKey(slug, year, item.requirementId), updated);
      setSaved(true);
      await invalidateYear(queryClient, slug, year);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      {saved ? <SuccessAlert>{t('years.requirement.remarksSaved')}</SuccessAlert> : null}
      <ProblemAlert error={mutation.error} />
      <TextareaField id="assessment-remarks" label={t('years.fields.auditorRemarks')} value={remarks} onChange={setRemarks} rows={4} error={fieldErrors(mutation.error).auditorRemarks} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('years.requirement.saveRemarks')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The measures that answer this requirement, directly or through a mapping, with where each comes from. */
function Measures({ slug, item, canRead, canManage }: { slug: string; item: Assessment; canRead: boolean; canManage: boolean }) {
  const { t } = useTranslation();
  const coverage = useCoverage(slug, item.framework, canRead);
  const mappingSets = useMappingSets();
  const frameworkName = useFrameworkNames();
  const coverageItem = coverage.data?.items.find((candidate) => candidate.requirementId === item.requirementId || candidate.ref === item.ref);
  const labels = useComplianceLabels();
  return (
    <section aria-labelledby="measures-heading" className="wb-section">
      <Heading2 id="measures-heading">{t('years.requirement.measuresTitle')}</Heading2>
      {!canRead ? <Paragraph>{t('compliance.overview.noCoverageAccess')}</Paragraph> : null}
      {canRead && coverage.isPending ? <Loading /> : null}
      <ProblemAlert error={coverage.error} />
      {coverageItem ? (
        <>
          <Paragraph>
            {t('years.requirement.derived')} <StatusBadge status={RESULT_BADGE[coverageItem.result]}>{labels.result(coverageItem.result)}</StatusBadge>
          </Paragraph>
          {coverageItem.sources.length > 0 ? (
            <ul className="wb-plain-list">
              {[...new Map(coverageItem.sources.map((source) => [source.measure.id, source.measure])).values()].map((measure) => (
                <li key={measure.id}>
                  <AppLink to={compliancePath(slug, 'measures', measure.id)}>{measure.title}</AppLink>
                </li>
              ))}
            </ul>
          ) : null}
          <CoverageSources slug={slug} frameworkId={item.framework} item={coverageItem} mappingSets={mappingSets.data ?? []} frameworkName={frameworkName} />
        </>
      ) : null}
      {canRead && coverage.data && !coverageItem ? <Paragraph>{t('compliance.sources.none')}</Paragraph> : null}
      {canManage ? (
        <Paragraph className="wb-requirement__add">
          <AppLink to={`${newMeasurePath(slug)}?framework=${encodeURIComponent(item.framework)}&ref=${encodeURIComponent(item.ref)}`}>{t('compliance.framework.addMeasure')}</AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
