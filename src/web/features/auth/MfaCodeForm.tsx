import { Button } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CodeForm } from '../../shared/CodeForm';
import { verifyMfa } from './api';
import type { LoginResult } from './api';

export interface MfaCodeFormProps {
  onVerified: (result: LoginResult) => void | Promise<void>;
  onCancel: () => void;
}

/** Second login step: the 6-digit code from the authenticator app. */
export function MfaCodeForm({ onVerified, onCancel }: MfaCodeFormProps) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: verifyMfa, onSuccess: onVerified });
  return (
    <CodeForm
      id="mfa-code"
      intro={t('auth.mfa.intro')}
      label={t('auth.mfa.code')}
      description={t('auth.mfa.codeDescription')}
      submitLabel={t('auth.mfa.submit')}
      onSubmit={(code) => mutation.mutate(code)}
      pending={mutation.isPending}
      error={mutation.error}
      autoFocus
    >
      <Button type="button" appearance="subtle-button" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </CodeForm>
  );
}
