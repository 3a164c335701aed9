import { Button, ButtonGroup, Heading2, Heading3 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import { FactList } from '../../shared/FactList';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import type { IncidentStatus } from '../../../shared/incidents';
import { nodePath } from '../dependencies/api';
import { updateIncident } from './api';
import type { Incident, IncidentPatch } from './api';
import { correctedMoments, IncidentForm, incidentValues } from './IncidentForm';
import type { IncidentFormValues } from './IncidentForm';
import { useIncidentLabels } from './labels';
import { useIncidentMutation } from './shared';
import { localInputToIso } from './time';

/** The PATCH body: only what changed; moments as ISO with offset; a correction carries its reason. */
export function patchBody(initial: IncidentFormValues, values: IncidentFormValues): IncidentPatch {
  const body: IncidentPatch = {};
  if (values.title.trim() !== initial.title) body.title = values.title.trim();
  if (values.category !== initial.category) body.category = values.category as IncidentPatch['category'];
  if (values.severity !== initial.severity) body.severity = values.severity as IncidentPatch['severity'];
  if (values.description !== initial.description) body.description = values.description;
  if (values.impact !== initial.impact) body.impact = values.impact;
  if (values.awareAt !== initial.awareAt) body.awareAt = localInputToIso(values.awareAt);
  if (values.startedAt !== initial.startedAt) body.startedAt = values.startedAt ? localInputToIso(values.startedAt) : null;
  if (values.handledAt !== initial.handledAt) body.handledAt = values.handledAt ? localInputToIso(values.handledAt) : null;
  const ids = (people: Array<{ id: string }>) => people.map((p) => p.id).sort().join(',');
  if (ids(values.handlers) !== ids(initial.handlers)) body.handlerIds = values.handlers.map((h) => h.id);
  const links = (list: IncidentFormValues['links']) => list.map((l) => `${l.type}:${l.id}`).sort().join(',');
  if (links(values.links) !== links(initial.links)) body.links = values.links.map((l) => ({ type: l.type, id: l.id }));
  if (correctedMoments(initial, values).length > 0) body.correctionReason = values.correctionReason.trim();
  return body;
}

/** The status changes offered from each status. */
const NEXT_STATUSES: Record<IncidentStatus, IncidentStatus[]> = {
  open: ['in_behandeling', 'afgehandeld'],
  in_behandeling: ['afgehandeld'],
  afgehandeld: ['gesloten', 'in_behandeling'],
  gesloten: ['in_behandeling'],
};

/** "Details": what happened, the moments, handlers, affected objects; status changes and editing (with a reason for corrected moments). */
export function DetailsSection({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const initial = incidentValues(incident);
  const save = useIncidentMutation(slug, incident.id, (values: IncidentFormValues) => updateIncident(slug, incident.id, patchBody(initial, values)), () => {
    setEditing(false);
    setNotice(t('common.saved'));
  });
  const status = useIncidentMutation(slug, incident.id, (next: IncidentStatus) => updateIncident(slug, incident.id, { status: next }), (updated) =>
    setNotice(t('incidents.details.statusChanged', { status: labels.status(updated.status) })),
  );
  const moment = (iso: string | null) => (iso ? <time dateTime={iso}>{labels.moment(iso)}</time> : t('common.unknown'));
  return (
    <section aria-labelledby="incident-details-heading" className="wb-section">
      <Heading2 id="incident-details-heading">{t('incidents.details.title')}</Heading2>
      {notice ? <SuccessAlert>{notice}</SuccessAlert> : null}
      <FactList
        facts={[
          { label: t('incidents.fields.description'), value: incident.description || t('common.none'), multiline: true },
          { label: t('incidents.fields.impact'), value: incident.impact || t('common.none'), multiline: true },
          { label: t('incidents.fields.startedAt'), value: moment(incident.startedAt) },
          { label: t('incidents.fields.awareAt'), value: moment(incident.awareAt) },
          { label: t('incidents.fields.handledAt'), value: incident.handledAt ? moment(incident.handledAt) : t('incidents.details.notYet') },
          Boolean(incident.closedAt) && { label: t('incidents.fields.closedAt'), value: moment(incident.closedAt) },
          { label: t('incidents.fields.handlers'), value: incident.handlers.length ? incident.handlers.map((h) => h.name).join(', ') : t('common.none') },
          {
            label: t('incidents.fields.links'),
            value: incident.links.length ? (
              <ul className="wb-plain-list">
                {incident.links.map((link) => (
                  <li key={`${link.type}|${link.id}`}>
                    {link.name ? <AppLink to={nodePath(slug, link)}>{link.name}</AppLink> : t('incidents.links.deleted')} <span className="wb-muted">({labels.linkType(link.type)})</span>
                  </li>
                ))}
              </ul>
            ) : (
              t('incidents.links.none')
            ),
          },
        ]}
      />
      {canManage ? (
        <>
          <section aria-labelledby="incident-status-heading" className="wb-subsection">
            <Heading3 id="incident-status-heading">{t('incidents.details.statusTitle')}</Heading3>
            <ProblemAlert error={status.error} />
            <ButtonGroup>
              {NEXT_STATUSES[incident.status].map((next) => (
                <Button key={next} type="button" appearance="secondary-action-button" busy={status.isPending} disabled={status.isPending} onClick={() => status.mutate(next)}>
                  {t(`incidents.details.to.${next}`)}
                </Button>
              ))}
            </ButtonGroup>
          </section>
          <section aria-labelledby="incident-edit-heading" className="wb-subsection">
            <Heading3 id="incident-edit-heading">{t('incidents.details.editTitle')}</Heading3>
            {editing ? (
              <IncidentForm
                key={incident.updatedAt}
                idPrefix="edit"
                mode="edit"
                initial={initial}
                submitLabel={t('common.save')}
                pending={save.isPending}
                error={save.error}
                onSubmit={(values) => {
                  setNotice(null);
                  save.mutate(values);
                }}
                cancel={
                  <Button type="button" appearance="subtle-button" onClick={() => setEditing(false)}>
                    {t('common.cancel')}
                  </Button>
                }
              />
            ) : (
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" onClick={() => setEditing(true)}>
                  {t('incidents.details.edit')}
                </Button>
              </ButtonGroup>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
