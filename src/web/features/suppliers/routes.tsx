import { Navigate, useParams } from 'react-router';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import type { TFunction } from 'i18next';
import { can } from '../../shared/organisation';
import type { OrganisationDetail } from '../../shared/organisation';
import { SUPPLIER_PERMISSIONS } from './api';

/** Links in inbox notices (suppliers/:id#…) lead to the supplier's page under assets. */
function SupplierRedirect() {
  const { org = '', supplierId = '' } = useParams();
  return <Navigate replace to={`/o/${encodeURIComponent(org)}/assets/suppliers/${encodeURIComponent(supplierId)}`} />;
}

/**
 * Routes of this feature, relative to /o/:org (mounted by app/router.tsx):
 *   assets/suppliers, /new, /:supplierId                     suppliers with contracts, agreements, certifications, sub-processors, procurement answers
 *   assets/joint-arrangements, /new, /:arrangementId         gemeenschappelijke regelingen with their shared status
 *   assets/shared-status                                     the status this organisation (a joint arrangement) publishes
 *   assets/high-risk-countries                               the installation's list (installation admins change it)
 */
export const suppliersRoutes: RouteObject[] = [
  { path: 'assets/suppliers', ...lazyPage(() => import('./SuppliersPage'), 'SuppliersPage') },
  { path: 'assets/suppliers/new', ...lazyPage(() => import('./SupplierPages'), 'NewSupplierPage') },
  { path: 'assets/suppliers/:supplierId', ...lazyPage(() => import('./SupplierPages'), 'SupplierPage') },
  { path: 'suppliers/:supplierId', element: <SupplierRedirect /> },
  { path: 'assets/joint-arrangements', ...lazyPage(() => import('./ArrangementsPage'), 'ArrangementsPage') },
  { path: 'assets/joint-arrangements/new', ...lazyPage(() => import('./ArrangementPages'), 'NewArrangementPage') },
  { path: 'assets/joint-arrangements/:arrangementId', ...lazyPage(() => import('./ArrangementPages'), 'ArrangementPage') },
  { path: 'assets/shared-status', ...lazyPage(() => import('./SharedStatusPage'), 'SharedStatusPage') },
  { path: 'assets/high-risk-countries', ...lazyPage(() => import('./HighRiskCountriesPage'), 'HighRiskCountriesPage') },
];

/** Sub-pages for the side navigation, filtered by the user's permissions. */
export function suppliersNav(base: string, organisation: OrganisationDetail | undefined, t: TFunction): { to: string; label: string }[] {
  const pages: { to: string; label: string }[] = [];
  if (can(organisation, SUPPLIER_PERMISSIONS.read)) {
    pages.push({ to: `${base}/assets/suppliers`, label: t('suppliers.nav.suppliers') });
    pages.push({ to: `${base}/assets/joint-arrangements`, label: t('suppliers.nav.arrangements') });
  }
  if (organisation?.kind === 'samenwerkingsverband') pages.push({ to: `${base}/assets/shared-status`, label: t('suppliers.nav.sharedStatus') });
  return pages;
}
