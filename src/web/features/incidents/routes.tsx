import type { RouteObject } from 'react-router';
import type { TFunction } from 'i18next';
import { lazyPage } from '../../app/lazyPage';
import { can } from '../../shared/organisation';
import type { OrganisationDetail } from '../../shared/organisation';
import { PERMISSIONS } from './api';

/**
 * Routes of this feature, relative to /o/:org (mounted by app/router.tsx):
 *   incidenten                 the incident register (filters in the URL)
 *   incidenten/nieuw           record an incident
 *   incidenten/instellingen    reminder hours before the legal deadlines
 *   incidenten/:incidentId     one incident: deadlines, legal questions, reports, timeline, tasks, details
 */
export const incidentsRoutes: RouteObject[] = [
  { path: 'incidenten', ...lazyPage(() => import('./ListPage'), 'IncidentListPage') },
  { path: 'incidenten/nieuw', ...lazyPage(() => import('./NewIncidentPage'), 'NewIncidentPage') },
  { path: 'incidenten/instellingen', ...lazyPage(() => import('./SettingsPage'), 'IncidentSettingsPage') },
  { path: 'incidenten/:incidentId', ...lazyPage(() => import('./IncidentPage'), 'IncidentPage') },
];

/** Sub-pages for the side navigation, filtered by the user's permissions. */
export function incidentsNav(base: string, organisation: OrganisationDetail | undefined, t: TFunction): { to: string; label: string }[] {
  if (!can(organisation, PERMISSIONS.read)) return [];
  return [
    { to: `${base}/incidenten`, label: t('incidents.nav.register') },
    ...(can(organisation, PERMISSIONS.manage) ? [{ to: `${base}/incidenten/nieuw`, label: t('incidents.nav.new') }] : []),
    { to: `${base}/incidenten/instellingen`, label: t('incidents.nav.settings') },
  ];
}
