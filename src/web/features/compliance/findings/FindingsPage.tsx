import { Button, Heading2, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { DataTable } from '../../../shared/DataTable';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { SubmitButtons } from '../../../shared/SubmitButtons';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TextField } from '../../../shared/TextField';
import { TextareaField } from '../../../shared/TextareaField';
import { formatDateTime } from '../../../shared/format';
import { fieldErrors } from '../../../shared/problem';
import { can, useCurrentOrganisation } from '../../../shared/organisation';
import { useFormErrors } from '../../../shared/useFormErrors';
import { usePageTitle } from '../../../shared/usePageTitle';
import { useMemberOptions } from '../../members/memberOptions';
import { Breadcrumbs } from '../Breadcrumbs';
import { compliancePath, frameworkPath } from '../labels';
import { useFrameworkNames } from '../queries';
import { actionsKey } from '../actions/api';
import { useActionLabels } from '../actions/members';
import { actionsPath, attentionKey, EVIDENCE_PERMISSIONS, formatDay, yearPath } from '../evidence/shared';
import { createFinding, fetchFindings, fetchYear, findingsKey, searchAssessments, SEVERITIES } from './api';
import type { Finding, FindingInput, Severity, YearSummary } from './api';

const SEVERITY_BADGE: Record<Severity, string> = { hoog: 'danger', midden: 'warning', laag: 'neutral' };

/** /o/:org/compliance/years/:year/findings — the auditor's findings of a year; each became a tracked action. */
export function FindingsPage() {
  const { year: yearParam = '' } = useParams();
  const organisation = useCurrentOrganisation();
  const year = Number(yearParam);
  return <Findings key={`${organisation.slug}|${yearParam}`} year={Number.isInteger(year) ? year : NaN} />;
}

function Findings({ year }: { year: number }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const title = t('evidence.findings.title', { year });
  usePageTitle(title, organisation.name);
  const allowed = can(organisation, EVIDENCE_PERMISSIONS.assessmentsRead);
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const yearQuery = useQuery({ queryKey: ['organisation', slug, 'assessment-years', year], queryFn: ({ signal }) => fetchYear(slug, year, signal), enabled: allowed && valid });
  const findings = useQuery({ queryKey: findingsKey(slug, year), queryFn: ({ signal }) => fetchFindings(slug, year, signal), enabled: allowed && valid });
  if (!allowed) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: compliancePath(slug), label: t('capabilities.compliance.title') },
          { to: yearPath(slug, year), label: t('evidence.findings.year', { year }) },
        ]}
      />
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('evidence.findings.intro')}</Paragraph>
      {!valid ? <Paragraph>{t('evidence.findings.invalidYear')}</Paragraph> : null}
      {yearQuery.isPending && valid ? <Loading /> : null}
      <ProblemAlert error={yearQuery.error} />
      {yearQuery.data ? <PhaseNote year={yearQuery.data} /> : null}
      <section aria-labelledby="findings-heading" className="wb-section">
        <Heading2 id="findings-heading">{t('evidence.findings.listTitle')}</Heading2>
        {findings.isPending && valid ? <Loading /> : null}
        <ProblemAlert error={findings.error} />
        {findings.data && findings.data.length === 0 ? <Paragraph>{t('evidence.findings.none')}</Paragraph> : null}
        {findings.data && findings.data.length > 0 ? <FindingsTable slug={slug} items={findings.data} /> : null}
        {can(organisation, EVIDENCE_PERMISSIONS.actionsRead) ? (
          <Paragraph>
            <AppLink to={`${actionsPath(slug)}`}>{t('evidence.findings.toActions')}</AppLink>
          </Paragraph>
        ) : null}
      </section>
      {yearQuery.data && yearQuery.data.phase === 'audit' && can(organisation, EVIDENCE_PERMISSIONS.audit) ? <NewFinding slug={slug} year={yearQuery.data} /> : null}
    </>
  );
}

function PhaseNote({ year }: { year: YearSummary }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const phase = t(`evidence.findings.phases.${year.phase}`, { defaultValue: year.phase });
  if (year.phase === 'audit') return <Paragraph>{t('evidence.findings.phaseAudit', { phase })}</Paragraph>;
  return (
    <Paragraph>
      {t('evidence.findings.phaseOther', { phase })}
      {can(organisation, EVIDENCE_PERMISSIONS.audit) ? ` ${t('evidence.findings.onlyInAudit')}` : ''}
    </Paragraph>
  );
}

