import { Button, ButtonGroup, Heading2, Heading3, Image, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import type { Me } from '../../app/session';
import { CopyField } from '../../shared/CopyField';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { CodeForm } from '../../shared/CodeForm';
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
  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: async () => {
      // The server rotated the session (new CSRF token already stored); reload the user.
      await queryClient.refetchQueries({ queryKey: ME_KEY });
      await queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] });
      onDone();
    },
  });

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
      <CodeForm
        id="totp-confirm-code"
        label={t('profile.totp.code')}
        description={t('auth.mfa.codeDescription')}
        submitLabel={t('profile.totp.confirm')}
        onSubmit={(code) => confirm.mutate(code)}
        pending={confirm.isPending}
        error={confirm.error}
      />
    </div>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const disable = useMutation({
    mutationFn: disableTotp,
    onSuccess: async () => {
      await queryClient.refetchQueries({ queryKey: ME_KEY });
      onDone();
    },
  });
  return (
    <CodeForm
      id="totp-disable-code"
      intro={t('profile.totp.disableIntro')}
      label={t('profile.totp.code')}
      submitLabel={t('profile.totp.disable')}
      onSubmit={(code) => disable.mutate(code)}
      pending={disable.isPending}
      error={disable.error}
      danger
    />
  );
}
