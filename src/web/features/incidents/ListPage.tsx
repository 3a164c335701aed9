import { Button, ButtonGroup, Heading2, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { PagedResults } from '../../shared/PagedResults';
import { SelectField } from '../../shared/SelectField';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { oneOf, searchParamsOf } from '../../shared/searchParams';
import { usePagedList } from '../../shared/usePagedList';
import { INCIDENT_SEVERITIES } from '../../../shared/incidents';
import { fetchIncidents, incidentListKey, LIST_STATUSES, PERMISSIONS } from './api';
import type { IncidentFilters, IncidentSummary } from './api';
import { incidentPath, newIncidentPath, useIncidentLabels } from './labels';
import { ButtonRouterLink, DeadlineWhen, IncidentsPage, SeverityBadge } from './parts';

function filtersFromParams(params: URLSearchParams): IncidentFilters {
  return {
    status: oneOf(LIST_STATUSES, params.get('status')),
    severity: oneOf(INCIDENT_SEVERITIES, params.get('severity')),
    overdue: oneOf(['true', 'false'] as const, params.get('overdue')),
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** /o/:org/incidenten[?status=…&severity=…&overdue=…&q=…] — the incident register. */
export function IncidentListPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <IncidentsPage title={t('incidents.list.title')} intro={t('incidents.list.intro')} crumbs={false}>
      {can(organisation, PERMISSIONS.manage) ? (
        <ButtonGroup>
          <ButtonRouterLink to={newIncidentPath(organisation.slug)}>{t('incidents.list.new')}</ButtonRouterLink>
        </ButtonGroup>
      ) : null}
      <Register key={organisation.slug} slug={organisation.slug} />
    </IncidentsPage>
  );
}

function Register({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const list = usePagedList(incidentListKey(slug, filters), (cursor, signal) => fetchIncidents(slug, filters, cursor, signal));
  const total = list.query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(filters.status || filters.severity || filters.overdue || filters.q);
  const apply = (next: IncidentFilters) =>
    setParams(searchParamsOf({ status: next.status, severity: next.severity, overdue: next.overdue, q: next.q.trim() }), { replace: true });
  return (
    <section aria-labelledby="incidents-list-heading" className="wb-section">
      <Heading2 id="incidents-list-heading">{t('incidents.list.listTitle')}</Heading2>
      <FilterForm key={params.toString()} filters={filters} onApply={apply} />
      <PagedResults
        list={list}
        empty={filtered ? t('incidents.list.noneFound') : t('incidents.list.none')}
        shown={t('incidents.list.shown', { count: list.items.length, total })}
        loadMore={t('incidents.list.loadMore')}
      >
        <IncidentTable slug={slug} incidents={list.items} caption={t('incidents.list.listTitle')} />
      </PagedResults>
    </section>
  );
}

function FilterForm({ filters, onApply }: { filters: IncidentFilters; onApply: (filters: IncidentFilters) => void }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [values, setValues] = useState(filters);
  const set = <K extends keyof IncidentFilters>(key: K) => (value: string) => setValues((current) => ({ ...current, [key]: value as IncidentFilters[K] }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form role="search" aria-label={t('incidents.list.filterLabel')} onSubmit={submit} className="wb-inline-form wb-incident-filters">
      <TextField id="incidents-q" label={t('incidents.list.search')} type="search" value={values.q} onChange={set('q')} autoComplete="off" maxLength={200} />
      <SelectField
        id="incidents-status"
        label={t('incidents.fields.status')}
        value={values.status}
        options={[
          { value: '', label: t('incidents.list.statuses.actief') },
          ...LIST_STATUSES.filter((s) => s !== 'actief').map((value) => ({ value, label: value === 'alle' ? t('incidents.list.statuses.alle') : labels.status(value) })),
        ]}
        onChange={set('status')}
      />
      <SelectField
        id="incidents-severity"
        label={t('incidents.fields.severity')}
        value={values.severity}
        options={[{ value: '', label: t('incidents.list.allSeverities') }, ...INCIDENT_SEVERITIES.map((value) => ({ value, label: labels.severity(value) }))]}
        onChange={set('severity')}
      />
      <SelectField
        id="incidents-overdue"
        label={t('incidents.list.overdueFilter')}
        value={values.overdue}
        options={[
          { value: '', label: t('incidents.list.overdueAll') },
          { value: 'true', label: t('incidents.list.overdueOnly') },
          { value: 'false', label: t('incidents.list.overdueNot') },
        ]}
        onChange={set('overdue')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('incidents.list.apply')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={() => onApply({ status: '', severity: '', overdue: '', q: '' })}>
          {t('incidents.list.reset')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Incidents as a table; a row with an overdue deadline is marked red and says "te laat" in words. */
export function IncidentTable({ slug, incidents, caption }: { slug: string; incidents: IncidentSummary[]; caption: string }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <DataTable
      label={caption}
      caption={caption}
      className="wb-incident-table"
      columns={[t('incidents.fields.ref'), t('incidents.fields.title'), t('incidents.fields.category'), t('incidents.fields.severity'), t('incidents.fields.status'), t('incidents.list.nextDeadline')]}
    >
      {incidents.map((incident) => (
        <TableRow key={incident.id} className={incident.overdue ? 'wb-incident-row--overdue' : undefined}>
          <TableCell className="wb-nowrap">{incident.ref}</TableCell>
          <TableHeaderCell scope="row">
            <AppLink to={incidentPath(slug, incident.id)}>{incident.title}</AppLink>
            {incident.overdue ? <strong className="wb-incident-deadline--overdue"> ({t('incidents.list.overdueMark')})</strong> : null}
          </TableHeaderCell>
          <TableCell>{labels.category(incident.category)}</TableCell>
          <TableCell>
            <SeverityBadge severity={incident.severity} />
          </TableCell>
          <TableCell>{labels.status(incident.status)}</TableCell>
          <TableCell>
            {incident.nextDeadline ? (
              <DeadlineWhen deadline={incident.nextDeadline} withName />
            ) : (
              <span className="wb-muted">{incident.cbwSignificant === null || incident.avgBreach === null ? t('incidents.list.legalOpen') : t('incidents.list.noDeadline')}</span>
            )}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
