import type { RouteObject } from 'react-router';
import type { TFunction } from 'i18next';
import { lazyPage } from '../../app/lazyPage';
import { can } from '../../shared/organisation';
import type { OrganisationDetail } from '../../shared/organisation';
import { CSIRT_PERMISSIONS, csirtInboxPath } from './api';

/**
 * Routes of this feature, relative to /o/:org (mounted by app/router.tsx), for a CSIRT:
 *   csirt-inbox                   the reports the connected gemeenten sent (filters in the URL)
 *   csirt-inbox/:notificationId   one report: what was sent, acknowledging, status, campaign, thread
 * The gemeente's side is a section of the incident page (IncidentCsirtSection).
 */
export const csirtRoutes: RouteObject[] = [
  { path: 'csirt-inbox', ...lazyPage(() => import('./InboxPage'), 'CsirtInboxPage') },
  { path: 'csirt-inbox/:notificationId', ...lazyPage(() => import('./NotificationPage'), 'CsirtNotificationPage') },
];

/** "Meldingen van gemeenten" in the side navigation, for a CSIRT whose member may read its inbox. */
export function csirtNav(organisation: OrganisationDetail | undefined, t: TFunction): { to: string; label: string }[] {
  if (!organisation || organisation.kind !== 'csirt' || !can(organisation, CSIRT_PERMISSIONS.read)) return [];
  return [{ to: csirtInboxPath(organisation.slug), label: t('csirt.nav.inbox') }];
}
