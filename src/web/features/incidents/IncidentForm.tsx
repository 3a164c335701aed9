import { Button, Fieldset, FieldsetLegend, FormFieldDescription, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { can, PERMISSIONS as ORG_PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from '../../../shared/incidents';
import type { IncidentCategory, IncidentSeverity } from '../../../shared/incidents';
import { NodeSearch } from '../dependencies/NodeSearch';
import type { NodeChoice } from '../dependencies/api';
import { useMemberList } from '../members/memberOptions';
import type { Incident, IncidentLink, LinkType, Person } from './api';
import { useIncidentLabels } from './labels';
import { isoToLocalInput, isValidLocalInput, localInputToIso } from './time';

export interface IncidentFormValues {
  title: string;
  category: IncidentCategory | '';
  severity: IncidentSeverity | '';
  description: string;
  impact: string;
  startedAt: string;
  awareAt: string;
  handledAt: string;
  handlers: Person[];
  links: IncidentLink[];
  correctionReason: string;
}

export function emptyIncident(awareAt: string): IncidentFormValues {
  return { title: '', category: '', severity: '', description: '', impact: '', startedAt: '', awareAt, handledAt: '', handlers: [], links: [], correctionReason: '' };
}

export function incidentValues(incident: Incident): IncidentFormValues {
  return {
    title: incident.title,
    category: incident.category,
    severity: incident.severity,
    description: incident.description,
    impact: incident.impact,
    startedAt: isoToLocalInput(incident.startedAt),
    awareAt: isoToLocalInput(incident.awareAt),
    handledAt: isoToLocalInput(incident.handledAt),
    handlers: incident.handlers,
    links: incident.links,
    correctionReason: '',
  };
}

/** The moments set before that are changed now (a correction needs a reason). */
export function correctedMoments(initial: IncidentFormValues, values: IncidentFormValues): Array<'awareAt' | 'startedAt' | 'handledAt'> {
  return (['awareAt', 'startedAt', 'handledAt'] as const).filter((key) => initial[key] !== '' && initial[key] !== values[key]);
}

/** A moment more than two minutes in the future (the server allows that much clock skew). */
const inFuture = (local: string) => new Date(localInputToIso(local)).getTime() > Date.now() + 120_000;

export interface IncidentFormProps {
  idPrefix: string;
  mode: 'create' | 'edit';
  initial: IncidentFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: IncidentFormValues) => void;
  cancel?: ReactNode;
}

/** Title, category, severity, description, impact, moments, handlers and affected assets/suppliers of an incident. */
export function IncidentForm({ idPrefix, mode, initial, submitLabel, pending, error, onSubmit, cancel }: IncidentFormProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const organisation = useCurrentOrganisation();
  const [values, setValues] = useState(initial);
  const [chosen, setChosen] = useState<NodeChoice | null>(null);
  const { errors, check } = useFormErrors(idPrefix);
  const server = fieldErrors(error);
  const mayListMembers = can(organisation, ORG_PERMISSIONS.readMembers);
  const members = useMemberList(organisation.slug, mayListMembers);
  const set = <K extends keyof IncidentFormValues>(key: K) => (value: IncidentFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const corrected = mode === 'edit' ? correctedMoments(initial, values) : [];

  const momentError = (value: string, required: boolean): string | null => {
    if (!value) return required ? t('errors.required') : null;
    if (!isValidLocalInput(value)) return t('incidents.form.noSuchTime');
    if (inFuture(value)) return t('incidents.form.future');
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const awareError = momentError(values.awareAt, true);
    const startedError =
      momentError(values.startedAt, false) ??
      (values.startedAt && !awareError && new Date(localInputToIso(values.startedAt)) > new Date(localInputToIso(values.awareAt)) ? t('incidents.form.startedAfterAware') : null);
    const ok = check({
      title: values.title.trim() ? null : t('errors.required'),
      category: values.category ? null : t('errors.required'),
      severity: values.severity ? null : t('errors.required'),
      startedAt: startedError,
      awareAt: awareError,
      handledAt: mode === 'edit' ? momentError(values.handledAt, false) : null,
      correctionReason: corrected.length > 0 && !values.correctionReason.trim() ? t('incidents.form.reasonRequired') : null,
    });
    if (ok) onSubmit(values);
  };

  const memberChoices: Person[] = [...(members.data ?? []).map((m) => ({ id: m.userId, name: m.name || m.email }))];
  for (const handler of values.handlers) if (!memberChoices.some((m) => m.id === handler.id)) memberChoices.push(handler);
  memberChoices.sort((a, b) => a.name.localeCompare(b.name));

  const addLink = () => {
    if (!chosen) return;
    if (!values.links.some((link) => link.type === chosen.type && link.id === chosen.id)) {
      set('links')([...values.links, { type: chosen.type as LinkType, id: chosen.id, name: chosen.name, kind: chosen.kind }]);
    }
    setChosen(null);
  };

  const err = (key: string) => errors[key] ?? server[key] ?? null;

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <TextField id={`${idPrefix}-title`} label={t('incidents.fields.title')} value={values.title} onChange={set('title')} required maxLength={200} error={err('title')} />
      <SelectField
        id={`${idPrefix}-category`}
        label={t('incidents.fields.category')}
        value={values.category}
        required
        options={[{ value: '', label: t('common.choose') }, ...INCIDENT_CATEGORIES.map((value) => ({ value, label: labels.category(value) }))]}
        onChange={(value) => set('category')(value as IncidentCategory)}
        error={err('category')}
      />
      <SelectField
        id={`${idPrefix}-severity`}
        label={t('incidents.fields.severity')}
        value={values.severity}
        required
        description={t('incidents.form.severityHelp')}
        options={[{ value: '', label: t('common.choose') }, ...INCIDENT_SEVERITIES.map((value) => ({ value, label: labels.severity(value) }))]}
        onChange={(value) => set('severity')(value as IncidentSeverity)}
        error={err('severity')}
      />
      <TextareaField id={`${idPrefix}-description`} label={t('incidents.fields.description')} value={values.description} onChange={set('description')} rows={4} maxLength={20000} error={err('description')} />
      <TextareaField
        id={`${idPrefix}-impact`}
        label={t('incidents.fields.impact')}
        description={t('incidents.form.impactHelp')}
        value={values.impact}
        onChange={set('impact')}
        rows={3}
        maxLength={20000}
        error={err('impact')}
      />
      <Fieldset>
        <FieldsetLegend>{t('incidents.form.moments')}</FieldsetLegend>
        <FormFieldDescription>{t('incidents.form.momentsHelp')}</FormFieldDescription>
        <TextField
          id={`${idPrefix}-awareAt`}
          type="datetime-local"
          label={t('incidents.fields.awareAt')}
          description={t('incidents.form.awareHelp')}
          value={values.awareAt}
          onChange={set('awareAt')}
          required
          error={err('awareAt')}
        />
        <TextField
          id={`${idPrefix}-startedAt`}
          type="datetime-local"
          label={t('incidents.fields.startedAtOptional')}
          value={values.startedAt}
          onChange={set('startedAt')}
          error={err('startedAt')}
        />
        {mode === 'edit' ? (
          <TextField
            id={`${idPrefix}-handledAt`}
            type="datetime-local"
            label={t('incidents.fields.handledAtOptional')}
            value={values.handledAt}
            onChange={set('handledAt')}
            error={err('handledAt')}
          />
        ) : null}
        {corrected.length > 0 ? (
          <TextareaField
            id={`${idPrefix}-correctionReason`}
            label={t('incidents.form.correctionReason')}
            description={t('incidents.form.correctionHelp', { moments: corrected.map((key) => t(`incidents.fields.${key}`)).join(', ') })}
            value={values.correctionReason}
            onChange={set('correctionReason')}
            required
            rows={2}
            maxLength={2000}
            error={err('correctionReason')}
          />
        ) : null}
      </Fieldset>
      {mayListMembers ? (
        <Fieldset>
          <FieldsetLegend>{t('incidents.fields.handlers')}</FieldsetLegend>
          {memberChoices.map((member) => (
            <CheckboxField
              key={member.id}
              id={`${idPrefix}-handler-${member.id}`}
              label={member.name}
              checked={values.handlers.some((h) => h.id === member.id)}
              onChange={(checked) => set('handlers')(checked ? [...values.handlers, member] : values.handlers.filter((h) => h.id !== member.id))}
            />
          ))}
        </Fieldset>
      ) : null}
      <Fieldset>
        <FieldsetLegend>{t('incidents.fields.links')}</FieldsetLegend>
        {values.links.length === 0 ? (
          <Paragraph>{t('incidents.links.none')}</Paragraph>
        ) : (
          <ul className="wb-plain-list">
            {values.links.map((link) => (
              <li key={`${link.type}|${link.id}`}>
                {link.name ?? t('incidents.links.deleted')} <span className="wb-muted">({labels.linkType(link.type)})</span>{' '}
                <Button type="button" appearance="subtle-button" onClick={() => set('links')(values.links.filter((l) => !(l.type === link.type && l.id === link.id)))}>
                  {t('incidents.links.remove')}
                  <span className="wb-visually-hidden"> {link.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <NodeSearch org={organisation.slug} idPrefix={`${idPrefix}-link`} legend={t('incidents.links.search')} value={chosen} onChange={setChosen} exclude={values.links.map((l) => l.id)} />
        <Button type="button" appearance="secondary-action-button" onClick={addLink} disabled={!chosen}>
          {t('incidents.links.add')}
        </Button>
      </Fieldset>
      <SubmitButtons label={submitLabel} pending={pending}>
        {cancel}
      </SubmitButtons>
    </form>
  );
}
