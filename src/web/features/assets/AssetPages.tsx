import { Alert, Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { formatDateTime } from '../../shared/format';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { Breadcrumbs } from '../compliance/Breadcrumbs';
import { NodeDependencies } from '../dependencies/NodeDependencies';
import { LinkedRisks } from '../risks/LinkedRisks';
import {
  ASSET_KINDS,
  ASSET_PERMISSIONS,
  assetKey,
  assetPath,
  assetsKey,
  assetsPath,
  createAsset,
  deleteAsset,
  dependantsOf,
  fetchAsset,
  hasBia,
  hasOt,
  hasSoftware,
  updateAsset,
} from './api';
import type { Asset, AssetInput, AssetKind } from './api';
import type { AssetsNotice } from './AssetsPage';
import { AssetForm } from './AssetForm';
import { assetValues, emptyAsset } from './form';
import { useAssetLabels } from './labels';
import './assets.css';

const DEPENDENCIES_MANAGE = 'dependencies.manage';

/** Router state the create page leaves for the detail page. */
interface AssetNotice {
  created?: boolean;
}

/** Saving or deleting an asset changes the lists; a deleted asset's own query is left out (it is gone). */
async function invalidateAssets(queryClient: QueryClient, slug: string, deletedId?: string) {
  const deletedKey = deletedId ? JSON.stringify(assetKey(slug, deletedId)) : null;
  await queryClient.invalidateQueries({ queryKey: assetsKey(slug), predicate: (query) => JSON.stringify(query.queryKey) !== deletedKey });
}

/** Whether this user may change this asset: everything with assets.manage, OT alone with assets.manage_ot. */
export function mayManage(permissions: { permissions: string[] }, kind: string): boolean {
  if (can(permissions, ASSET_PERMISSIONS.manage)) return true;
  return kind === 'ot' && can(permissions, ASSET_PERMISSIONS.manageOt);
}

function useCrumbs() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return [{ to: assetsPath(organisation.slug), label: t('assets.list.title') }];
}

/** /o/:org/assets/new[?kind=…] — record an object (OOV advisers: operational technology only). */
export function NewAssetPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const crumbs = useCrumbs();
  const title = t('assets.new.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, ASSET_PERMISSIONS.manageOt)) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={title} context={organisation.name} />
      <NewAsset key={organisation.slug} slug={organisation.slug} allKinds={can(organisation, ASSET_PERMISSIONS.manage)} />
    </>
  );
}

function NewAsset({ slug, allKinds }: { slug: string; allKinds: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const requested = new URLSearchParams(location.search).get('kind');
  const kind: AssetKind = !allKinds ? 'ot' : (ASSET_KINDS as readonly string[]).includes(requested ?? '') ? (requested as AssetKind) : 'proces';
  const mutation = useMutation({
    mutationFn: (input: AssetInput) => createAsset(slug, input),
    onSuccess: async (asset) => {
      queryClient.setQueryData(assetKey(slug, asset.id), asset);
      await invalidateAssets(queryClient, slug);
      await navigate(assetPath(slug, asset.id), { state: { created: true } satisfies AssetNotice });
    },
  });
  return (
    <AssetForm
      idPrefix="asset"
      initial={emptyAsset(kind)}
      allKinds={allKinds}
      submitLabel={t('assets.new.submit')}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(input) => mutation.mutate(input)}
      cancel={
        <AppLink to={assetsPath(slug)} className="wb-form-cancel">
          {t('common.cancel')}
        </AppLink>
      }
    />
  );
}

