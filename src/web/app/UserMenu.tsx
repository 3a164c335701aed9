import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppNavLink } from '../shared/AppLink';
import { InboxLink } from '../features/inbox/InboxLink';
import { useLogout } from './session';
import type { Me } from './session';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const restricted = me.session.mfaEnrolmentRequired;

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <nav className="wb-user-menu" aria-label={t('shell.userMenu')}>
      <span className="wb-user-menu__name">{t('shell.loggedInAs', { name: me.user.name || me.user.email })}</span>
      <ul className="wb-user-menu__list">
        {restricted ? null : (
          <li>
            <InboxLink />
          </li>
        )}
        <li>
          <AppNavLink to="/profile">{t('shell.profile')}</AppNavLink>
        </li>
        {me.user.isInstallationAdmin && !restricted ? (
          <li>
            <AppNavLink to="/admin">{t('shell.admin')}</AppNavLink>
          </li>
        ) : null}
        <li>
          <Button type="button" appearance="secondary-action-button" onClick={() => void onLogout()}>
            {t('shell.logout')}
          </Button>
        </li>
      </ul>
    </nav>
  );
}
