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
import { fetchSuppliers, SUPPLIER_PERMISSIONS, supplierListKey, WARNING_CODES } from './api';
import type { Supplier, SupplierFilters } from './api';
import { HighRiskBadge, highRiskCountriesPath, newSupplierPath, supplierPath, useSupplierLabels, WarningBadge } from './labels';
import { Subpage } from './Subpage';

/** Router state a supplier page leaves behind for the list (after deleting). */
export interface SuppliersNotice {
  deleted?: string;
}

const YES_NO = ['true', 'false'] as const;

/** /o/:org/assets/suppliers[?q=…&highRisk=…&processesPersonalData=…&warning=…] — the organisation's suppliers. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const deleted = (location.state as SuppliersNotice | null)?.deleted;
  return (
    <Subpage title={t('suppliers.list.title')} intro={t('suppliers.list.intro')} allowed={can(organisation, SUPPLIER_PERMISSIONS.read)}>
      {deleted ? <SuccessAlert>{t('suppliers.detail.deleted', { name: deleted })}</SuccessAlert> : null}
      <Paragraph>
        {can(organisation, SUPPLIER_PERMISSIONS.manage) ? (
          <>
            <AppLink to={newSupplierPath(organisation.slug)}>{t('suppliers.list.new')}</AppLink>
            {' · '}
          </>
        ) : null}
        <AppLink to={highRiskCountriesPath(organisation.slug)}>{t('suppliers.highRisk.listLink')}</AppLink>
      </Paragraph>
      <SupplierList key={organisation.slug} slug={organisation.slug} />
    </Subpage>
  );
}

function filtersFrom(params: URLSearchParams): SupplierFilters {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    highRisk: oneOf(YES_NO, params.get('highRisk')),
    processesPersonalData: oneOf(YES_NO, params.get('processesPersonalData')),
    warning: oneOf(WARNING_CODES, params.get('warning')),
  };
}

function SupplierList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = filtersFrom(params);
  const list = usePagedList(supplierListKey(slug, filters), (cursor, signal) => fetchSuppliers(slug, filters, cursor, signal));
  const total = list.query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(filters.q || filters.highRisk || filters.processesPersonalData || filters.warning);
  return (
    <section aria-labelledby="suppliers-heading" className="wb-section">
      <Heading2 id="suppliers-heading">{t('suppliers.list.listTitle')}</Heading2>
      <SupplierFilterForm key={params.toString()} filters={filters} />
      <PagedResults
        list={list}
        empty={filtered ? t('suppliers.list.noneFound') : t('suppliers.list.none')}
        shown={t('suppliers.list.shown', { count: list.items.length, total })}
        loadMore={t('suppliers.list.loadMore')}
      >
        <SuppliersTable slug={slug} items={list.items} />
      </PagedResults>
    </section>
  );
}

function SupplierFilterForm({ filters }: { filters: SupplierFilters }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const [, setParams] = useSearchParams();
  const [q, setQ] = useState(filters.q);
  const [highRisk, setHighRisk] = useState<string>(filters.highRisk);
  const [personal, setPersonal] = useState<string>(filters.processesPersonalData);
  const [warning, setWarning] = useState<string>(filters.warning);
  const yesNo = (any: string) => [
    { value: '', label: any },
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchParamsOf({ q: q.trim(), highRisk, processesPersonalData: personal, warning }), { replace: true });
  };
  return (
    <form role="search" aria-label={t('suppliers.list.filterLabel')} onSubmit={onSubmit} className="wb-inline-form">
      <TextField id="suppliers-q" label={t('suppliers.list.search')} type="search" value={q} onChange={setQ} maxLength={100} autoComplete="off" />
      <SelectField id="suppliers-highRisk" label={t('suppliers.list.highRiskFilter')} value={highRisk} options={yesNo(t('suppliers.list.any'))} onChange={setHighRisk} />
      <SelectField
        id="suppliers-personal"
        label={t('suppliers.list.personalFilter')}
        value={personal}
        options={yesNo(t('suppliers.list.any'))}
        onChange={setPersonal}
      />
      <SelectField
        id="suppliers-warning"
        label={t('suppliers.list.warningFilter')}
        value={warning}
        options={[{ value: '', label: t('suppliers.list.anyWarning') }, ...WARNING_CODES.map((code) => ({ value: code, label: labels.warning(code) }))]}
        onChange={setWarning}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('suppliers.list.filterSubmit')}
      </Button>
    </form>
  );
}

function SuppliersTable({ slug, items }: { slug: string; items: Supplier[] }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  return (
    <DataTable
      label={t('suppliers.list.listTitle')}
      caption={t('suppliers.list.listTitle')}
      columns={[
        t('suppliers.fields.name'),
        t('suppliers.fields.registrationNumber'),
        t('suppliers.fields.countries'),
        t('suppliers.fields.processesPersonalData'),
        t('suppliers.list.attention'),
      ]}
    >
      {items.map((supplier) => (
        <TableRow key={supplier.id}>
          <TableHeaderCell scope="row">
            <AppLink to={supplierPath(slug, supplier.id)}>{supplier.name}</AppLink>
          </TableHeaderCell>
          <TableCell>{supplier.registrationNumber ?? <span className="wb-muted">{t('common.none')}</span>}</TableCell>
          <TableCell>
            {supplier.countryOfOrigin ? (
              <div>
                {t('suppliers.fields.originShort')}: {labels.country(supplier.countryOfOrigin)}
              </div>
            ) : null}
            {supplier.processingCountries.length ? (
              <div>
                {t('suppliers.fields.processingShort')}: {supplier.processingCountries.map((c) => labels.country(c)).join(', ')}
              </div>
            ) : null}
            {!supplier.countryOfOrigin && !supplier.processingCountries.length ? <span className="wb-muted">{t('common.unknown')}</span> : null}
          </TableCell>
          <TableCell>{supplier.processesPersonalData ? t('common.yes') : t('common.no')}</TableCell>
          <TableCell>
            {supplier.highRisk || supplier.warnings.length ? (
              <div className="wb-badges">
                {supplier.highRisk ? <HighRiskBadge /> : null}
                {supplier.warnings.map((warning) => (
                  <WarningBadge key={warning.code}>{labels.warning(warning.code)}</WarningBadge>
                ))}
              </div>
            ) : (
              <span className="wb-muted">{t('common.none')}</span>
            )}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
