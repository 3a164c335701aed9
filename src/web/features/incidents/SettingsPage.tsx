import { Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { fetchIncidentSettings, incidentSettingsKey, PERMISSIONS, saveIncidentSettings } from './api';
import type { IncidentSettings } from './api';
import { IncidentsPage } from './parts';
import { parseHours } from './settingsValues';

/** /o/:org/incidenten/instellingen — how many hours before each legal deadline a reminder comes. */
export function IncidentSettingsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const settings = useQuery({ queryKey: incidentSettingsKey(organisation.slug), queryFn: ({ signal }) => fetchIncidentSettings(organisation.slug, signal) });
  return (
    <IncidentsPage title={t('incidents.settings.title')} intro={t('incidents.settings.intro')} permission={PERMISSIONS.read}>
      {settings.isPending ? <Loading /> : null}
      <ProblemAlert error={settings.error} />
      {settings.data ? <SettingsForm key={settings.data.reminderHours.join(',')} settings={settings.data} canConfigure={can(organisation, PERMISSIONS.configure)} /> : null}
    </IncidentsPage>
  );
}

function SettingsForm({ settings, canConfigure }: { settings: IncidentSettings; canConfigure: boolean }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(settings.reminderHours.join(', '));
  const [saved, setSaved] = useState(false);
  const { errors, check } = useFormErrors('settings');
  const mutation = useMutation({
    mutationFn: (body: IncidentSettings) => saveIncidentSettings(organisation.slug, body),
    onSuccess: (data) => {
      queryClient.setQueryData(incidentSettingsKey(organisation.slug), data);
      setSaved(true);
    },
  });
  const server = fieldErrors(mutation.error);
  if (!canConfigure)
    return <Paragraph>{t('incidents.settings.current', { hours: settings.reminderHours.join(', ') })}</Paragraph>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const hours = parseHours(text);
    if (!check({ reminderHours: hours ? null : t('incidents.settings.invalid') })) return;
    mutation.mutate({ reminderHours: hours! });
  };
  return (
    <form onSubmit={submit} noValidate>
      {saved ? <SuccessAlert>{t('incidents.settings.saved')}</SuccessAlert> : null}
      <ProblemAlert error={mutation.error} />
      <TextField
        id="settings-reminderHours"
        label={t('incidents.settings.hours')}
        description={t('incidents.settings.hoursHelp')}
        value={text}
        onChange={setText}
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
        error={errors.reminderHours ?? server.reminderHours}
      />
      <SubmitButtons label={t('incidents.settings.submit')} pending={mutation.isPending} />
    </form>
  );
}
