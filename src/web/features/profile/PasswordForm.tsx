import { Heading2 } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { confirmError, MIN_PASSWORD_LENGTH, passwordError, requiredError } from '../../shared/validation';
import { changePassword } from './api';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function PasswordForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const { errors, check } = useFormErrors('password');
  const mutation = useMutation({ mutationFn: changePassword, onSuccess: () => setValues(EMPTY) });
  const serverErrors = fieldErrors(mutation.error);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      currentPassword: requiredError(values.currentPassword, t),
      newPassword: passwordError(values.newPassword, t),
      confirm: confirmError(values.newPassword, values.confirm, t),
    });
    if (!valid) return;
    mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  return (
    <section aria-labelledby="profile-password-heading" className="wb-section">
      <Heading2 id="profile-password-heading">{t('profile.password.title')}</Heading2>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        {mutation.isSuccess ? <SuccessAlert>{t('profile.password.changed')}</SuccessAlert> : null}
        <TextField id="password-currentPassword" label={t('fields.currentPassword')} type="password" autoComplete="current-password" value={values.currentPassword} onChange={set('currentPassword')} error={errors.currentPassword ?? serverErrors.currentPassword} required />
        <TextField id="password-newPassword" label={t('fields.newPassword')} description={t('fields.passwordRules', { min: MIN_PASSWORD_LENGTH })} type="password" autoComplete="new-password" value={values.newPassword} onChange={set('newPassword')} error={errors.newPassword ?? serverErrors.newPassword} required />
        <TextField id="password-confirm" label={t('fields.confirmPassword')} type="password" autoComplete="new-password" value={values.confirm} onChange={set('confirm')} error={errors.confirm} required />
        <SubmitButtons label={t('profile.password.submit')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
