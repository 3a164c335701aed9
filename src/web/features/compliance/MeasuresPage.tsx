import { Button, Heading2, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { PagedResults } from '../../shared/PagedResults';
import { SelectField } from '../../shared/SelectField';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { formatDateTime } from '../../shared/format';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePagedList } from '../../shared/usePagedList';
import { ComplianceSubpage } from './ComplianceSubpage';
import { fetchMeasures, MEASURE_STATUSES, measureListKey } from './api';
import type { Measure, MeasureFilters, MeasureStatus } from './api';
import { MEASURE_STATUS_BADGE, measurePath, newMeasurePath, useComplianceLabels } from './labels';
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
  const notice = (location.state as MeasuresNotice | null)?.deleted;
  return (
    <ComplianceSubpage title={t('compliance.measures.title')} intro={t('compliance.measures.intro')} allowed={can(organisation, PERMISSIONS.readMeasures)}>
      {notice ? <SuccessAlert>{t('compliance.measures.deleted', { title: notice })}</SuccessAlert> : null}
      {can(organisation, PERMISSIONS.manageMeasures) ? (
        <Paragraph>
          <AppLink to={newMeasurePath(organisation.slug)}>{t('compliance.measures.new')}</AppLink>
        </Paragraph>
      ) : null}
      <MeasureList key={organisation.slug} slug={organisation.slug} />
    </ComplianceSubpage>
  );
}

function MeasureList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MeasureStatus | ''>('');
  const [filters, setFilters] = useState<MeasureFilters>({ q: '', status: '' });
  const measures = usePagedList(measureListKey(slug, filters), (cursor, signal) => fetchMeasures(slug, filters, cursor, signal));
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
      <PagedResults
        list={measures}
        empty={filtered ? t('compliance.measures.noneFound') : t('compliance.measures.none')}
        shown={t('compliance.measures.shown', { count: measures.items.length })}
        loadMore={t('compliance.measures.loadMore')}
      >
        <MeasuresTable slug={slug} measures={measures.items} />
      </PagedResults>
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
    <DataTable
      label={t('compliance.measures.listTitle')}
      columns={[
        t('compliance.measures.fields.title'),
        t('compliance.measures.fields.status'),
        t('compliance.measures.fields.owner'),
        t('compliance.measures.linkedRequirements'),
        withSignals && t('evidence.signals.column'),
        withEvidence && t('evidence.signals.evidenceColumn'),
        t('compliance.measures.updatedAt'),
      ]}
    >
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
    </DataTable>
  );
}
