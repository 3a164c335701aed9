import { Button, ButtonGroup, Heading2, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { PagedResults } from '../../shared/PagedResults';
import { SelectField } from '../../shared/SelectField';
import { TextField } from '../../shared/TextField';
import { useCurrentOrganisation } from '../../shared/organisation';
import { oneOf, searchParamsOf } from '../../shared/searchParams';
import { usePagedList } from '../../shared/usePagedList';
import { REPORT_KINDS } from '../incidents/api';
import { reportKindName } from '../incidents/labels';
import { formatMoment } from '../incidents/time';
import { campaignsKey, fetchCampaigns, fetchInbox, inboxListKey, NOTIFICATION_STATUSES, notificationPath } from './api';
import type { InboxFilters, InboxItem } from './api';
import { CsirtPage, NotificationStatusBadge } from './parts';

function filtersFromParams(params: URLSearchParams): InboxFilters {
  return {
    status: oneOf([...NOTIFICATION_STATUSES, 'alle'] as const, params.get('status')),
    gemeente: (params.get('gemeente') ?? '').slice(0, 64),
    kind: oneOf(REPORT_KINDS, params.get('kind')),
    campaign: /^[0-9a-f-]{36}$/i.test(params.get('campaign') ?? '') ? params.get('campaign')! : '',
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** /o/:org/csirt-inbox[?status=…&gemeente=…&kind=…&campaign=…&q=…] — what the connected gemeenten sent the CSIRT. */
export function CsirtInboxPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <CsirtPage title={t('csirt.inbox.title')} intro={t('csirt.inbox.intro')} crumbs={false}>
      <Inbox key={organisation.slug} slug={organisation.slug} />
    </CsirtPage>
  );
}

function Inbox({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const list = usePagedList(inboxListKey(slug, filters), (cursor, signal) => fetchInbox(slug, filters, cursor, signal));
  const total = list.query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(filters.status || filters.gemeente || filters.kind || filters.campaign || filters.q);
  const apply = (next: InboxFilters) => setParams(searchParamsOf({ ...next, q: next.q.trim() }), { replace: true });
  return (
    <section aria-labelledby="csirt-inbox-heading" className="wb-section">
      <Heading2 id="csirt-inbox-heading">{t('csirt.inbox.listTitle')}</Heading2>
      <FilterForm key={params.toString()} slug={slug} filters={filters} onApply={apply} />
      <PagedResults
        list={list}
        empty={filtered ? t('csirt.inbox.noneFound') : t('csirt.inbox.none')}
        shown={t('csirt.inbox.shown', { count: list.items.length, total })}
        loadMore={t('csirt.inbox.loadMore')}
      >
        <InboxTable slug={slug} items={list.items} caption={t('csirt.inbox.listTitle')} />
      </PagedResults>
    </section>
  );
}

function FilterForm({ slug, filters, onApply }: { slug: string; filters: InboxFilters; onApply: (filters: InboxFilters) => void }) {
  const { t, i18n } = useTranslation();
  const organisation = useCurrentOrganisation();
  const campaigns = useQuery({ queryKey: campaignsKey(slug), queryFn: ({ signal }) => fetchCampaigns(slug, signal) });
  const [values, setValues] = useState(filters);
  const set = <K extends keyof InboxFilters>(key: K) => (value: string) => setValues((current) => ({ ...current, [key]: value as InboxFilters[K] }));
  const gemeenten = organisation.connected.filter((o) => o.kind === 'gemeente');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form role="search" aria-label={t('csirt.inbox.filterLabel')} onSubmit={submit} className="wb-inline-form wb-incident-filters">
      <TextField id="csirt-q" label={t('csirt.inbox.search')} type="search" value={values.q} onChange={set('q')} autoComplete="off" maxLength={200} />
      <SelectField
        id="csirt-status"
        label={t('csirt.fields.status')}
        value={values.status}
        options={[
          { value: '', label: t('csirt.inbox.openStatuses') },
          { value: 'alle', label: t('csirt.inbox.allStatuses') },
          ...NOTIFICATION_STATUSES.map((value) => ({ value, label: t(`csirt.statuses.${value}`) })),
        ]}
        onChange={set('status')}
      />
      <SelectField
        id="csirt-gemeente"
        label={t('csirt.fields.gemeente')}
        value={values.gemeente}
        options={[{ value: '', label: t('csirt.inbox.allGemeenten') }, ...gemeenten.map((g) => ({ value: g.slug, label: g.name }))]}
        onChange={set('gemeente')}
      />
      <SelectField
        id="csirt-kind"
        label={t('csirt.fields.kind')}
        value={values.kind}
        options={[{ value: '', label: t('csirt.inbox.allKinds') }, ...REPORT_KINDS.map((value) => ({ value, label: reportKindName(value, i18n.language, t(`incidents.reports.kinds.${value}`)) }))]}
        onChange={set('kind')}
      />
      <SelectField
        id="csirt-campaign"
        label={t('csirt.fields.campaign')}
        value={values.campaign}
        options={[{ value: '', label: t('csirt.inbox.allCampaigns') }, ...(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))]}
        onChange={set('campaign')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('csirt.inbox.apply')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={() => onApply({ status: '', gemeente: '', kind: '', campaign: '', q: '' })}>
          {t('csirt.inbox.reset')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function InboxTable({ slug, items, caption }: { slug: string; items: InboxItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      label={caption}
      caption={caption}
      columns={[t('csirt.fields.gemeente'), t('csirt.fields.incident'), t('csirt.fields.kind'), t('csirt.fields.sentAt'), t('csirt.fields.status'), t('csirt.fields.campaign')]}
    >
      {items.map((item) => (
        <TableRow key={item.id}>
          <TableCell>{item.gemeente.name}</TableCell>
          <TableCell>
            {item.incident.ref} {item.incident.title}
          </TableCell>
          <TableHeaderCell scope="row">
            <AppLink to={notificationPath(slug, item.id)}>
              {reportKindName(item.kind, i18n.language, item.name)}
              <span className="wb-visually-hidden">
                {' '}
                {item.gemeente.name} {item.incident.ref}
              </span>
            </AppLink>
            {item.awaitingReply ? <strong> ({t('csirt.inbox.awaitingReply')})</strong> : null}
          </TableHeaderCell>
          <TableCell className="wb-nowrap">
            <time dateTime={item.sentAt}>{formatMoment(item.sentAt, i18n.language)}</time>
          </TableCell>
          <TableCell>
            <NotificationStatusBadge status={item.status} />
          </TableCell>
          <TableCell>{item.campaign ? item.campaign.title : <span className="wb-muted">{t('csirt.inbox.noCampaign')}</span>}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
