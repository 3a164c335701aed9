import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { TextField } from '../../shared/TextField';
import { codeError } from '../../shared/validation';
import { verifyMfa } from './api';
import type { LoginResult } from './api';

export interface MfaCodeFormProps {
  onVerified: (result: LoginResult) => void | Promise<void>;
  onCancel: () => void;
}

/** Second login step: the 6-digit code from the authenticator app. */
export function MfaCodeForm({ onVerified, onCancel }: MfaCodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: verifyMfa, onSuccess: onVerified });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = codeError(code, t);
    setError(invalid);
    if (invalid) {
      document.getElementById('mfa-code')?.focus();
      return;
    }
    mutation.mutate(code.trim());
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Paragraph>{t('auth.mfa.intro')}</Paragraph>
      <ProblemAlert error={mutation.error} />
      <TextField
        id="mfa-code"
        label={t('auth.mfa.code')}
        description={t('auth.mfa.codeDescription')}
        value={code}
        onChange={setCode}
        error={error}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        autoFocus
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('auth.mfa.submit')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