/** /o/:org/assets/:assetId — the object's facts, dependencies and risks; edit and delete when allowed. */
export function AssetPage() {
  const { assetId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <AssetView key={`${organisation.slug}|${assetId}`} assetId={assetId} />;
}

function AssetView({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const crumbs = useCrumbs();
  const location = useLocation();
  const canRead = can(organisation, ASSET_PERMISSIONS.read);
  const asset = useQuery({
    queryKey: assetKey(slug, assetId),
    queryFn: ({ signal }) => fetchAsset(slug, assetId, signal),
    enabled: canRead,
  });
  const title = asset.data?.name ?? t('assets.detail.title');
  usePageTitle(title, organisation.name);
  const [saved, setSaved] = useState(false);
  const created = Boolean((location.state as AssetNotice | null)?.created);

  if (!canRead) return <NoAccess title={title} />;
  const editable = asset.data ? mayManage(organisation, asset.data.kind) : false;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={title} context={organisation.name} />
      {asset.isPending ? <Loading /> : null}
      <ProblemAlert error={asset.error} />
      {saved ? <SuccessAlert>{t('assets.detail.saved')}</SuccessAlert> : null}
      {created && !saved ? <SuccessAlert>{t('assets.detail.created')}</SuccessAlert> : null}
      {asset.data ? (
        <>
          <AssetFacts asset={asset.data} />
          <NodeDependencies org={slug} node={{ type: 'asset', id: asset.data.id, name: asset.data.name }} canManage={can(organisation, DEPENDENCIES_MANAGE)} />
          <LinkedRisks org={slug} targetId={asset.data.id} />
          {editable ? (
            <>
              <section aria-labelledby="edit-asset-heading" className="wb-section">
                <Heading2 id="edit-asset-heading">{t('assets.detail.editTitle')}</Heading2>
                <EditAsset
                  key={asset.data.updatedAt}
                  slug={slug}
                  asset={asset.data}
                  allKinds={can(organisation, ASSET_PERMISSIONS.manage)}
                  onSaved={() => setSaved(true)}
                  onChange={() => setSaved(false)}
                />
              </section>
              <DeleteAsset slug={slug} asset={asset.data} />
            </>
          ) : can(organisation, ASSET_PERMISSIONS.manageOt) ? (
            <Paragraph className="wb-section">{t('assets.detail.otOnly')}</Paragraph>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function AssetFacts({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const none = <span className="wb-muted">{t('assets.values.unknown')}</span>;
  const orNone = (value: string | null) => (value ? value : none);
  return (
    <section aria-labelledby="asset-facts-heading" className="wb-section">
      <Heading2 id="asset-facts-heading">{t('assets.detail.facts')}</Heading2>
      <FactList
        facts={[
          { label: t('assets.fields.kind'), value: labels.kind(asset.kind) },
          { label: t('assets.fields.description'), value: asset.description || none, multiline: true },
          { label: t('assets.fields.owner'), value: asset.owner ? `${labels.owner(asset.owner)} (${asset.owner.email})` : labels.owner(null) },
          { label: t('assets.fields.criticality'), value: labels.criticality(asset.criticality) },
          {
            label: t('assets.form.classification'),
            value: labels
              .bivParts(asset)
              .map((item) => `${item.name} ${item.level}`)
              .join(', '),
          },
          {
            label: t('assets.fields.personalData'),
            value: asset.personalData
              ? asset.personalDataCategories.length
                ? `${labels.yesNo(true)}: ${asset.personalDataCategories.map((category) => labels.category(category)).join(', ')}`
                : labels.yesNo(true)
              : labels.yesNo(false),
          },
          hasBia(asset.kind) && { label: t('assets.fields.rtoHours'), value: labels.hours(asset.rtoHours) },
          hasBia(asset.kind) && { label: t('assets.fields.rpoHours'), value: labels.hours(asset.rpoHours) },
          hasBia(asset.kind) && { label: t('assets.fields.mtdHours'), value: labels.hours(asset.mtdHours) },
          hasSoftware(asset.kind) && { label: t('assets.fields.vendor'), value: orNone(asset.vendor) },
          hasSoftware(asset.kind) && { label: t('assets.fields.product'), value: orNone(asset.product) },
          hasSoftware(asset.kind) && { label: t('assets.fields.version'), value: orNone(asset.version) },
          hasSoftware(asset.kind) && { label: t('assets.fields.cpe'), value: asset.cpe ? <code className="wb-code">{asset.cpe}</code> : none },
          hasSoftware(asset.kind) && { label: t('assets.fields.purl'), value: asset.purl ? <code className="wb-code">{asset.purl}</code> : none },
          hasOt(asset.kind) && { label: t('assets.fields.otType'), value: labels.otType(asset.otType) },
          hasOt(asset.kind) && {
            label: t('assets.fields.remoteAccess'),
            value: asset.remoteAccess && asset.remoteAccessHow ? `${labels.yesNo(true)}: ${asset.remoteAccessHow}` : labels.yesNo(asset.remoteAccess),
            multiline: true,
          },
          (hasOt(asset.kind) || asset.kind === 'locatie' || Boolean(asset.location)) && { label: t('assets.fields.location'), value: orNone(asset.location) },
          { label: t('assets.detail.updatedAt'), value: <time dateTime={asset.updatedAt}>{formatDateTime(asset.updatedAt)}</time> },
        ]}
      />
    </section>
  );
}

function EditAsset({ slug, asset, allKinds, onSaved, onChange }: { slug: string; asset: Asset; allKinds: boolean; onSaved: () => void; onChange: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: AssetInput) => (Object.keys(input).length === 0 ? Promise.resolve(asset) : updateAsset(slug, asset.id, input)),
    onMutate: onChange,
    onSuccess: async (updated) => {
      queryClient.setQueryData(assetKey(slug, asset.id), updated);
      await invalidateAssets(queryClient, slug);
      onSaved();
    },
  });
  return (
    <AssetForm
      idPrefix="asset"
      initial={assetValues(asset)}
      asset={asset}
      allKinds={allKinds}
      submitLabel={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(input) => mutation.mutate(input)}
    />
  );
}

/**
 * Delete with confirmation. When something still depends on the object the server answers 409 with
 * the list; then the choice it offers: delete the object with all its links, or keep it.
 */
function DeleteAsset({ slug, asset }: { slug: string; asset: Asset }) {
  const { t } = useTranslation();
  const labels = useAssetLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: (force: boolean) => deleteAsset(slug, asset.id, force),
    onSuccess: async () => {
      await invalidateAssets(queryClient, slug, asset.id);
      await navigate(assetsPath(slug), { state: { deleted: asset.name } satisfies AssetsNotice });
      queryClient.removeQueries({ queryKey: assetKey(slug, asset.id), exact: true });
    },
  });
  const dependants = dependantsOf(mutation.error);
  useEffect(() => {
    if (dependants) conflictRef.current?.focus();
  }, [dependants]);
  const cancel = () => {
    setConfirming(false);
    mutation.reset();
  };

  return (
    <section aria-labelledby="delete-asset-heading" className="wb-section">
      <Heading2 id="delete-asset-heading">{t('assets.delete.title')}</Heading2>
      <Paragraph>{t('assets.delete.intro')}</Paragraph>
      {dependants ? (
        <div ref={conflictRef} tabIndex={-1} className="wb-asset-conflict">
          <Alert type="warning" role="alert">
            <Paragraph id="asset-dependants-heading">{t('assets.delete.dependants', { count: dependants.length, name: asset.name })}</Paragraph>
            <UnorderedList aria-labelledby="asset-dependants-heading">
              {dependants.map((dependant) => (
                <UnorderedListItem key={`${dependant.type}|${dependant.id}|${dependant.kind}`}>
                  {labels.nodeType(dependant.type)}{' '}
                  {dependant.type === 'asset' ? <AppLink to={assetPath(slug, dependant.id)}>{dependant.name}</AppLink> : <strong>{dependant.name}</strong>}{' '}
                  <span className="wb-muted">({labels.dependencyKind(dependant.kind)})</span>
                </UnorderedListItem>
              ))}
            </UnorderedList>
            <Paragraph>{t('assets.delete.choice')}</Paragraph>
          </Alert>
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" hint="danger" busy={mutation.isPending} disabled={mutation.isPending} onClick={() => mutation.mutate(true)}>
              {t('assets.delete.force', { count: dependants.length })}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={cancel}>
              {t('assets.delete.keep')}
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <>
          <ProblemAlert error={mutation.error} />
          {confirming ? (
            <>
              <Paragraph role="status">{t('assets.delete.confirm', { name: asset.name })}</Paragraph>
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" hint="danger" busy={mutation.isPending} disabled={mutation.isPending} onClick={() => mutation.mutate(false)}>
                  {t('assets.delete.yes')}
                </Button>
                <Button type="button" appearance="subtle-button" onClick={cancel}>
                  {t('common.cancel')}
                </Button>
              </ButtonGroup>
            </>
          ) : (
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setConfirming(true)}>
                {t('assets.delete.button')}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
    </section>
  );
}
