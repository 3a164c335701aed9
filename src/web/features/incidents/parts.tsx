import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n/setup';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { Breadcrumbs } from '../compliance/Breadcrumbs';
import { PERMISSIONS } from './api';
import type { Deadline } from './api';
import { incidentsPath, localDeadline, SEVERITY_BADGE, useIncidentLabels } from './labels';
import './incidents.css';

export interface IncidentsPageProps {
  title: string;
  intro?: ReactNode;
  /** false: no breadcrumbs (the list itself) */
  crumbs?: boolean;
  permission?: string;
  children: ReactNode;
}

/** An incidents page: document title, breadcrumbs, h1 with the organisation, intro, then the content. */
export function IncidentsPage({ title, intro, crumbs = true, permission = PERMISSIONS.read, children }: IncidentsPageProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  usePageTitle(title, organisation.name);
  if (!can(organisation, permission)) return <NoAccess title={title} />;
  return (
    <>
      {crumbs ? <Breadcrumbs items={[{ to: incidentsPath(organisation.slug), label: t('incidents.list.title') }]} /> : null}
      <PageHeading title={title} context={organisation.name} />
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const labels = useIncidentLabels();
  return <StatusBadge status={SEVERITY_BADGE[severity] ?? 'neutral'}>{labels.severity(severity)}</StatusBadge>;
}

/** A deadline's due time (Amsterdam) and how far away it is; overdue in red with the words "te laat". */
export function DeadlineWhen({ deadline: given, withName = false }: { deadline: Deadline; withName?: boolean }) {
  const labels = useIncidentLabels();
  const { i18n } = useTranslation();
  const deadline = localDeadline(given, i18n.language);
  const done = deadline.state === 'gedaan' || deadline.state === 'te_laat_gedaan';
  return (
    <span className={deadline.overdue ? 'wb-incident-deadline wb-incident-deadline--overdue' : 'wb-incident-deadline'}>
      {withName ? <span className="wb-incident-deadline__name">{deadline.name}: </span> : null}
      {done ? null : <strong className="wb-incident-deadline__left">{labels.remaining(deadline.due)}</strong>}{' '}
      <time dateTime={deadline.due} className="wb-nowrap">
        {done ? null : '('}
        {labels.moment(deadline.due)}
        {done ? null : ')'}
      </time>
    </span>
  );
}

/** The state of a deadline as a badge with text: Open / Te laat / Gedaan op … / Te laat gedaan op …. */
export function DeadlineStateBadge({ deadline }: { deadline: Deadline }) {
  const labels = useIncidentLabels();
  const status = deadline.state === 'te_laat' ? 'danger' : deadline.state === 'gedaan' ? 'safe' : deadline.state === 'te_laat_gedaan' ? 'warning' : 'neutral';
  return <StatusBadge status={status}>{labels.deadlineState(deadline.state, deadline.doneAt)}</StatusBadge>;
}

/** A router link that looks like a button (e.g. "Nieuw incident"). */
export function ButtonRouterLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <RouterLink to={to} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
      {children}
    </RouterLink>
  );
}

/** A date 'YYYY-MM-DD' in the interface language, without a time zone shift. */
export function formatDay(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return value ?? '';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' }).format(date);
}
