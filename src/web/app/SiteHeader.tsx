import { PageHeader } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';
import type { Me } from './session';

export function SiteHeader({ me, currentOrg }: { me: Me | null; currentOrg: string | null }) {
  const { t } = useTranslation();
  const signedIn = me && !me.session.mfaPending ? me : null;
  return (
    <PageHeader className="wb-header">
      <div className="wb-header__inner">
        <div className="wb-header__top">
          <Link to="/" className="wb-brand">
            {t('app.name')}
          </Link>
          <div className="wb-header__tools">
            <LanguageSwitch />
            {signedIn ? <UserMenu me={signedIn} /> : null}
          </div>
        </div>
        {signedIn && !signedIn.session.mfaEnrolmentRequired ? (
          <div className="wb-header__context">
            <OrgSwitcher me={signedIn} current={currentOrg} />
          </div>
        ) : null}
      </div>
    </PageHeader>
  );
}
