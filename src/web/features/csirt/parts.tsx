import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { Breadcrumbs } from '../compliance/Breadcrumbs';
import { CSIRT_PERMISSIONS, csirtInboxPath } from './api';
import type { NotificationStatus } from './api';
import './csirt.css';

/** A page of the CSIRT's inbox: only for a CSIRT, and only with the right to read its inbox. */
export function CsirtPage({ title, intro, crumbs = true, children }: { title: string; intro?: ReactNode; crumbs?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  usePageTitle(title, organisation.name);
  if (organisation.kind !== 'csirt' || !can(organisation, CSIRT_PERMISSIONS.read)) return <NoAccess title={title} />;
  return (
    <>
      {crumbs ? <Breadcrumbs items={[{ to: csirtInboxPath(organisation.slug), label: t('csirt.inbox.title') }]} /> : null}
      <PageHeading title={title} context={organisation.name} />
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </>
  );
}

const STATUS_BADGE: Record<NotificationStatus, string> = { ontvangen: 'warning', in_behandeling: 'info', afgesloten: 'safe' };

/** The handling status in words, as a badge. */
export function NotificationStatusBadge({ status }: { status: NotificationStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={STATUS_BADGE[status] ?? 'neutral'}>{t(`csirt.statuses.${status}`)}</StatusBadge>;
}
