import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { usePageTitle } from '../../shared/usePageTitle';
import { confirmError, MIN_PASSWORD_LENGTH, passwordError, requiredError } from '../../shared/validation';
import { completeSetup, fetchSetupStatus } from './api';

/** /setup?token=… — creates the first installation administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.setup.title'));
  const setup = useQuery({ queryKey: ['setup'], queryFn: ({ signal }) => fetchSetupStatus(signal) });

  return (
    <>
      <Heading1>{t('auth.setup.title')}</Heading1>
      {setup.isPending ? <Loading /> : null}
      <ProblemAlert error={setup.error} />
      {setup.data && !setup.data.required ? (
        <Alert type="info">
          <Paragraph>{t('auth.setup.notRequired')}</Paragraph>
          <Paragraph>
            <AppLink to="/login">{t('auth.setup.toLogin')}</AppLink>
          </Paragraph>
        </Alert>
      ) : null}
      {setup.data?.required ? <SetupForm /> : null}
    </>
  );
}

function SetupForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [values, setValues] = useState({ token: params.get('token') ?? '', email: '', name: '', password: '', confirm: '' });
  const { errors, check } = useFormErrors('setup');
  const mutation = useMutation({
    mutationFn: completeSetup,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['setup'] });
      navigate('/login', { replace: true, state: { notice: 'setupDone' } });
    },
  });
  const serverErrors = fieldErrors(mutation.error);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      token: requiredError(values.token, t),
      email: requiredError(values.email, t),
      name: requiredError(values.name, t),
      password: passwordError(values.password, t),
      confirm: confirmError(values.password, values.confirm, t),
    });
    if (!valid) return;
    const { confirm: _confirm, ...body } = values;
    mutation.mutate({ ...body, token: body.token.trim(), email: body.email.trim(), name: body.name.trim() });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Paragraph>{t('auth.setup.intro')}</Paragraph>
      <ProblemAlert error={mutation.error} />
      <TextField id="setup-token" label={t('auth.setup.token')} description={t('auth.setup.tokenDescription')} value={values.token} onChange={set('token')} error={errors.token ?? serverErrors.token} autoComplete="off" required />
      <TextField id="setup-email" label={t('fields.email')} type="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.email ?? serverErrors.email} required />
      <TextField id="setup-name" label={t('fields.name')} autoComplete="name" value={values.name} onChange={set('name')} error={errors.name ?? serverErrors.name} required />
      <TextField id="setup-password" label={t('fields.newPassword')} description={t('fields.passwordRules', { min: MIN_PASSWORD_LENGTH })} type="password" autoComplete="new-password" value={values.password} onChange={set('password')} error={errors.password ?? serverErrors.password} required />
      <TextField id="setup-confirm" label={t('fields.confirmPassword')} type="password" autoComplete="new-password" value={values.confirm} onChange={set('confirm')} error={errors.confirm} required />
      <SubmitButtons label={t('auth.setup.submit')} pending={mutation.isPending} />
    </form>
  );
}
