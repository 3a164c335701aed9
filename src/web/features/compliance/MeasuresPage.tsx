import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { Loading } from '../../shared/Loading';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TableScroll } from '../../shared/TableScroll';
import { TextField } from '../../shared/TextField';
import { formatDateTime } from '../../shared/format';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { fetchMeasures, MEASURE_STATUSES, measureListKey } from './api';
import type { Measure, MeasureFilters, MeasureStatus } from './api';
import { Breadcrumbs } from './Breadcrumbs';
import { compliancePath, MEASURE_STATUS_BADGE, measurePath, newMeasurePath, useComplianceLabels } from './labels';
import { useFrameworkNames } from './queries';
import { SignalBadge } from './evidence/shared';

/** Router state a measure page leaves behind for the list (after deleting). */
export interface MeasuresNotice {
  deleted?: string;
}

/** /o/:org/compliance/measures — the organisation's measures: search, filter by status, load more. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const title = t('compliance.measures.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, PERMISSIONS.readMeasures)) return <NoAccess title={title} />;
  const notice = (location.state as MeasuresNotice | null)?.deleted;
  return (
    <>
      <Breadcrumbs items={[{ to: compliancePath(organisation.slug), label: t('capabilities.compliance.title') }]} />
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('compliance.measures.intro')}</Paragraph>
      {notice ? <SuccessAlert>{t('compliance.measures.deleted', { title: notice })}</SuccessAlert> : null}
      {can(organisation, PERMISSIONS.manageMeasures) ? (
        <Paragraph>
          <AppLink to={newMeasurePath(organisation.slug)}>{t('compliance.measures.new')}</AppLink>
        </Paragraph>
      ) : null}
      <MeasureList key={organisation.slug} slug={organisation.slug} />
    </>
  );
}

function MeasureList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MeasureStatus | ''>('');
  const [filters, setFilters] = useState<MeasureFilters>({ q: '', status: '' });
  const measures = useInfiniteQuery({
    queryKey: measureListKey(slug, filters),
    queryFn: ({ pageParam, signal }) => fetchMeasures(slug, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = measures.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.status);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ q: search.trim(), status });
  };

  return (
    <section aria-labelledby="measures-heading" className="wb-section">
      <Heading2 id="measures-heading">{t('compliance.measures.listTitle')}</Heading2>
      <form role="search" aria-label={t('compliance.measures.searchLabel')} onSubmit={onSearch} className="wb-inline-form">
        <TextField id="measures-search" label={t('compliance.measures.search')} type="search" value={search} onChange={setSearch} autoComplete="off" />
        <SelectField
          id="measures-status"
          label={t('compliance.measures.fields.status')}
          value={status}
          options={[{ value: '', label: t('compliance.measures.allStatuses') }, ...MEASURE_STATUSES.map((value) => ({ value, label: labels.status(value) }))]}
          onChange={(value) => setStatus(value as MeasureStatus | '')}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('compliance.measures.searchSubmit')}
        </Button>
      </form>
      {measures.isPending ? <Loading /> : null}
      <ProblemAlert error={measures.error} />
      {measures.data && items.length === 0 ? (
        <Paragraph>{filtered ? t('compliance.measures.noneFound') : t('compliance.measures.none')}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        <>
          <Paragraph role="status">{t('compliance.measures.shown', { count: items.length })}</Paragraph>
          <MeasuresTable slug={slug} measures={items} />
        </>
      ) : null}
      {measures.hasNextPage ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={measures.isFetchingNextPage}
            disabled={measures.isFetchingNextPage}
            onClick={() => void measures.fetchNextPage()}
          >
            {t('compliance.measures.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
    </section>
  );
}

function MeasuresTable({ slug, measures }: { slug: string; measures: Measure[] }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  const withSignals = measures.some((measure) => measure.signals !== undefined);
  const withEvidence = measures.some((measure) => measure.evidenceCount !== undefined);
  return (
    <TableScroll label={t('compliance.measures.listTitle')}>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('compliance.measures.fields.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('compliance.measures.fields.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('compliance.measures.fields.owner')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('compliance.measures.linkedRequirements')}</TableHeaderCell>
            {withSignals ? <TableHeaderCell scope="col">{t('evidence.signals.column')}</TableHeaderCell> : null}
            {withEvidence ? <TableHeaderCell scope="col">{t('evidence.signals.evidenceColumn')}</TableHeaderCell> : null}
            <TableHeaderCell scope="col">{t('compliance.measures.updatedAt')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {measures.map((measure) => (
            <TableRow key={measure.id}>
              <TableHeaderCell scope="row">
                <AppLink to={measurePath(slug, measure.id)}>{measure.title}</AppLink>
              </TableHeaderCell>
              <TableCell>
                <StatusBadge status={MEASURE_STATUS_BADGE[measure.status]}>{labels.status(measure.status)}</StatusBadge>
              </TableCell>
              <TableCell>{measure.owner ? measure.owner.name || measure.owner.email : <span className="wb-muted">{t('compliance.measures.noOwner')}</span>}</TableCell>
              <TableCell>
                {measure.requirements.length === 0 ? (
                  <span className="wb-muted">{t('common.none')}</span>
                ) : (
                  <ul className="wb-changes">
                    {measure.requirements.map((link) => (
                      <li key={link.requirementId}>
                        <span className="wb-nowrap">
                          {frameworkName(link.framework)} {link.ref}
                        </span>
                        {link.coverage === 'partial' ? <span className="wb-muted"> ({labels.coverage('partial').toLocaleLowerCase()})</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
              {withSignals ? (
                <TableCell>
                  <SignalBadge signals={measure.signals} />
                </TableCell>
              ) : null}
              {withEvidence ? <TableCell>{measure.evidenceCount ?? 0}</TableCell> : null}
              <TableCell>
                <time dateTime={measure.updatedAt}>{formatDateTime(measure.updatedAt)}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
