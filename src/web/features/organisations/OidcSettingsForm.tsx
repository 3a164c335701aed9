import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { fetchOidc, oidcKey, saveOidc } from './api';
import type { OidcConfig, OidcConfigUpdate } from './api';

/** Single sign-on (OpenID Connect, e.g. Entra ID or Keycloak) for this organisation. */
export function OidcSettingsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const config = useQuery({ queryKey: oidcKey(slug), queryFn: ({ signal }) => fetchOidc(slug, signal) });
  return (
    <section aria-labelledby="settings-oidc-heading" className="wb-section">
      <Heading2 id="settings-oidc-heading">{t('settings.oidc.title')}</Heading2>
      <Paragraph>{t('settings.oidc.intro')}</Paragraph>
      {config.isPending ? <Loading /> : null}
      <ProblemAlert error={config.error} />
      {config.data ? <OidcForm slug={slug} config={config.data} /> : null}
    </section>
  );
}

function OidcForm({ slug, config }: { slug: string; config: OidcConfig }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ issuer: config.issuer ?? '', clientId: config.clientId ?? '', label: config.label ?? '', clientSecret: '' });
  const [enabled, setEnabled] = useState(config.enabled);
  const { errors, check } = useFormErrors('oidc');
  const mutation = useMutation({
    mutationFn: (body: OidcConfigUpdate) => saveOidc(slug, body),
    onSuccess: async () => {
      setValues((v) => ({ ...v, clientSecret: '' }));
      await queryClient.invalidateQueries({ queryKey: oidcKey(slug) });
      await queryClient.invalidateQueries({ queryKey: ['oidc-providers'] });
    },
  });
  const serverErrors = fieldErrors(mutation.error);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      issuer: requiredError(values.issuer, t),
      clientId: requiredError(values.clientId, t),
      clientSecret: enabled && !config.hasSecret ? requiredError(values.clientSecret, t) : null,
    });
    if (!valid) return;
    const body: OidcConfigUpdate = { enabled, issuer: values.issuer.trim(), clientId: values.clientId.trim() };
    // An empty label lets the server use its default button text.
    if (values.label.trim()) body.label = values.label.trim();
    if (values.clientSecret) body.clientSecret = values.clientSecret;
    mutation.mutate(body);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <ProblemAlert error={mutation.error} />
      {mutation.isSuccess ? <SuccessAlert>{t('common.saved')}</SuccessAlert> : null}
      <CheckboxField id="oidc-enabled" label={t('settings.oidc.enabled')} checked={enabled} onChange={setEnabled} />
      <TextField id="oidc-issuer" label={t('settings.oidc.issuer')} description={t('settings.oidc.issuerDescription')} type="url" autoComplete="off" value={values.issuer} onChange={set('issuer')} error={errors.issuer ?? serverErrors.issuer} required />
      <TextField id="oidc-clientId" label={t('settings.oidc.clientId')} autoComplete="off" value={values.clientId} onChange={set('clientId')} error={errors.clientId ?? serverErrors.clientId} required />
      <TextField
        id="oidc-clientSecret"
        label={t('settings.oidc.clientSecret')}
        description={config.hasSecret ? t('settings.oidc.clientSecretKeep') : t('settings.oidc.clientSecretNew')}
        type="password"
        autoComplete="new-password"
        value={values.clientSecret}
        onChange={set('clientSecret')}
        error={errors.clientSecret ?? serverErrors.clientSecret}
      />
      <TextField id="oidc-label" label={t('settings.oidc.label')} description={t('settings.oidc.labelDescription')} autoComplete="off" value={values.label} onChange={set('label')} error={serverErrors.label} />
      <SubmitButtons label={t('common.save')} pending={mutation.isPending} />
    </form>
  );
}
