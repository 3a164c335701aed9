import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { ReportView } from '../incidents/ReportsSection';
import { reportKindName } from '../incidents/labels';
import { formatMoment } from '../incidents/time';
import type { Report } from '../incidents/api';
import {
  acknowledgeNotification,
  campaignsKey,
  createCampaign,
  csirtKey,
  CSIRT_PERMISSIONS,
  fetchCampaigns,
  fetchNotification,
  NOTIFICATION_STATUSES,
  notificationKey,
  postCsirtMessage,
  updateNotification,
} from './api';
import type { Notification, NotificationStatus } from './api';
import { CsirtPage, NotificationStatusBadge } from './parts';
import { Thread } from './Thread';

/** /o/:org/csirt-inbox/:notificationId — one notification: what was sent, its hash, acknowledging, status, campaign and the thread. */
export function CsirtNotificationPage() {
  const { notificationId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <NotificationView key={`${organisation.slug}|${notificationId}`} slug={organisation.slug} id={notificationId} />;
}

function NotificationView({ slug, id }: { slug: string; id: string }) {
  const { t, i18n } = useTranslation();
  const organisation = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const canManage = can(organisation, CSIRT_PERMISSIONS.manage);
  const enabled = organisation.kind === 'csirt' && can(organisation, CSIRT_PERMISSIONS.read);
  const notification = useQuery({ queryKey: notificationKey(slug, id), queryFn: ({ signal }) => fetchNotification(slug, id, signal), enabled });
  const n = notification.data;
  const title = n ? `${reportKindName(n.kind, i18n.language, n.name)}: ${n.gemeente.name}` : t('csirt.notification.title');
  const refresh = async (data?: Notification) => {
    if (data) queryClient.setQueryData(notificationKey(slug, id), data);
    await queryClient.invalidateQueries({ queryKey: csirtKey(slug) });
  };
  return (
    <CsirtPage title={title}>
      {notification.isPending && enabled ? <Loading /> : null}
      <ProblemAlert error={notification.error} />
      {n ? (
        <>
          <Handling notification={n} slug={slug} canManage={canManage} onChanged={refresh} />
          <section aria-labelledby="csirt-content-heading" className="wb-section">
            <Heading2 id="csirt-content-heading">{t('csirt.notification.content')}</Heading2>
            <Paragraph>{t('csirt.notification.contentIntro')}</Paragraph>
            <FactList facts={[{ label: t('csirt.fields.hash'), value: <code className="wb-csirt-hash">{n.contentHash}</code> }]} />
            <ReportView report={asReport(n)} />
          </section>
          <div className="wb-section">
            <Thread
              idPrefix="csirt-message"
              headingLevel={2}
              messages={n.thread}
              send={canManage ? (body) => postCsirtMessage(slug, id, body) : null}
              onSent={() => refresh()}
            />
          </div>
        </>
      ) : null}
    </CsirtPage>
  );
}

/** The notification in the shape of the incidents' report view (which has the Dutch field labels). */
const asReport = (n: Notification): Report => ({
  kind: n.kind,
  regime: n.regime,
  name: n.name,
  content: n.content,
  draft: false,
  edited: false,
  sentAt: n.sentAt,
  sentBy: n.sentBy,
  channel: 'csirt',
  contentHash: n.contentHash,
});

function Handling({ notification: n, slug, canManage, onChanged }: { notification: Notification; slug: string; canManage: boolean; onChanged: (data?: Notification) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeNotification(slug, n.id),
    onSuccess: async (data) => {
      setNotice(t('csirt.notification.acknowledged'));
      await onChanged(data);
    },
  });
  return (
    <section aria-labelledby="csirt-handling-heading" className="wb-section">
      <Heading2 id="csirt-handling-heading">{t('csirt.notification.handling')}</Heading2>
      {notice ? <SuccessAlert>{notice}</SuccessAlert> : null}
      <FactList
        facts={[
          { label: t('csirt.fields.gemeente'), value: n.gemeente.name },
          { label: t('csirt.fields.incident'), value: `${n.incident.ref} ${n.incident.title}` },
          { label: t('csirt.fields.kind'), value: reportKindName(n.kind, i18n.language, n.name) },
          { label: t('csirt.fields.sentAt'), value: <time dateTime={n.sentAt}>{formatMoment(n.sentAt, i18n.language)}</time> },
          { label: t('csirt.fields.sentBy'), value: n.sentBy ?? t('common.unknown') },
          { label: t('csirt.fields.status'), value: <NotificationStatusBadge status={n.status} /> },
          {
            label: t('csirt.fields.acknowledged'),
            value: n.acknowledgedAt ? t('csirt.notification.acknowledgedBy', { at: formatMoment(n.acknowledgedAt, i18n.language), by: n.acknowledgedBy ?? t('common.unknown') }) : t('csirt.notification.notAcknowledged'),
          },
          { label: t('csirt.fields.campaign'), value: n.campaign ? n.campaign.title : t('csirt.inbox.noCampaign') },
        ]}
      />
      <ProblemAlert error={acknowledge.error} />
      {canManage && !n.acknowledgedAt ? (
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" busy={acknowledge.isPending} disabled={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
            {t('csirt.notification.acknowledge')}
          </Button>
        </ButtonGroup>
      ) : null}
      {canManage ? (
        <>
          <StatusForm notification={n} slug={slug} onChanged={onChanged} onNotice={setNotice} />
          <CampaignForm notification={n} slug={slug} onChanged={onChanged} onNotice={setNotice} />
        </>
      ) : null}
    </section>
  );
}

