import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { TIMELINE_USER_KINDS } from '../../../shared/incidents';
import { addEvent } from './api';
import type { Incident, TimelineUserKind } from './api';
import { useIncidentLabels } from './labels';
import { useIncidentMutation } from './shared';
import { isValidLocalInput, localInputToIso } from './time';

/** "Tijdlijn": every entry oldest first (kind, time, who), and a form to add an event, decision or note. */
export function TimelineSection({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <section aria-labelledby="incident-timeline-heading" className="wb-section">
      <Heading2 id="incident-timeline-heading">{t('incidents.timeline.title')}</Heading2>
      {incident.timeline.length === 0 ? (
        <Paragraph>{t('incidents.timeline.none')}</Paragraph>
      ) : (
        <ol className="wb-incident-timeline" aria-labelledby="incident-timeline-heading">
          {incident.timeline.map((event) => (
            <li key={event.id} className="wb-incident-timeline__item">
              <Paragraph>
                <strong>{labels.kind(event.kind)}</strong> · <time dateTime={event.occurredAt}>{labels.moment(event.occurredAt)}</time> ·{' '}
                {event.actor ?? t('incidents.timeline.system')}
                {event.recordedAt !== event.occurredAt && Math.abs(new Date(event.recordedAt).getTime() - new Date(event.occurredAt).getTime()) > 60_000 ? (
                  <span className="wb-muted"> ({t('incidents.timeline.recordedAt', { at: labels.moment(event.recordedAt) })})</span>
                ) : null}
              </Paragraph>
              <Paragraph className="wb-incident-timeline__text">{event.text}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      {canManage ? <AddEvent slug={slug} incident={incident} /> : null}
    </section>
  );
}

function AddEvent({ slug, incident }: { slug: string; incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [kind, setKind] = useState<TimelineUserKind>('gebeurtenis');
  const [text, setText] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [added, setAdded] = useState(false);
  const { errors, check } = useFormErrors('event');
  const mutation = useIncidentMutation(slug, incident.id, (body: Parameters<typeof addEvent>[2]) => addEvent(slug, incident.id, body), () => {
    setText('');
    setOccurredAt('');
    setAdded(true);
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    const ok = check({
      text: text.trim() ? null : t('errors.required'),
      occurredAt: occurredAt && !isValidLocalInput(occurredAt) ? t('incidents.form.noSuchTime') : null,
    });
    if (ok) mutation.mutate({ kind, text: text.trim(), ...(occurredAt ? { occurredAt: localInputToIso(occurredAt) } : {}) });
  };
  return (
    <section aria-labelledby="incident-add-event-heading" className="wb-subsection">
      <Heading3 id="incident-add-event-heading">{t('incidents.timeline.add')}</Heading3>
      {added ? <SuccessAlert>{t('incidents.timeline.added')}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <ProblemAlert error={mutation.error} />
        <SelectField
          id="event-kind"
          label={t('incidents.timeline.kind')}
          value={kind}
          options={TIMELINE_USER_KINDS.map((value) => ({ value, label: labels.kind(value) }))}
          onChange={(value) => setKind(value as TimelineUserKind)}
        />
        <TextareaField id="event-text" label={t('incidents.timeline.text')} value={text} onChange={setText} rows={3} required maxLength={10000} error={errors.text ?? server.text} />
        <TextField
          id="event-occurredAt"
          type="datetime-local"
          label={t('incidents.timeline.occurredAt')}
          description={t('incidents.timeline.occurredAtHelp')}
          value={occurredAt}
          onChange={setOccurredAt}
          error={errors.occurredAt ?? server.occurredAt}
        />
        <SubmitButtons label={t('incidents.timeline.submit')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
