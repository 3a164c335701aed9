import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { useCurrentOrganisation } from '../../shared/organisation';
import { createIncident, incidentKey, incidentsKey, PERMISSIONS } from './api';
import type { IncidentInput } from './api';
import { emptyIncident, IncidentForm } from './IncidentForm';
import type { IncidentFormValues } from './IncidentForm';
import { incidentPath, incidentsPath } from './labels';
import { IncidentsPage } from './parts';
import { localInputToIso, nowLocalInput } from './time';

/** Router state the create page leaves for the incident page. */
export interface IncidentNotice {
  created?: boolean;
}

/** The create body from the form's values (Amsterdam local times → ISO with offset). */
export function createBody(values: IncidentFormValues): IncidentInput {
  return {
    title: values.title.trim(),
    category: values.category as IncidentInput['category'],
    severity: values.severity as IncidentInput['severity'],
    ...(values.description.trim() ? { description: values.description } : {}),
    ...(values.impact.trim() ? { impact: values.impact } : {}),
    awareAt: localInputToIso(values.awareAt),
    ...(values.startedAt ? { startedAt: localInputToIso(values.startedAt) } : {}),
    ...(values.handlers.length ? { handlerIds: values.handlers.map((h) => h.id) } : {}),
    ...(values.links.length ? { links: values.links.map((l) => ({ type: l.type, id: l.id })) } : {}),
  };
}

/** /o/:org/incidenten/nieuw — record an incident. */
export function NewIncidentPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <IncidentsPage title={t('incidents.form.newTitle')} intro={t('incidents.form.newIntro')} permission={PERMISSIONS.manage}>
      <NewIncident key={organisation.slug} slug={organisation.slug} />
    </IncidentsPage>
  );
}

function NewIncident({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [initial] = useState(() => emptyIncident(nowLocalInput()));
  const mutation = useMutation({
    mutationFn: (values: IncidentFormValues) => createIncident(slug, createBody(values)),
    onSuccess: async (incident) => {
      queryClient.setQueryData(incidentKey(slug, incident.id), incident);
      await queryClient.invalidateQueries({ queryKey: [...incidentsKey(slug), 'list'] });
      await navigate(incidentPath(slug, incident.id), { state: { created: true } satisfies IncidentNotice });
    },
  });
  return (
    <IncidentForm
      idPrefix="incident"
      mode="create"
      initial={initial}
      submitLabel={t('incidents.form.create')}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(values) => mutation.mutate(values)}
      cancel={
        <AppLink to={incidentsPath(slug)} className="wb-form-cancel">
          {t('common.cancel')}
        </AppLink>
      }
    />
  );
}
