import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ME_KEY, useMe } from '../../app/session';
import { AppLink } from '../../shared/AppLink';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { usePageTitle } from '../../shared/usePageTitle';
import { confirmError, MIN_PASSWORD_LENGTH, passwordError, requiredError } from '../../shared/validation';
import { acceptInvitation, fetchInvitation } from './api';
import type { InvitationInfo } from './api';

/** /invitation/:token — accept an invitation to an organisation (new account, or the logged-in existing user). */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('auth.invitation.title'));
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: ({ signal }) => fetchInvitation(token, signal) });

  return (
    <>
      <Heading1>{t('auth.invitation.title')}</Heading1>
      {invitation.isPending ? <Loading /> : null}
      <ProblemAlert error={invitation.error} />
      {invitation.data ? (
        <>
          <Paragraph>
            {t('auth.invitation.intro', { organisation: invitation.data.organisation.name, email: invitation.data.email })}
          </Paragraph>
          {invitation.data.existingUser ? (
            <ExistingUser token={token} invitation={invitation.data} />
          ) : (
            <NewUserForm token={token} invitation={invitation.data} />
          )}
        </>
      ) : null}
    </>
  );
}

function useAccept(token: string, invitation: InvitationInfo) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { name?: string; password?: string }) => acceptInvitation(token, body),
    onSuccess: async () => {
      await queryClient.refetchQueries({ queryKey: ME_KEY });
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      navigate(`/o/${encodeURIComponent(invitation.organisation.slug)}`, { replace: true });
    },
  });
}

function ExistingUser({ token, invitation }: { token: string; invitation: InvitationInfo }) {
  const { t } = useTranslation();
  const me = useMe();
  const accept = useAccept(token, invitation);
  const signedIn = me.data && !me.data.session.mfaPending ? me.data : null;

  if (!signedIn) {
    const next = encodeURIComponent(`/invitation/${token}`);
    return (
      <Alert type="info">
        <Paragraph>{t('auth.invitation.loginFirst', { email: invitation.email })}</Paragraph>
        <Paragraph>
          <AppLink to={`/login?next=${next}`}>{t('auth.invitation.toLogin')}</AppLink>
        </Paragraph>
      </Alert>
    );
  }
  if (signedIn.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Alert type="warning">
        <Paragraph>{t('auth.invitation.otherAccount', { email: invitation.email, current: signedIn.user.email })}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <ProblemAlert error={accept.error} />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" busy={accept.isPending} disabled={accept.isPending} onClick={() => accept.mutate({})}>
          {t('auth.invitation.accept')}
        </Button>
      </ButtonGroup>
    </>
  );
}

function NewUserForm({ token, invitation }: { token: string; invitation: InvitationInfo }) {
  const { t } = useTranslation();
  const accept = useAccept(token, invitation);
  const [values, setValues] = useState({ name: '', password: '', confirm: '' });
  const { errors, check } = useFormErrors('invitation');
  const serverErrors = fieldErrors(accept.error);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      name: requiredError(values.name, t),
      password: passwordError(values.password, t),
      confirm: confirmError(values.password, values.confirm, t),
    });
    if (!valid) return;
    accept.mutate({ name: values.name.trim(), password: values.password });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Paragraph>{t('auth.invitation.newAccount')}</Paragraph>
      <ProblemAlert error={accept.error} />
      <TextField id="invitation-name" label={t('fields.name')} autoComplete="name" value={values.name} onChange={set('name')} error={errors.name ?? serverErrors.name} required />
      <TextField id="invitation-password" label={t('fields.newPassword')} description={t('fields.passwordRules', { min: MIN_PASSWORD_LENGTH })} type="password" autoComplete="new-password" value={values.password} onChange={set('password')} error={errors.password ?? serverErrors.password} required />
      <TextField id="invitation-confirm" label={t('fields.confirmPassword')} type="password" autoComplete="new-password" value={values.confirm} onChange={set('confirm')} error={errors.confirm} required />
      <SubmitButtons label={t('auth.invitation.createAndAccept')} pending={accept.isPending} />
    </form>
  );
}
