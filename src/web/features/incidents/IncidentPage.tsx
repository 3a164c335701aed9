import { Alert, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { fetchIncident, incidentKey, PERMISSIONS } from './api';
import type { Incident } from './api';
import { DetailsSection } from './DetailsSection';
import { localDeadline, useIncidentLabels } from './labels';
import { LegalSection } from './LegalSection';
import type { IncidentNotice } from './NewIncidentPage';
import { DeadlineStateBadge, IncidentsPage, SeverityBadge } from './parts';
import { ReportsSection } from './ReportsSection';
import { LessonsSection } from './LessonsSection';
import { TasksSection } from './TasksSection';
import { TimelineSection } from './TimelineSection';
import { IncidentCsirtSection } from '../csirt/IncidentCsirtSection';

/** /o/:org/incidenten/:incidentId — one incident with its deadlines, legal questions, reports, timeline, tasks and details. */
export function IncidentPage() {
  const { incidentId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <IncidentView key={`${organisation.slug}|${incidentId}`} incidentId={incidentId} />;
}

function IncidentView({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const location = useLocation();
  const canRead = can(organisation, PERMISSIONS.read);
  const canManage = can(organisation, PERMISSIONS.manage);
  const incident = useQuery({ queryKey: incidentKey(slug, incidentId), queryFn: ({ signal }) => fetchIncident(slug, incidentId, signal), enabled: canRead });
  const created = Boolean((location.state as IncidentNotice | null)?.created);
  const title = incident.data ? `${incident.data.ref} ${incident.data.title}` : t('incidents.incident');
  return (
    <IncidentsPage title={title}>
      {incident.isPending ? <Loading /> : null}
      <ProblemAlert error={incident.error} />
      {created ? <SuccessAlert>{t('incidents.form.created')}</SuccessAlert> : null}
      {incident.data ? (
        <>
          <Summary incident={incident.data} />
          <DeadlinesSection incident={incident.data} />
          <LegalSection slug={slug} incident={incident.data} canManage={canManage} />
          <ReportsSection slug={slug} incident={incident.data} canManage={canManage} />
          <IncidentCsirtSection slug={slug} incidentId={incident.data.id} />
          <TimelineSection slug={slug} incident={incident.data} canManage={canManage} />
          <TasksSection slug={slug} incident={incident.data} canManage={canManage} />
          <LessonsSection slug={slug} incident={incident.data} canManage={canManage} />
          <DetailsSection slug={slug} incident={incident.data} canManage={canManage} />
        </>
      ) : null}
    </IncidentsPage>
  );
}

function Summary({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <FactList
      label={t('incidents.detail.summary')}
      facts={[
        { label: t('incidents.fields.ref'), value: incident.ref },
        { label: t('incidents.fields.status'), value: labels.status(incident.status) },
        { label: t('incidents.fields.severity'), value: <SeverityBadge severity={incident.severity} /> },
        { label: t('incidents.fields.category'), value: labels.category(incident.category) },
        { label: t('incidents.fields.awareAt'), value: <time dateTime={incident.awareAt}>{labels.moment(incident.awareAt)}</time> },
        incident.overdue && { label: t('incidents.detail.attention'), value: <strong className="wb-incident-deadline--overdue">{t('incidents.detail.overdue')}</strong> },
      ]}
    />
  );
}

/** "Wettelijke termijnen": each deadline with its due time in Amsterdam, time left or overdue, rule, legal basis, recipient and state. */
function DeadlinesSection({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const labels = useIncidentLabels();
  const unanswered = incident.cbw.significant === null || incident.avg.breach === null;
  return (
    <section aria-labelledby="incident-deadlines-heading" className="wb-section">
      <Heading2 id="incident-deadlines-heading">{t('incidents.deadlines.title')}</Heading2>
      {unanswered ? (
        <Alert type="info">
          <Paragraph>{t('incidents.deadlines.unanswered', { aware: labels.moment(incident.awareAt) })}</Paragraph>
        </Alert>
      ) : null}
      {incident.deadlines.length === 0 ? (
        !unanswered ? <Paragraph>{t('incidents.deadlines.none')}</Paragraph> : null
      ) : (
        <ul className="wb-incident-deadlines" aria-labelledby="incident-deadlines-heading">
          {incident.deadlines.map((d) => localDeadline(d, i18n.language)).map((deadline) => (
            <li
              key={`${deadline.regime}|${deadline.id}`}
              className={deadline.overdue ? 'wb-incident-deadlines__item wb-incident-deadlines__item--overdue' : 'wb-incident-deadlines__item'}
              data-deadline={deadline.id}
            >
              <Heading3>{deadline.name}</Heading3>
              <FactList
                facts={[
                  { label: t('incidents.deadlines.due'), value: <time dateTime={deadline.due}>{labels.moment(deadline.due)}</time> },
                  deadline.state === 'open' || deadline.state === 'te_laat'
                    ? { label: deadline.overdue ? t('incidents.deadlines.late') : t('incidents.deadlines.left'), value: <strong className={deadline.overdue ? 'wb-incident-deadline--overdue' : undefined}>{labels.remaining(deadline.due)}</strong> }
                    : null,
                  { label: t('incidents.deadlines.state'), value: <DeadlineStateBadge deadline={deadline} /> },
                  { label: t('incidents.deadlines.rule'), value: deadline.rule },
                  { label: t('incidents.deadlines.basis'), value: deadline.basis },
                  deadline.recipient ? { label: t('incidents.deadlines.recipient'), value: deadline.recipient } : null,
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
