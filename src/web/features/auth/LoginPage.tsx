import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ME_KEY, safeNext, useLogout, useMe } from '../../app/session';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { usePageTitle } from '../../shared/usePageTitle';
import { requiredError } from '../../shared/validation';
import { fetchSetupStatus, login } from './api';
import { get } from '../../app/api';
import type { Health } from '../../app/SiteFooter';
import type { LoginResult } from './api';
import { MfaCodeForm } from './MfaCodeForm';
import { SsoButtons } from './SsoButtons';

type Notice = 'setupDone' | 'loggedOut';

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next')) ?? '/';
  const notice = (location.state as { notice?: Notice } | null)?.notice;
  const [codeStep, setCodeStep] = useState(false);
  usePageTitle(t('auth.login.title'));

  const finish = async (result: LoginResult) => {
    if (result.mfaRequired) {
      setCodeStep(true);
      return;
    }
    await queryClient.refetchQueries({ queryKey: ME_KEY });
    navigate(result.mfaEnrolmentRequired ? '/profile' : next, { replace: true });
  };

  if (me.isPending) return <Loading />;
  const mfaPending = Boolean(me.data?.session.mfaPending);
  if (me.data && !mfaPending && !codeStep) return <Navigate to={next} replace />;

  const showCode = codeStep || mfaPending;
  return (
    <>
      <Heading1>{showCode ? t('auth.mfa.title') : t('auth.login.title')}</Heading1>
      {params.get('error') === 'oidc' ? (
        <Alert type="error" role="alert">
          <Paragraph>{t('auth.login.oidcError')}</Paragraph>
        </Alert>
      ) : null}
      {notice === 'setupDone' ? <SuccessAlert>{t('auth.setup.done')}</SuccessAlert> : null}
      {showCode ? (
        <MfaCodeForm
          onVerified={finish}
          onCancel={() => {
            setCodeStep(false);
            void logout();
          }}
        />
      ) : (
        <>
          <SetupNotice />
          <DemoNotice />
          <CredentialsForm onSuccess={finish} />
          <SsoButtons />
        </>
      )}
    </>
  );
}

function CredentialsForm({ onSuccess }: { onSuccess: (result: LoginResult) => Promise<void> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, check } = useFormErrors('login');
  const mutation = useMutation({ mutationFn: login, onSuccess });
  const serverErrors = fieldErrors(mutation.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ email: requiredError(email, t), password: requiredError(password, t) })) return;
    mutation.mutate({ email: email.trim(), password });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <ProblemAlert error={mutation.error} />
      <TextField
        id="login-email"
        label={t('auth.login.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={errors.email ?? serverErrors.email}
        required
      />
      <TextField
        id="login-password"
        label={t('auth.login.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password ?? serverErrors.password}
        required
      />
      <SubmitButtons label={t('auth.login.submit')} pending={mutation.isPending} />
    </form>
  );
}

/** A fresh installation has no users yet: point to the one-time setup link from the server console. */
function SetupNotice() {
  const { t } = useTranslation();
  const setup = useQuery({ queryKey: ['setup'], queryFn: ({ signal }) => fetchSetupStatus(signal) });
  if (!setup.data?.required) return null;
  return (
    <Alert type="info">
      <Paragraph>{t('auth.login.setupRequired')}</Paragraph>
    </Alert>
  );
}

/** In demo mode the login page says which fictional accounts exist (the password only exists there). */
function DemoNotice() {
  const { t } = useTranslation();
  const health = useQuery({ queryKey: ['health'], queryFn: ({ signal }) => get<Health>('/health', signal), staleTime: 5 * 60_000 });
  if (!health.data?.demo) return null;
  return (
    <Alert type="info">
      <Paragraph>{t('auth.login.demo', { password: 'weerbaar-demo' })}</Paragraph>
      <Paragraph>
        <code>ciso@zuidhaven.example</code>, <code>fg@zuidhaven.example</code>, <code>burgemeester@zuidhaven.example</code>,{' '}
        <code>analist@csirt.example</code>, <code>admin@weerbaar.example</code>
      </Paragraph>
    </Alert>
  );
}
