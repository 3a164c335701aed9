import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { TableScroll } from '../../../shared/TableScroll';
import { TextField } from '../../../shared/TextField';
import { formatDateTime } from '../../../shared/format';
import { can, useCurrentOrganisation } from '../../../shared/organisation';
import { usePageTitle } from '../../../shared/usePageTitle';
import { Breadcrumbs } from '../Breadcrumbs';
import { compliancePath, measurePath } from '../labels';
import { useFrameworkNames } from '../queries';
import { deleteEvidence, EVIDENCE_STATUSES, evidenceContentUrl, evidenceListKey, fetchEvidence } from './api';
import type { Evidence, EvidenceFilters, EvidenceStatus } from './api';
import { EVIDENCE_PERMISSIONS, EvidenceStatusBadge, formatDay, useInvalidateEvidence, useValidityText, requirementAssessmentPath } from './shared';
import { formatBytes } from './transfer';

const isStatus = (value: string | null): value is EvidenceStatus => EVIDENCE_STATUSES.includes(value as EvidenceStatus);

/** /o/:org/compliance/evidence[?status=…&q=…] — all evidence with its validity and where it is used. */
export function EvidencePage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t('evidence.overview.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, EVIDENCE_PERMISSIONS.read)) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={[{ to: compliancePath(organisation.slug), label: t('capabilities.compliance.title') }]} />
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('evidence.overview.intro')}</Paragraph>
      <EvidenceList key={organisation.slug} slug={organisation.slug} />
    </>
  );
}

function EvidenceList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const initialStatus = params.get('status');
  const filters: EvidenceFilters = { q: params.get('q') ?? '', status: isStatus(initialStatus) ? initialStatus : '' };
  const [search, setSearch] = useState(filters.q);
  const [status, setStatus] = useState<EvidenceStatus | ''>(filters.status);
  const evidence = useInfiniteQuery({
    queryKey: evidenceListKey(slug, filters),
    queryFn: ({ pageParam, signal }) => fetchEvidence(slug, filters, pageParam, undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = evidence.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.status);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set('q', search.trim());
    if (status) next.set('status', status);
    setParams(next, { replace: true });
  };

  return (
    <section aria-labelledby="evidence-list-heading" className="wb-section">
      <Heading2 id="evidence-list-heading">{t('evidence.overview.listTitle')}</Heading2>
      <form role="search" aria-label={t('evidence.overview.searchLabel')} onSubmit={onSearch} className="wb-inline-form">
        <TextField id="evidence-search" label={t('evidence.overview.search')} type="search" value={search} onChange={setSearch} autoComplete="off" maxLength={100} />
        <SelectField
          id="evidence-status"
          label={t('evidence.fields.status')}
          value={status}
          options={[{ value: '', label: t('evidence.overview.allStatuses') }, ...EVIDENCE_STATUSES.map((value) => ({ value, label: t(`evidence.statuses.${value}`) }))]}
          onChange={(value) => setStatus(value as EvidenceStatus | '')}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('evidence.overview.searchSubmit')}
        </Button>
      </form>
      {evidence.isPending ? <Loading /> : null}
      <ProblemAlert error={evidence.error} />
      {evidence.data && items.length === 0 ? <Paragraph>{filtered ? t('evidence.overview.noneFound') : t('evidence.overview.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <>
          <Paragraph role="status">{t('evidence.overview.shown', { count: items.length })}</Paragraph>
          <EvidenceTable slug={slug} items={items} />
        </>
      ) : null}
      {evidence.hasNextPage ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={evidence.isFetchingNextPage}
            disabled={evidence.isFetchingNextPage}
            onClick={() => void evidence.fetchNextPage()}
          >
            {t('evidence.overview.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
    </section>
  );
}

function EvidenceTable({ slug, items }: { slug: string; items: Evidence[] }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const canManage = can(organisation, EVIDENCE_PERMISSIONS.manage);
  return (
    <TableScroll label={t('evidence.overview.listTitle')}>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('evidence.fields.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('evidence.fields.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('evidence.fields.validity')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('evidence.fields.usages')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('evidence.fields.created')}</TableHeaderCell>
            {canManage ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <EvidenceRow key={item.id} slug={slug} evidence={item} canManage={canManage} />
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function EvidenceRow({ slug, evidence, canManage }: { slug: string; evidence: Evidence; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const frameworkName = useFrameworkNames();
  const validity = useValidityText();
  const invalidate = useInvalidateEvidence(slug);
  const remove = useMutation({ mutationFn: () => deleteEvidence(slug, evidence.id), onSuccess: () => invalidate() });
  const onDelete = () => {
    if (!window.confirm(t('evidence.overview.confirmDelete', { title: evidence.title }))) return;
    remove.mutate();
  };
  const usages = evidence.measures.length + evidence.assessments.length;
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        {evidence.title}
        {evidence.kind === 'file' && evidence.fileName ? (
          <div>
            <a className="utrecht-link utrecht-link--html-a wb-break" href={evidenceContentUrl(slug, evidence.id)} download={evidence.fileName}>
              {evidence.fileName}
              <span className="wb-visually-hidden"> ({t('evidence.fields.download')})</span>
            </a>{' '}
            <span className="wb-nowrap">({formatBytes(evidence.sizeBytes, i18n.language)})</span>
          </div>
        ) : null}
        {evidence.url ? (
          <div>
            <a className="utrecht-link utrecht-link--html-a wb-break" href={evidence.url} rel="noopener noreferrer">
              {evidence.url}
            </a>
          </div>
        ) : null}
      </TableHeaderCell>
      <TableCell>{t(`evidence.kinds.${evidence.kind}`)}</TableCell>
      <TableCell>
        <EvidenceStatusBadge status={evidence.status} />
        <div>{validity(evidence.validFrom, evidence.validUntil, formatDay)}</div>
      </TableCell>
      <TableCell>
        {usages === 0 ? (
          <span className="wb-muted">{t('evidence.overview.unused')}</span>
        ) : (
          <ul className="wb-changes">
            {evidence.measures.map((measure) => (
              <li key={measure.id}>
                {t('evidence.overview.measure')}: <AppLink to={measurePath(slug, measure.id)}>{measure.title}</AppLink>
              </li>
            ))}
            {evidence.assessments.map((assessment) => (
              <li key={`${assessment.year}|${assessment.requirementId}`}>
                <AppLink to={requirementAssessmentPath(slug, assessment.year, assessment.requirementId)}>
                  {t('evidence.overview.assessment', { year: assessment.year, framework: frameworkName(assessment.frameworkId), ref: assessment.ref })}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </TableCell>
      <TableCell>
        <time dateTime={evidence.createdAt}>{formatDateTime(evidence.createdAt)}</time>
        {evidence.createdBy ? <div>{evidence.createdBy.name}</div> : null}
      </TableCell>
      {canManage ? (
        <TableCell>
          <ProblemAlert error={remove.error} />
          <Button type="button" appearance="secondary-action-button" hint="danger" busy={remove.isPending} disabled={remove.isPending} onClick={onDelete}>
            {t('common.remove')}
            <span className="wb-visually-hidden"> {evidence.title}</span>
          </Button>
        </TableCell>
      ) : null}
    </TableRow>
  );
}