function FindingsTable({ slug, items }: { slug: string; items: Finding[] }) {
  const { t } = useTranslation();
  const labels = useActionLabels();
  const frameworkName = useFrameworkNames();
  return (
    <DataTable
      label={t('evidence.findings.listTitle')}
      columns={[
        t('evidence.findings.fields.title'),
        t('evidence.findings.fields.severity'),
        t('evidence.findings.fields.requirement'),
        t('evidence.findings.fields.action'),
        t('evidence.findings.fields.created'),
      ]}
    >
      {items.map((finding) => (
        <TableRow key={finding.id} id={`finding-${finding.id}`}>
          <TableHeaderCell scope="row">
            {finding.title}
            {finding.description ? <div className="wb-action__description">{finding.description}</div> : null}
          </TableHeaderCell>
          <TableCell>
            <StatusBadge status={SEVERITY_BADGE[finding.severity]}>{t(`evidence.findings.severities.${finding.severity}`)}</StatusBadge>
          </TableCell>
          <TableCell>
            {finding.requirement ? (
              <AppLink to={`${frameworkPath(slug, finding.requirement.frameworkId)}#req-${finding.requirement.ref}`}>
                {frameworkName(finding.requirement.frameworkId)} {finding.requirement.ref}
              </AppLink>
            ) : (
              <span className="wb-muted">{t('common.none')}</span>
            )}
            {finding.requirement ? <div>{finding.requirement.title}</div> : null}
          </TableCell>
          <TableCell>
            {finding.action ? (
              <>
                <AppLink to={`${actionsPath(slug)}#action-${finding.action.id}`}>{labels.status(finding.action.status)}</AppLink>
                {finding.action.dueDate ? <div>{t('evidence.findings.due', { date: formatDay(finding.action.dueDate) })}</div> : null}
              </>
            ) : (
              <span className="wb-muted">{t('common.none')}</span>
            )}
          </TableCell>
          <TableCell>
            <time dateTime={finding.createdAt}>{formatDateTime(finding.createdAt)}</time>
            {finding.createdBy ? <div>{finding.createdBy.name}</div> : null}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function NewFinding({ slug, year }: { slug: string; year: YearSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const frameworkName = useFrameworkNames();
  const id = 'finding';
  const members = useMemberOptions(t('evidence.actions.noOwner'));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<Severity>('midden');
  const [requirementId, setRequirementId] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const { errors, check } = useFormErrors(id);
  const [created, setCreated] = useState<string | null>(null);
  const hits = useQuery({
    queryKey: ['organisation', slug, 'assessment-years', year.year, 'finding-search', query ?? ''],
    queryFn: ({ signal }) => searchAssessments(slug, year.year, query ?? '', signal),
    enabled: query !== null,
  });
  const requirementOptions = [
    { value: '', label: t('evidence.findings.noRequirement') },
    ...(hits.data?.items ?? []).map((hit) => ({ value: hit.requirementId, label: `${frameworkName(hit.framework)} ${hit.ref} ${hit.title}` })),
  ];
  const mutation = useMutation({
    mutationFn: (body: FindingInput) => createFinding(slug, year.year, body),
    onMutate: () => setCreated(null),
    onSuccess: async (finding) => {
      setCreated(finding.title);
      setTitle('');
      setDescription('');
      setSeverity('midden');
      setRequirementId('');
      setOwnerId('');
      setDueDate('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: findingsKey(slug, year.year) }),
        queryClient.invalidateQueries({ queryKey: actionsKey(slug) }),
        queryClient.invalidateQueries({ queryKey: attentionKey(slug) }),
      ]);
    },
  });
  const server = fieldErrors(mutation.error);
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      setQuery(search.trim());
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ title: title.trim().length >= 2 ? null : t('evidence.actions.titleTooShort') })) return;
    mutation.mutate({
      title: title.trim(),
      severity,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(requirementId ? { requirementId } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
  };
  return (
    <section aria-labelledby="new-finding-heading" className="wb-section">
      <Heading2 id="new-finding-heading">{t('evidence.findings.newTitle')}</Heading2>
      <Paragraph>{t('evidence.findings.newIntro')}</Paragraph>
      <form onSubmit={submit} noValidate>
        <TextField id={`${id}-title`} label={t('evidence.findings.fields.title')} value={title} onChange={setTitle} maxLength={300} error={errors.title ?? server.title} />
        <TextareaField id={`${id}-description`} label={t('evidence.findings.fields.description')} value={description} onChange={setDescription} rows={4} error={server.description} />
        <SelectField
          id={`${id}-severity`}
          label={t('evidence.findings.fields.severity')}
          value={severity}
          options={SEVERITIES.map((value) => ({ value, label: t(`evidence.findings.severities.${value}`) }))}
          onChange={(value) => setSeverity(value as Severity)}
          error={server.severity}
        />
        <div className="wb-inline-form">
          <TextField
            id={`${id}-search`}
            label={t('evidence.findings.requirementSearch')}
            type="search"
            value={search}
            onChange={setSearch}
            onKeyDown={onSearchKey}
            autoComplete="off"
            maxLength={100}
          />
          <Button type="button" appearance="secondary-action-button" onClick={() => setQuery(search.trim())}>
            {t('evidence.findings.requirementSearchSubmit')}
          </Button>
        </div>
        <SelectField
          id={`${id}-requirementId`}
          label={t('evidence.findings.fields.requirement')}
          value={requirementId}
          options={requirementOptions}
          onChange={setRequirementId}
          description={hits.data ? t('evidence.findings.requirementsFound', { count: hits.data.items.length }) : t('evidence.findings.requirementHint')}
          error={server.requirementId}
        />
        <ProblemAlert error={hits.error} />
        {members.available ? (
          <SelectField id={`${id}-ownerId`} label={t('evidence.findings.fields.owner')} value={ownerId} options={members.options} onChange={setOwnerId} error={server.ownerId} />
        ) : null}
        <TextField id={`${id}-dueDate`} label={t('evidence.findings.fields.dueDate')} type="date" value={dueDate} onChange={setDueDate} error={server.dueDate} />
        <ProblemAlert error={mutation.error} />
        {created ? <SuccessAlert>{t('evidence.findings.created', { title: created })}</SuccessAlert> : null}
        <SubmitButtons label={t('evidence.findings.create')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
