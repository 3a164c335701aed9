import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import type { TFunction } from 'i18next';
import { can } from '../../shared/organisation';
import type { OrganisationDetail } from '../../shared/organisation';
import { ASSET_PERMISSIONS } from './api';

/** Routes of this feature, relative to /o/:org (mounted by app/router.tsx). */
export const assetsRoutes: RouteObject[] = [
  { path: 'assets', ...lazyPage(() => import('./AssetsPage'), 'AssetsPage') },
  { path: 'assets/new', ...lazyPage(() => import('./AssetPages'), 'NewAssetPage') },
  { path: 'assets/import', ...lazyPage(() => import('./AssetImportPage'), 'AssetImportPage') },
  { path: 'assets/:assetId', ...lazyPage(() => import('./AssetPages'), 'AssetPage') },
];

/** Sub-pages for the side navigation, filtered by the user's permissions. */
export function assetsNav(base: string, organisation: OrganisationDetail | undefined, t: TFunction): { to: string; label: string }[] {
  return [
    { to: `${base}/assets`, label: t('assets.nav.list'), allowed: can(organisation, ASSET_PERMISSIONS.read) },
    { to: `${base}/assets/import`, label: t('assets.nav.import'), allowed: can(organisation, ASSET_PERMISSIONS.manage) },
  ]
    .filter((page) => page.allowed)
    .map(({ to, label }) => ({ to, label }));
}
