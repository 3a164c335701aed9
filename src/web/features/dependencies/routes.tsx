import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import type { TFunction } from 'i18next';
import { can } from '../../shared/organisation';
import type { OrganisationDetail } from '../../shared/organisation';
import { canLookAcross, DEPENDENCY_PERMISSIONS } from './api';

/**
 * Routes of this feature, relative to /o/:org (mounted by app/router.tsx):
 *   assets/cascade         "what if this fails?" — graph and tables (?node=<type>:<id>&hours=<n>)
 *   assets/concentration   the suppliers most critical processes depend on
 *   assets/across          CSIRT / veiligheidsregio: one supplier's outage across the connected gemeenten (?kvk=&hours=)
 */
export const dependenciesRoutes: RouteObject[] = [
  { path: 'assets/cascade', ...lazyPage(() => import('./CascadePage'), 'CascadePage') },
  { path: 'assets/concentration', ...lazyPage(() => import('./ConcentrationPage'), 'ConcentrationPage') },
  { path: 'assets/across', ...lazyPage(() => import('./AcrossPage'), 'AcrossPage') },
];

/** Sub-pages for the side navigation, filtered by the user's permissions. */
export function dependenciesNav(base: string, organisation: OrganisationDetail | undefined, t: TFunction): { to: string; label: string }[] {
  const pages: { to: string; label: string }[] = [];
  if (can(organisation, DEPENDENCY_PERMISSIONS.read)) {
    pages.push({ to: `${base}/assets/cascade`, label: t('dependencies.nav.cascade') });
    pages.push({ to: `${base}/assets/concentration`, label: t('dependencies.nav.concentration') });
  }
  if (canLookAcross(organisation)) pages.push({ to: `${base}/assets/across`, label: t('dependencies.nav.across') });
  return pages;
}