function StatusForm({ notification: n, slug, onChanged, onNotice }: { notification: Notification; slug: string; onChanged: (data?: Notification) => Promise<void>; onNotice: (text: string | null) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<NotificationStatus>(n.status);
  const mutation = useMutation({
    mutationFn: (value: NotificationStatus) => updateNotification(slug, n.id, { status: value }),
    onSuccess: async (data) => {
      onNotice(t('csirt.notification.statusSaved', { status: t(`csirt.statuses.${data.status}`) }));
      await onChanged(data);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    mutation.mutate(status);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('csirt.notification.statusForm')} className="wb-inline-form">
      <ProblemAlert error={mutation.error} />
      <SelectField
        id="csirt-notification-status"
        label={t('csirt.fields.status')}
        value={status}
        options={NOTIFICATION_STATUSES.map((value) => ({ value, label: t(`csirt.statuses.${value}`) }))}
        onChange={(value) => setStatus(value as NotificationStatus)}
      />
      <SubmitButtons label={t('csirt.notification.saveStatus')} pending={mutation.isPending} />
    </form>
  );
}

const NEW = 'nieuw';

/** Link to a campaign: choose one of this CSIRT's campaigns, none, or create a new one with this notification. */
function CampaignForm({ notification: n, slug, onChanged, onNotice }: { notification: Notification; slug: string; onChanged: (data?: Notification) => Promise<void>; onNotice: (text: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const campaigns = useQuery({ queryKey: campaignsKey(slug), queryFn: ({ signal }) => fetchCampaigns(slug, signal) });
  const [choice, setChoice] = useState(n.campaign?.id ?? '');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (): Promise<Notification | undefined> => {
      if (choice === NEW) {
        await createCampaign(slug, { title: title.trim(), notificationIds: [n.id] });
        return undefined;
      }
      return updateNotification(slug, n.id, { campaignId: choice || null });
    },
    onSuccess: async (data) => {
      onNotice(t('csirt.notification.campaignSaved'));
      setTitle('');
      await queryClient.invalidateQueries({ queryKey: campaignsKey(slug) });
      await onChanged(data);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    if (choice === NEW && !title.trim()) {
      setError(t('errors.required'));
      document.getElementById('csirt-campaign-title')?.focus();
      return;
    }
    setError(null);
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('csirt.notification.campaignForm')}>
      <ProblemAlert error={mutation.error} />
      <SelectField
        id="csirt-notification-campaign"
        label={t('csirt.fields.campaign')}
        description={t('csirt.notification.campaignHelp')}
        value={choice}
        options={[
          { value: '', label: t('csirt.inbox.noCampaign') },
          ...(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: t('csirt.notification.campaignOption', { title: c.title, count: c.gemeenten }) })),
          { value: NEW, label: t('csirt.notification.newCampaign') },
        ]}
        onChange={setChoice}
      />
      {choice === NEW ? <TextField id="csirt-campaign-title" label={t('csirt.notification.campaignTitle')} value={title} onChange={setTitle} required maxLength={200} error={error} /> : null}
      {campaigns.isError ? (
        <Alert type="warning">
          <Paragraph>{t('csirt.notification.campaignsUnavailable')}</Paragraph>
        </Alert>
      ) : null}
      <SubmitButtons label={t('csirt.notification.saveCampaign')} pending={mutation.isPending} />
    </form>
  );
}
