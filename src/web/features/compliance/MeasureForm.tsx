import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { FactList } from '../../shared/FactList';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { useMemberOptions } from '../members/memberOptions';
import { MEASURE_STATUSES } from './api';
import type { Measure, MeasureInput, MeasureStatus } from './api';
import { useComplianceLabels } from './labels';
import { RequirementPicker } from './RequirementPicker';
import type { LinkDraft } from './RequirementPicker';

export interface MeasureFormValues {
  title: string;
  description: string;
  status: MeasureStatus;
  /** '' for no owner. */
  ownerId: string;
  links: LinkDraft[];
}

export const emptyMeasure = (links: LinkDraft[] = []): MeasureFormValues => ({ title: '', description: '', status: 'gepland', ownerId: '', links });

export const measureValues = (measure: Measure): MeasureFormValues => ({
  title: measure.title,
  description: measure.description,
  status: measure.status,
  ownerId: measure.owner?.id ?? '',
  links: measure.requirements.map((link) => ({ framework: link.framework, ref: link.ref, title: link.title, coverage: link.coverage })),
});

export interface MeasureFormProps {
  idPrefix: string;
  initial: MeasureFormValues;
  /** The saved owner, shown read-only when the members cannot be listed. */
  owner?: Measure['owner'];
  initialFramework?: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** `ownerId` is left out when the owner cannot be chosen, so the saved owner stays. */
  onSubmit: (input: MeasureInput) => void;
  cancel?: ReactNode;
}

const MIN_TITLE = 2;

/** Title, description, status, owner and linked requirements of a measure; used to create and to edit. */
export function MeasureForm({ idPrefix, initial, owner, initialFramework, submitLabel, pending, error, onSubmit, cancel }: MeasureFormProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const [values, setValues] = useState(initial);
  const { errors, check } = useFormErrors(idPrefix);
  const serverErrors = fieldErrors(error);
  const linkErrors = isApiError(error)
    ? (error.problem.errors ?? []).filter((item) => String(item.path).includes('requirements')).map((item) => item.message)
    : [];

  // The owner is chosen from the members; without members.read (or when the list is refused) it is shown read-only.
  const members = useMemberOptions(t('compliance.measures.noOwner'), owner ? { id: owner.id, name: owner.name ? `${owner.name} (${owner.email})` : owner.email } : null);
  const ownerPicker = members.available;

  const set = <K extends keyof MeasureFormValues>(key: K) => (value: MeasureFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = values.title.trim();
    const valid = check({
      title: requiredError(title, t) ?? (title.length < MIN_TITLE ? t('compliance.measures.titleTooShort', { min: MIN_TITLE }) : null),
    });
    if (!valid) return;
    onSubmit({
      title,
      description: values.description,
      status: values.status,
      ...(ownerPicker ? { ownerId: values.ownerId || null } : {}),
      requirements: values.links.map(({ framework, ref, coverage }) => ({ framework, ref, coverage })),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <TextField
        id={`${idPrefix}-title`}
        label={t('compliance.measures.fields.title')}
        value={values.title}
        onChange={set('title')}
        error={errors.title ?? serverErrors.title}
        required
        autoComplete="off"
      />
      <TextareaField
        id={`${idPrefix}-description`}
        label={t('compliance.measures.fields.description')}
        description={t('compliance.measures.fields.descriptionHelp')}
        value={values.description}
        onChange={set('description')}
        error={serverErrors.description}
        rows={4}
      />
      <SelectField
        id={`${idPrefix}-status`}
        label={t('compliance.measures.fields.status')}
        description={t('compliance.measures.fields.statusHelp')}
        value={values.status}
        options={MEASURE_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
        onChange={(value) => set('status')(value as MeasureStatus)}
        error={serverErrors.status}
      />
      {ownerPicker ? (
        <SelectField
          id={`${idPrefix}-owner`}
          label={t('compliance.measures.fields.owner')}
          value={values.ownerId}
          options={members.options}
          onChange={set('ownerId')}
          error={serverErrors.ownerId}
          disabled={members.isPending}
        />
      ) : (
        <FactList facts={[{ label: t('compliance.measures.fields.owner'), value: owner ? owner.name || owner.email : t('compliance.measures.noOwner') }]} />
      )}
      <RequirementPicker
        idPrefix={idPrefix}
        links={values.links}
        onChange={set('links')}
        initialFramework={initialFramework}
        error={linkErrors.length > 0 ? linkErrors.join(' ') : null}
      />
      <SubmitButtons label={submitLabel} pending={pending}>
        {cancel}
      </SubmitButtons>
    </form>
  );
}
