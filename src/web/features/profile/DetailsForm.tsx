import { Heading2 } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import type { Me } from '../../app/session';
import { isLanguage } from '../../i18n/setup';
import type { Language } from '../../i18n/setup';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { updateProfile } from './api';

export function DetailsForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [language, setLanguage] = useState<Language>(me.user.language);
  const { errors, check } = useFormErrors('profile');
  const mutation = useMutation({
    mutationFn: updateProfile,
    onSuccess: async (user) => {
      queryClient.setQueryData<Me | null>(ME_KEY, (current) => (current ? { ...current, user: { ...current.user, ...user } } : current));
      await i18n.changeLanguage(user.language ?? language);
    },
  });
  const serverErrors = fieldErrors(mutation.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ name: requiredError(name, t) })) return;
    mutation.mutate({ name: name.trim(), language });
  };

  return (
    <section aria-labelledby="profile-details-heading" className="wb-section">
      <Heading2 id="profile-details-heading">{t('profile.details.title')}</Heading2>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        {mutation.isSuccess ? <SuccessAlert>{t('common.saved')}</SuccessAlert> : null}
        <TextField id="profile-email" label={t('fields.email')} value={me.user.email} onChange={() => undefined} readOnly />
        <TextField id="profile-name" label={t('fields.name')} autoComplete="name" value={name} onChange={setName} error={errors.name ?? serverErrors.name} required />
        <SelectField
          id="profile-language"
          label={t('profile.details.language')}
          value={language}
          onChange={(value) => isLanguage(value) && setLanguage(value)}
          options={[
            { value: 'nl', label: t('shell.language.nl') },
            { value: 'en', label: t('shell.language.en') },
          ]}
          error={serverErrors.language}
        />
        <SubmitButtons label={t('common.save')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
