import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { PERMISSIONS } from '../incidents/api';
import { reportKindName } from '../incidents/labels';
import { formatMoment } from '../incidents/time';
import { fetchIncidentCsirt, incidentCsirtKey, postGemeenteMessage } from './api';
import type { IncidentNotification } from './api';
import { Thread } from './Thread';
import './csirt.css';

/**
 * "CSIRT" on the incident page of a gemeente: per report sent to the CSIRT, how the CSIRT handles it
 * (received, in handling since … by …, closed) and the thread with the CSIRT, with a reply form.
 */
export function IncidentCsirtSection({ slug, incidentId }: { slug: string; incidentId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canManage = can(organisation, PERMISSIONS.manage);
  const data = useQuery({ queryKey: incidentCsirtKey(slug, incidentId), queryFn: ({ signal }) => fetchIncidentCsirt(slug, incidentId, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: incidentCsirtKey(slug, incidentId) });
  return (
    <section aria-labelledby="incident-csirt-heading" className="wb-section">
      <Heading2 id="incident-csirt-heading">{t('csirt.incident.title')}</Heading2>
      {data.isPending ? <Loading /> : null}
      <ProblemAlert error={data.error} />
      {data.data ? (
        <>
          <Paragraph>
            {data.data.connected ? t('csirt.incident.connected', { csirt: data.data.connected.name }) : t('csirt.incident.notConnected')}
          </Paragraph>
          {data.data.items.length === 0 ? <Paragraph>{t('csirt.incident.none')}</Paragraph> : null}
          {data.data.items.map((n) => (
            <SentNotification key={n.id} slug={slug} incidentId={incidentId} notification={n} canManage={canManage} onSent={refresh} />
          ))}
        </>
      ) : null}
    </section>
  );
}

function SentNotification({
  slug,
  incidentId,
  notification: n,
  canManage,
  onSent,
}: {
  slug: string;
  incidentId: string;
  notification: IncidentNotification;
  canManage: boolean;
  onSent: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const name = reportKindName(n.kind, i18n.language, n.name);
  const headingId = `csirt-${n.id}-heading`;
  const status =
    n.status === 'ontvangen'
      ? t('csirt.incident.status.ontvangen', { csirt: n.csirt.name })
      : n.status === 'in_behandeling'
        ? n.acknowledgedAt
          ? t('csirt.incident.status.inBehandelingSince', { at: formatMoment(n.acknowledgedAt, i18n.language), by: n.acknowledgedBy ?? t('common.unknown') })
          : t('csirt.incident.status.in_behandeling')
        : t('csirt.incident.status.afgesloten');
  return (
    <section aria-labelledby={headingId} className="wb-csirt-notification">
      <Heading3 id={headingId}>{t('csirt.incident.sentTitle', { name, csirt: n.csirt.name })}</Heading3>
      <FactList
        facts={[
          { label: t('csirt.fields.status'), value: <strong>{status}</strong> },
          { label: t('csirt.fields.sentAt'), value: <time dateTime={n.sentAt}>{formatMoment(n.sentAt, i18n.language)}</time> },
          { label: t('csirt.fields.sentBy'), value: n.sentBy ?? t('common.unknown') },
          { label: t('csirt.fields.hash'), value: <code className="wb-csirt-hash">{n.contentHash}</code> },
        ]}
      />
      <Thread
        idPrefix={`csirt-${n.id}-message`}
        headingLevel={4}
        messages={n.thread}
        send={canManage ? (body) => postGemeenteMessage(slug, incidentId, n.id, body) : null}
        onSent={onSent}
      />
    </section>
  );
}
