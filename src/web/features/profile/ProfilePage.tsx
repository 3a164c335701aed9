import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../app/session';
import { usePageTitle } from '../../shared/usePageTitle';
import { DetailsForm } from './DetailsForm';
import { PasswordForm } from './PasswordForm';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';
import { TotpSection } from './TotpSection';

/**
 * /profile — own details, password, two-step verification, sessions and API tokens.
 * When an organisation requires two-step verification and the user has none yet, only the
 * enrolment is shown (the TOTP section keeps its place so its confirmation survives the switch).
 */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  usePageTitle(t('profile.title'));
  const restricted = me.session.mfaEnrolmentRequired;

  return (
    <>
      <Heading1>{t('profile.title')}</Heading1>
      {restricted ? (
        <Alert type="warning">
          <Paragraph>{t('profile.enrolmentRequired')}</Paragraph>
        </Alert>
      ) : (
        <>
          <DetailsForm me={me} />
          <PasswordForm />
        </>
      )}
      <TotpSection me={me} />
      {restricted ? null : (
        <>
          <SessionsSection />
          <TokensSection />
        </>
      )}
    </>
  );
}
