import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../app/session';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { OidcSettingsSection } from './OidcSettingsForm';

/** /o/:org/settings — requires organisation.manage. */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const organisation = useCurrentOrganisation();
  const title = t('settings.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, PERMISSIONS.manageOrganisation)) return <NoAccess title={title} />;
  return (
    <>
      <PageHeading title={title} context={organisation.name} />
      <GeneralSettingsForm key={organisation.slug} organisation={organisation} canLink={me.user.isInstallationAdmin} />
      <OidcSettingsSection key={`oidc-${organisation.slug}`} slug={organisation.slug} />
    </>
  );
}
