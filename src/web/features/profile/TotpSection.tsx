import { Button, ButtonGroup, Heading2, Heading3, Image, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import type { Me } from '../../app/session';
import { CopyField } from '../../shared/CopyField';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { codeError } from '../../shared/validation';
import { confirmTotp, disableTotp, startTotp, svgDataUri } from './api';
import type { TotpEnrolment } from './api';

/** Two-step verification with an authenticator app (TOTP): enrol with QR code + confirmation code, or disable. */
export function TotpSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<'enabled' | 'disabled' | null>(null);
  return (
    <section aria-labelledby="profile-totp-heading" className="wb-section">
      <Heading2 id="profile-totp-heading">{t('profile.totp.title')}</Heading2>
      <Paragraph>
        {t('profile.totp.status')}{' '}
        <StatusBadge status={me.user.mfaEnabled ? 'safe' : 'warning'}>
          {me.user.mfaEnabled ? t('profile.totp.on') : t('profile.totp.off')}
        </StatusBadge>
      </Paragraph>
      {notice === 'enabled' ? <SuccessAlert>{t('profile.totp.enabledNotice')}</SuccessAlert> : null}
      {notice === 'disabled' ? <SuccessAlert>{t('profile.totp.disabledNotice')}</SuccessAlert> : null}
      {me.user.mfaEnabled ? (
        <DisableForm onDone={() => setNotice('disabled')} />
      ) : (
        <Enrolment onDone={() => setNotice('enabled')} />
      )}
    </section>
  );
}

function Enrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const start = useMutation({ mutationFn: startTotp });
  if (!start.data) {
    return (
      <>
        <Paragraph>{t('profile.totp.intro')}</Paragraph>
        <ProblemAlert error={start.error} />
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" busy={start.isPending} disabled={start.isPending} onClick={() => start.mutate()}>
            {t('profile.totp.start')}
          </Button>
        </ButtonGroup>
      </>
    );
  }
  return <ConfirmEnrolment enrolment={start.data} onDone={onDone} />;
}

function ConfirmEnrolment({ enrolment, onDone }: { enrolment: TotpEnrolment; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: async () => {
      // The server rotated the session (new CSRF token already stored); reload the user.
      await queryClient.refetchQueries({ queryKey: ME_KEY });
      await queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] });
      onDone();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = codeError(code, t);
    setError(invalid);
    if (invalid) {
      document.getElementById('totp-confirm-code')?.focus();
      return;
    }
    confirm.mutate(code.trim());
  };

  return (
    <div className="wb-totp">
      <Heading3>{t('profile.totp.scanTitle')}</Heading3>
      <ol className="wb-steps">
        <li>{t('profile.totp.step1')}</li>
        <li>{t('profile.totp.step2')}</li>
        <li>{t('profile.totp.step3')}</li>
      </ol>
      <Image className="wb-totp__qr" src={svgDataUri(enrolment.qrSvg)} alt={t('profile.totp.qrAlt')} width={200} height={200} />
      <CopyField id="totp-secret" label={t('profile.totp.secret')} description={t('profile.totp.secretDescription')} value={enrolment.secret} />
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={confirm.error} />
        <TextField
          id="totp-confirm-code"
          label={t('profile.totp.code')}
          description={t('auth.mfa.codeDescription')}
          value={code}
          onChange={setCode}
          error={error}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={confirm.isPending} disabled={confirm.isPending}>
            {t('profile.totp.confirm')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const disable = useMutation({
    mutationFn: disableTotp,
    onSuccess: async () => {
      setCode('');
      await queryClient.refetchQueries({ queryKey: ME_KEY });
      onDone();
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = codeError(code, t);
    setError(invalid);
    if (invalid) {
      document.getElementById('totp-disable-code')?.focus();
      return;
    }
    disable.mutate(code.trim());
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Paragraph>{t('profile.totp.disableIntro')}</Paragraph>
      <ProblemAlert error={disable.error} />
      <TextField
        id="totp-disable-code"
        label={t('profile.totp.code')}
        value={code}
        onChange={setCode}
        error={error}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" hint="danger" busy={disable.isPending} disabled={disable.isPending}>
          {t('profile.totp.disable')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
