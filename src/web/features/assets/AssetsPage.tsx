import { Button, ButtonGroup, ButtonLink, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useSignedInMe } from '../../app/session';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import type { DataTableColumn } from '../../shared/DataTable';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { PagedResults } from '../../shared/PagedResults';
import { SelectField } from '../../shared/SelectField';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { oneOf, searchParamsOf } from '../../shared/searchParams';
import { usePageTitle } from '../../shared/usePageTitle';
import { usePagedList } from '../../shared/usePagedList';
import { useMemberOptions } from '../members/memberOptions';
import {
  ASSET_KINDS,
  ASSET_PERMISSIONS,
  assetImportPath,
  assetListKey,
  assetPath,
  CRITICALITIES,
  exportUrl,
  fetchAssets,
  hasBia,
  hasOt,
  hasSoftware,
  newAssetPath,
} from './api';
import type { Asset, AssetFilters, AssetKind } from './api';
import { useAssetLabels } from './labels';
import type { AssetLabels } from './labels';
import './assets.css';

/** Router state a detail page leaves behind for the list (after deleting). */
export interface AssetsNotice {
  deleted?: string;
}

const BUTTON_LINK = 'utrecht-button-link utrecht-button-link--html-a';

/** The filters as the URL holds them (unknown values are ignored). */
export function filtersOf(params: URLSearchParams): AssetFilters {
  return {
    kind: oneOf(ASSET_KINDS, params.get('kind')),
    criticality: oneOf(CRITICALITIES, params.get('criticality')),
    owner: /^[0-9a-f-]{36}$/i.test(params.get('owner') ?? '') ? (params.get('owner') as string) : '',
    personalData: oneOf(['true', 'false'] as const, params.get('personalData')),
    q: (params.get('q') ?? '').trim().slice(0, 100),
  };
}

/**
 * /o/:org/assets[?kind=…&criticality=…&owner=…&personalData=true|false&q=…] — the organisation's
 * objects: filters kept in the URL, "load more", the total, columns that matter for the chosen kind;
 * new object, export (XLSX, CSV) and import.
 */
export function AssetsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const title = t('assets.list.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, ASSET_PERMISSIONS.read)) return <NoAccess title={title} />;
  const deleted = (location.state as AssetsNotice | null)?.deleted;
  const slug = organisation.slug;
  return (
    <>
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('assets.list.intro')}</Paragraph>
      {deleted ? <SuccessAlert>{t('assets.list.deleted', { name: deleted })}</SuccessAlert> : null}
      <ButtonGroup className="wb-asset-actions">
        {can(organisation, ASSET_PERMISSIONS.manageOt) ? (
          <Link to={newAssetPath(slug)} className={`${BUTTON_LINK} utrecht-button-link--primary-action`}>
            {can(organisation, ASSET_PERMISSIONS.manage) ? t('assets.list.new') : t('assets.list.newOt')}
          </Link>
        ) : null}
        <ButtonLink appearance="secondary-action-button" href={exportUrl(slug, 'xlsx')} download>
          {t('assets.list.exportXlsx')}
        </ButtonLink>
        <ButtonLink appearance="secondary-action-button" href={exportUrl(slug, 'csv')} download>
          {t('assets.list.exportCsv')}
        </ButtonLink>
        {can(organisation, ASSET_PERMISSIONS.manage) ? (
          <Link to={assetImportPath(slug)} className={`${BUTTON_LINK} utrecht-button-link--secondary-action`}>
            {t('assets.list.import')}
          </Link>
        ) : null}
      </ButtonGroup>
      <AssetList key={slug} slug={slug} />
    </>
  );
}

