import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import type { TFunction } from 'i18next';
import { can } from '../../shared/organisation';
import type { OrganisationDetail } from '../../shared/organisation';
import { PERMISSIONS } from './api';

/**
 * Routes of this feature, relative to /o/:org (mounted by app/router.tsx):
 *   risicos                       the register (filters in the URL)
 *   risicos/overzicht             heat maps, top risks per domain, trend
 *   risicos/new, risicos/:riskId  create; one risk with acceptance and history
 *   risicos/matrix                the organisation's risk matrix
 *   risicos/dpia[/new|/:dpiaId]   DPIA records and privacy risks from them
 */
export const risksRoutes: RouteObject[] = [
  { path: 'risicos', ...lazyPage(() => import('./RegisterPage'), 'RegisterPage') },
  { path: 'risicos/overzicht', ...lazyPage(() => import('./OverviewPage'), 'OverviewPage') },
  { path: 'risicos/new', ...lazyPage(() => import('./RiskPages'), 'NewRiskPage') },
  { path: 'risicos/matrix', ...lazyPage(() => import('./MatrixPage'), 'MatrixPage') },
  { path: 'risicos/dpia', ...lazyPage(() => import('./DpiaPages'), 'DpiasPage') },
  { path: 'risicos/dpia/new', ...lazyPage(() => import('./DpiaPages'), 'NewDpiaPage') },
  { path: 'risicos/dpia/:dpiaId', ...lazyPage(() => import('./DpiaPages'), 'DpiaPage') },
  { path: 'risicos/:riskId', ...lazyPage(() => import('./RiskPages'), 'RiskPage') },
];

/** Sub-pages for the side navigation, filtered by the user's permissions. */
export function risksNav(base: string, organisation: OrganisationDetail | undefined, t: TFunction): { to: string; label: string }[] {
  if (!can(organisation, PERMISSIONS.read)) return [];
  return [
    { to: `${base}/risicos`, label: t('risks.nav.register') },
    { to: `${base}/risicos/overzicht`, label: t('risks.nav.overview') },
    { to: `${base}/risicos/dpia`, label: t('risks.nav.dpia') },
    ...(can(organisation, PERMISSIONS.configure) ? [{ to: `${base}/risicos/matrix`, label: t('risks.nav.matrix') }] : []),
  ];
}
