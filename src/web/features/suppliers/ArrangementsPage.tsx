import { Button, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { PagedResults } from '../../shared/PagedResults';
import { SelectField } from '../../shared/SelectField';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { oneOf, searchParamsOf } from '../../shared/searchParams';
import { usePagedList } from '../../shared/usePagedList';
import { ARRANGEMENT_KINDS, arrangementListKey, fetchArrangements, SUPPLIER_PERMISSIONS } from './api';
import type { ArrangementFilters, JointArrangement } from './api';
import { arrangementPath, formatDay, newArrangementPath, SharedStatusBadge, useSupplierLabels, WarningBadge } from './labels';
import { councilReportOverdue, today } from './model';
import { Subpage } from './Subpage';

export interface ArrangementsNotice {
  deleted?: string;
}

/** /o/:org/assets/joint-arrangements[?q=…&kind=…] — gemeenschappelijke regelingen and other samenwerkingsverbanden. */
export function ArrangementsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const deleted = (location.state as ArrangementsNotice | null)?.deleted;
  return (
    <Subpage title={t('suppliers.arrangements.title')} intro={t('suppliers.arrangements.intro')} allowed={can(organisation, SUPPLIER_PERMISSIONS.read)}>
      {deleted ? <SuccessAlert>{t('suppliers.arrangement.deleted', { name: deleted })}</SuccessAlert> : null}
      {can(organisation, SUPPLIER_PERMISSIONS.manage) ? (
        <Paragraph>
          <AppLink to={newArrangementPath(organisation.slug)}>{t('suppliers.arrangements.new')}</AppLink>
        </Paragraph>
      ) : null}
      <ArrangementList key={organisation.slug} slug={organisation.slug} />
    </Subpage>
  );
}

function ArrangementList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters: ArrangementFilters = { q: (params.get('q') ?? '').trim().slice(0, 100), kind: oneOf(ARRANGEMENT_KINDS, params.get('kind')) };
  const list = usePagedList(arrangementListKey(slug, filters), (cursor, signal) => fetchArrangements(slug, filters, cursor, signal));
  const total = list.query.data?.pages[0]?.total ?? 0;
  return (
    <section aria-labelledby="arrangements-heading" className="wb-section">
      <Heading2 id="arrangements-heading">{t('suppliers.arrangements.listTitle')}</Heading2>
      <ArrangementFilterForm key={params.toString()} filters={filters} />
      <PagedResults
        list={list}
        empty={filters.q || filters.kind ? t('suppliers.arrangements.noneFound') : t('suppliers.arrangements.none')}
        shown={t('suppliers.arrangements.shown', { count: list.items.length, total })}
        loadMore={t('suppliers.arrangements.loadMore')}
      >
        <ArrangementsTable slug={slug} items={list.items} />
      </PagedResults>
    </section>
  );
}

function ArrangementFilterForm({ filters }: { filters: ArrangementFilters }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const [, setParams] = useSearchParams();
  const [q, setQ] = useState(filters.q);
  const [kind, setKind] = useState<string>(filters.kind);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchParamsOf({ q: q.trim(), kind }), { replace: true });
  };
  return (
    <form role="search" aria-label={t('suppliers.arrangements.filterLabel')} onSubmit={onSubmit} className="wb-inline-form">
      <TextField id="arrangements-q" label={t('suppliers.arrangements.search')} type="search" value={q} onChange={setQ} maxLength={100} autoComplete="off" />
      <SelectField
        id="arrangements-kind"
        label={t('suppliers.arrangement.fields.kind')}
        value={kind}
        options={[{ value: '', label: t('suppliers.arrangements.anyKind') }, ...ARRANGEMENT_KINDS.map((value) => ({ value, label: labels.arrangementKind(value) }))]}
        onChange={setKind}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('suppliers.list.filterSubmit')}
      </Button>
    </form>
  );
}

/** The last council report, marked when it is more than a year ago (or there has been none). */
export function CouncilReport({ date }: { date: string | null }) {
  const { t } = useTranslation();
  const overdue = councilReportOverdue(date, today());
  return (
    <>
      {date ? <span className="wb-nowrap">{formatDay(date)}</span> : <span className="wb-muted">{t('suppliers.arrangement.noCouncilReport')}</span>}
      {overdue ? (
        <div className="wb-badges">
          <WarningBadge>{t('suppliers.arrangement.councilReportOld')}</WarningBadge>
        </div>
      ) : null}
    </>
  );
}

function ArrangementsTable({ slug, items }: { slug: string; items: JointArrangement[] }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  return (
    <DataTable
      label={t('suppliers.arrangements.listTitle')}
      caption={t('suppliers.arrangements.listTitle')}
      columns={[
        t('suppliers.arrangement.fields.name'),
        t('suppliers.arrangement.fields.kind'),
        t('suppliers.arrangement.fields.accountable'),
        t('suppliers.arrangements.councilColumn'),
        t('suppliers.arrangement.sharedStatus'),
      ]}
    >
      {items.map((arrangement) => (
        <TableRow key={arrangement.id}>
          <TableHeaderCell scope="row">
            <AppLink to={arrangementPath(slug, arrangement.id)}>{arrangement.name}</AppLink>
          </TableHeaderCell>
          <TableCell>{labels.arrangementKind(arrangement.kind)}</TableCell>
          <TableCell>{arrangement.accountable || <span className="wb-muted">{t('common.unknown')}</span>}</TableCell>
          <TableCell>
            <CouncilReport date={arrangement.lastCouncilReport} />
          </TableCell>
          <TableCell>
            {arrangement.sharedStatus?.status ? (
              <SharedStatusBadge status={arrangement.sharedStatus.status} />
            ) : arrangement.linkedOrganisation ? (
              <span className="wb-muted">{t('suppliers.arrangement.notPublished')}</span>
            ) : (
              <span className="wb-muted">{t('suppliers.arrangement.notLinked')}</span>
            )}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
