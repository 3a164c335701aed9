import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { collectErrors, focusFirstError, requiredError } from '../../shared/validation';
import { fetchMembers, membersKey } from '../members/api';
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
  const organisation = useCurrentOrganisation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrors(error);
  const linkErrors = isApiError(error)
    ? (error.problem.errors ?? []).filter((item) => String(item.path).includes('requirements')).map((item) => item.message)
    : [];

  // The owner is chosen from the members; without members.read (or when the list is refused) it is shown read-only.
  const mayListMembers = can(organisation, PERMISSIONS.readMembers);
  const members = useQuery({
    queryKey: membersKey(organisation.slug),
    queryFn: ({ signal }) => fetchMembers(organisation.slug, signal),
    enabled: mayListMembers,
    retry: (count, cause) => !(isApiError(cause) && cause.status === 403) && count < 2,
  });
  const ownerPicker = mayListMembers && !(isApiError(members.error) && members.error.status === 403);
  const ownerOptions = [
    { value: '', label: t('compliance.measures.noOwner') },
    ...(members.data ?? [])
      .map((member) => ({ value: member.userId, label: member.name ? `${member.name} (${member.email})` : member.email }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];
  if (owner && !ownerOptions.some((option) => option.value === owner.id)) {
    ownerOptions.push({ value: owner.id, label: owner.name ? `${owner.name} (${owner.email})` : owner.email });
  }

  const set = <K extends keyof MeasureFormValues>(key: K) => (value: MeasureFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = values.title.trim();
    const invalid = collectErrors({
      title: requiredError(title, t) ?? (title.length < MIN_TITLE ? t('compliance.measures.titleTooShort', { min: MIN_TITLE }) : null),
    });
    setErrors(invalid ?? {});
    if (invalid) {
      focusFirstError(idPrefix, invalid);
      return;
    }
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
          options={ownerOptions}
          onChange={set('ownerId')}
          error={serverErrors.ownerId}
          disabled={members.isPending}
        />
      ) : (
        <DataList className="wb-datalist">
          <DataListItem>
            <DataListKey>{t('compliance.measures.fields.owner')}</DataListKey>
            <DataListValue>{owner ? owner.name || owner.email : t('compliance.measures.noOwner')}</DataListValue>
          </DataListItem>
        </DataList>
      )}
      <RequirementPicker
        idPrefix={idPrefix}
        links={values.links}
        onChange={set('links')}
        initialFramework={initialFramework}
        error={linkErrors.length > 0 ? linkErrors.join(' ') : null}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={pending}>
          {submitLabel}
        </Button>
        {cancel}
      </ButtonGroup>
    </form>
  );
}
