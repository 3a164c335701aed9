import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../app/session';
import { AppLink } from '../../shared/AppLink';
import { NoAccess } from '../../shared/NoAccess';
import { usePageTitle } from '../../shared/usePageTitle';
import { AddMembershipForm } from './AddMembershipForm';
import { OrganisationsAdmin } from './OrganisationsAdmin';
import { UsersAdmin } from './UsersAdmin';

/** /admin — installation administration: organisations, users, memberships. */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const title = t('admin.title');
  usePageTitle(title);
  if (!me.user.isInstallationAdmin) return <NoAccess title={title} />;
  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>
        {t('libraryImport.linkIntro')} <AppLink to="/admin/library-import">{t('libraryImport.link')}</AppLink>
      </Paragraph>
      <OrganisationsAdmin />
      <UsersAdmin />
      <AddMembershipForm />
    </>
  );
}
