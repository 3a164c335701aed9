import type { RouteObject } from 'react-router';
import type { TFunction } from 'i18next';
import type { OrganisationDetail } from '../../shared/organisation';

/** Routes of this feature, relative to /o/:org (mounted by app/router.tsx). */
export const suppliersRoutes: RouteObject[] = [];

/** Sub-pages for the side navigation, filtered by the user's permissions. */
export function suppliersNav(_base: string, _organisation: OrganisationDetail | undefined, _t: TFunction): { to: string; label: string }[] {
  return [];
}