function AssetList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const list = usePagedList(assetListKey(slug, filters), (cursor, signal) => fetchAssets(slug, filters, cursor, signal));
  const filtered = Boolean(filters.kind || filters.criticality || filters.owner || filters.personalData || filters.q);
  const total = list.query.data?.pages[0]?.total ?? 0;

  return (
    <section aria-labelledby="assets-heading" className="wb-section">
      <Heading2 id="assets-heading">{t('assets.list.listTitle')}</Heading2>
      <FilterForm
        key={searchParamsOf({ ...filters }).toString()}
        initial={filters}
        onFilter={(next) => setParams(searchParamsOf({ ...next }), { replace: true })}
        onClear={filtered ? () => setParams(new URLSearchParams(), { replace: true }) : undefined}
      />
      <PagedResults
        list={list}
        empty={filtered ? t('assets.list.noneFound') : t('assets.list.none')}
        shown={t('assets.list.shown', { count: total, shown: list.items.length })}
        loadMore={t('assets.list.loadMore')}
      >
        <AssetsTable slug={slug} assets={list.items} filters={filters} />
      </PagedResults>
    </section>
  );
}

function FilterForm({ initial, onFilter, onClear }: { initial: AssetFilters; onFilter: (filters: AssetFilters) => void; onClear?: () => void }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const me = useSignedInMe();
  const [values, setValues] = useState(initial);
  const members = useMemberOptions(t('assets.filters.anyOwner'));
  const ownerOptions = members.available
    ? members.options
    : [
        { value: '', label: t('assets.filters.anyOwner') },
        { value: me.user.id, label: t('assets.filters.mine') },
      ];
  if (values.owner && !ownerOptions.some((option) => option.value === values.owner)) ownerOptions.push({ value: values.owner, label: t('assets.filters.chosenOwner') });
  const set = <K extends keyof AssetFilters>(key: K) => (value: string) => setValues((current) => ({ ...current, [key]: value as AssetFilters[K] }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilter({ ...values, q: values.q.trim() });
  };
  return (
    <form role="search" aria-label={t('assets.filters.label')} onSubmit={submit} className="wb-inline-form">
      <TextField id="assets-q" label={t('assets.filters.q')} type="search" value={values.q} onChange={set('q')} maxLength={100} autoComplete="off" />
      <SelectField
        id="assets-kind"
        label={t('assets.fields.kind')}
        value={values.kind}
        options={[{ value: '', label: t('assets.filters.anyKind') }, ...ASSET_KINDS.map((kind) => ({ value: kind, label: labels.kindPlural(kind) }))]}
        onChange={set('kind')}
      />
      <SelectField
        id="assets-criticality"
        label={t('assets.fields.criticality')}
        value={values.criticality}
        options={[{ value: '', label: t('assets.filters.anyCriticality') }, ...CRITICALITIES.map((value) => ({ value, label: labels.criticality(value) }))]}
        onChange={set('criticality')}
      />
      <SelectField id="assets-owner" label={t('assets.fields.owner')} value={values.owner} options={ownerOptions} onChange={set('owner')} disabled={members.isPending} />
      <SelectField
        id="assets-personal-data"
        label={t('assets.fields.personalData')}
        value={values.personalData}
        options={[
          { value: '', label: t('assets.filters.anyPersonalData') },
          { value: 'true', label: t('assets.filters.withPersonalData') },
          { value: 'false', label: t('assets.filters.withoutPersonalData') },
        ]}
        onChange={set('personalData')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('assets.filters.submit')}
        </Button>
        {onClear ? (
          <Button type="button" appearance="subtle-button" onClick={onClear}>
            {t('assets.filters.clear')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

const muted = (text: string) => <span className="wb-muted">{text}</span>;
const orDash = (value: string | null | undefined, labels: AssetLabels): ReactNode => (value ? value : muted(labels.yesNo(null)));

/** The kind-specific facts in one line, for the list without a kind filter. */
function features(asset: Asset, labels: AssetLabels, t: (key: string, options?: Record<string, unknown>) => string): ReactNode {
  if (hasBia(asset.kind)) return asset.rtoHours === null ? muted(t('assets.list.noBia')) : t('assets.list.rto', { count: asset.rtoHours });
  if (hasSoftware(asset.kind)) {
    const software = [asset.vendor, asset.product, asset.version].filter(Boolean).join(' ');
    return software || muted(t('assets.list.noSoftware'));
  }
  if (hasOt(asset.kind)) return `${labels.otType(asset.otType)}; ${t('assets.list.remote', { value: labels.yesNo(asset.remoteAccess) })}`;
  if (asset.kind === 'locatie') return asset.location ?? muted(labels.yesNo(null));
  return asset.personalData ? t('assets.list.withPersonalData') : '';
}

function AssetsTable({ slug, assets, filters }: { slug: string; assets: Asset[]; filters: AssetFilters }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const kind: AssetKind | '' = filters.kind;
  const categories = filters.personalData === 'true';
  const personalData = filters.personalData === '';
  const hours = { className: 'wb-asset-number' };
  const columns: DataTableColumn[] = [
    t('assets.fields.name'),
    !kind && t('assets.fields.kind'),
    kind === 'ot' && t('assets.fields.otType'),
    t('assets.fields.criticality'),
    {
      label: (
        <>
          <abbr title={t('assets.biv.full')}>{t('assets.biv.short')}</abbr>
          <span className="wb-visually-hidden"> ({t('assets.biv.full')})</span>
        </>
      ),
    },
    t('assets.fields.owner'),
    !kind && t('assets.list.features'),
    kind === 'proces' && { label: t('assets.fields.rtoShort'), ...hours },
    kind === 'proces' && { label: t('assets.fields.rpoShort'), ...hours },
    kind === 'proces' && { label: t('assets.fields.mtdShort'), ...hours },
    hasSoftware(kind) && t('assets.fields.vendor'),
    hasSoftware(kind) && t('assets.fields.product'),
    hasSoftware(kind) && t('assets.fields.version'),
    kind === 'ot' && t('assets.fields.remoteAccess'),
    kind === 'locatie' && t('assets.fields.location'),
    personalData && t('assets.fields.personalData'),
    categories && t('assets.fields.personalDataCategories'),
  ];
  const number = (value: number | null) => <TableCell className="wb-asset-number">{value === null ? muted('–') : value}</TableCell>;
  return (
    <DataTable label={t('assets.list.listTitle')} caption={t('assets.list.caption')} columns={columns}>
      {assets.map((asset) => (
        <TableRow key={asset.id}>
          <TableHeaderCell scope="row">
            <AppLink to={assetPath(slug, asset.id)}>{asset.name}</AppLink>
          </TableHeaderCell>
          {!kind ? <TableCell>{labels.kind(asset.kind)}</TableCell> : null}
          {kind === 'ot' ? <TableCell>{labels.otType(asset.otType)}</TableCell> : null}
          <TableCell>{asset.criticality ? labels.criticality(asset.criticality) : muted(labels.criticality(null))}</TableCell>
          <TableCell>
            <ul className="wb-changes">
              {labels.bivParts(asset).map((item) => (
                <li key={item.part} className="wb-nowrap">
                  <abbr title={item.name}>{item.letter}</abbr>
                  <span className="wb-visually-hidden"> ({item.name})</span> {item.level}
                </li>
              ))}
            </ul>
          </TableCell>
          <TableCell>{asset.owner ? labels.owner(asset.owner) : muted(labels.owner(null))}</TableCell>
          {!kind ? <TableCell>{features(asset, labels, t)}</TableCell> : null}
          {kind === 'proces' ? (
            <>
              {number(asset.rtoHours)}
              {number(asset.rpoHours)}
              {number(asset.mtdHours)}
            </>
          ) : null}
          {hasSoftware(kind) ? (
            <>
              <TableCell>{orDash(asset.vendor, labels)}</TableCell>
              <TableCell>{orDash(asset.product, labels)}</TableCell>
              <TableCell>{orDash(asset.version, labels)}</TableCell>
            </>
          ) : null}
          {kind === 'ot' ? (
            <TableCell className="wb-asset-remote">
              {labels.yesNo(asset.remoteAccess)}
              {asset.remoteAccess && asset.remoteAccessHow ? <span className="wb-asset-note">: {asset.remoteAccessHow}</span> : null}
            </TableCell>
          ) : null}
          {kind === 'locatie' ? <TableCell>{orDash(asset.location, labels)}</TableCell> : null}
          {personalData ? <TableCell>{labels.yesNo(asset.personalData)}</TableCell> : null}
          {categories ? (
            <TableCell>
              {asset.personalDataCategories.length ? asset.personalDataCategories.map((category) => labels.category(category)).join(', ') : muted(t('assets.list.noCategories'))}
            </TableCell>
          ) : null}
        </TableRow>
      ))}
    </DataTable>
  );
}
