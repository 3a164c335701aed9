import { Heading2 } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import { CheckboxField } from '../../shared/CheckboxField';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { organisationKey, organisationsKey, useOrganisations } from '../../shared/organisation';
import type { OrganisationDetail, OrganisationSummary } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { updateOrganisation } from './api';
import type { OrganisationUpdate } from './api';

export interface GeneralSettingsFormProps {
  organisation: OrganisationDetail;
  /** Only the installation administrator links an organisation to its CSIRT and safety region. */
  canLink: boolean;
}

export function GeneralSettingsForm({ organisation, canLink }: GeneralSettingsFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useOrganisations(canLink);
  const [name, setName] = useState(organisation.name);
  const [mfaRequired, setMfaRequired] = useState(organisation.mfaRequired);
  const [csirt, setCsirt] = useState(organisation.csirt?.slug ?? '');
  const [region, setRegion] = useState(organisation.veiligheidsregio?.slug ?? '');
  const { errors, check } = useFormErrors('settings');
  const mutation = useMutation({
    mutationFn: (body: OrganisationUpdate) => updateOrganisation(organisation.slug, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKey(organisation.slug) }),
        queryClient.invalidateQueries({ queryKey: organisationsKey }),
        queryClient.invalidateQueries({ queryKey: ME_KEY }),
      ]);
    },
  });
  const serverErrors = fieldErrors(mutation.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ name: requiredError(name, t) })) return;
    const body: OrganisationUpdate = { name: name.trim(), mfaRequired };
    if (canLink) {
      body.csirt = csirt || null;
      body.veiligheidsregio = region || null;
    }
    mutation.mutate(body);
  };

  const optionsOf = (kind: OrganisationSummary['kind']) => [
    { value: '', label: t('common.none') },
    ...(organisations.data ?? [])
      .filter((o) => o.kind === kind && o.slug !== organisation.slug)
      .map((o) => ({ value: o.slug, label: o.name })),
  ];

  return (
    <section aria-labelledby="settings-general-heading" className="wb-section">
      <Heading2 id="settings-general-heading">{t('settings.general.title')}</Heading2>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        {mutation.isSuccess ? <SuccessAlert>{t('common.saved')}</SuccessAlert> : null}
        <TextField id="settings-name" label={t('fields.organisationName')} value={name} onChange={setName} error={errors.name ?? serverErrors.name} required />
        <CheckboxField
          id="settings-mfa-required"
          label={t('settings.general.mfaRequired')}
          description={t('settings.general.mfaRequiredDescription')}
          checked={mfaRequired}
          onChange={setMfaRequired}
        />
        {canLink ? (
          <>
            <SelectField id="settings-csirt" label={t('organisation.csirt')} value={csirt} onChange={setCsirt} options={optionsOf('csirt')} error={serverErrors.csirt} />
            <SelectField
              id="settings-veiligheidsregio"
              label={t('organisation.veiligheidsregio')}
              value={region}
              onChange={setRegion}
              options={optionsOf('veiligheidsregio')}
              error={serverErrors.veiligheidsregio}
            />
          </>
        ) : null}
        <SubmitButtons label={t('common.save')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
