import { useTranslation } from 'react-i18next';
import { AppNavLink } from '../shared/AppLink';
import { can, PERMISSIONS, useOrganisation } from '../shared/organisation';
import { CAPABILITIES } from './capabilities';

/**
 * Main navigation: the twelve capabilities for the current organisation. Under
 * "Organisatie & mensen" it lists the organisation pages the user's permissions allow.
 */
export function SideNav({ org }: { org: string }) {
  const { t } = useTranslation();
  const organisation = useOrganisation(org);
  const base = `/o/${encodeURIComponent(org)}`;
  const subPages = [
    { to: `${base}/members`, label: t('nav.members'), allowed: can(organisation.data, PERMISSIONS.manageMembers) },
    { to: `${base}/settings`, label: t('nav.settings'), allowed: can(organisation.data, PERMISSIONS.manageOrganisation) },
    { to: `${base}/audit`, label: t('nav.audit'), allowed: can(organisation.data, PERMISSIONS.readAudit) },
  ].filter((page) => page.allowed);

  return (
    <nav className="wb-sidenav" aria-label={t('nav.label')}>
      <ul className="wb-sidenav__list">
        {CAPABILITIES.map((capability) => (
          <li key={capability.key} className="wb-sidenav__item">
            <AppNavLink
              to={capability.path ? `${base}/${capability.path}` : base}
              end
              className="wb-sidenav__link"
            >
              {t(`capabilities.${capability.key}.title`)}
              {capability.available ? null : <span className="wb-visually-hidden"> ({t('unavailable.badge')})</span>}
            </AppNavLink>
            {capability.key === 'organisation' && subPages.length > 0 ? (
              <ul className="wb-sidenav__sublist">
                {subPages.map((page) => (
                  <li key={page.to} className="wb-sidenav__item">
                    <AppNavLink to={page.to} className="wb-sidenav__link">
                      {page.label}
                    </AppNavLink>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
