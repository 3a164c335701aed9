import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppNavLink } from '../shared/AppLink';
import { can, PERMISSIONS, useOrganisation } from '../shared/organisation';
import { YEAR_PERMISSIONS } from '../features/compliance/years/access';
import { EVIDENCE_PERMISSIONS } from '../features/compliance/evidence/shared';
import { assetsNav } from '../features/assets/routes';
import { suppliersNav } from '../features/suppliers/routes';
import { dependenciesNav } from '../features/dependencies/routes';
import { risksNav } from '../features/risks/routes';
import { incidentsNav } from '../features/incidents/routes';
import { csirtNav } from '../features/csirt/routes';
import { CAPABILITIES } from './capabilities';

interface SubPage {
  to: string;
  label: string;
  allowed: boolean;
}

/** Whether a path is the page itself or below it (segment boundary). */
const isWithin = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/**
 * Main navigation: the twelve capabilities for the current organisation. Under
 * "Organisatie & mensen" and "Compliance" it lists the sub-pages the user's permissions allow; of nested
 * sub-pages (Objecten and Importeren) only the deepest one that contains the current page is marked.
 */
export function SideNav({ org }: { org: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const organisation = useOrganisation(org);
  const base = `/o/${encodeURIComponent(org)}`;
  const subPages: Record<string, SubPage[]> = {
    organisation: [
      { to: `${base}/members`, label: t('nav.members'), allowed: can(organisation.data, PERMISSIONS.manageMembers) },
      { to: `${base}/settings`, label: t('nav.settings'), allowed: can(organisation.data, PERMISSIONS.manageOrganisation) },
      { to: `${base}/audit`, label: t('nav.audit'), allowed: can(organisation.data, PERMISSIONS.readAudit) },
    ].filter((page) => page.allowed),
    compliance: [
      { to: `${base}/compliance/measures`, label: t('compliance.nav.measures'), allowed: can(organisation.data, PERMISSIONS.readMeasures) },
      { to: `${base}/compliance/mappings`, label: t('compliance.nav.mappings'), allowed: true },
      { to: `${base}/compliance/years`, label: t('years.nav'), allowed: can(organisation.data, YEAR_PERMISSIONS.read) },
      { to: `${base}/compliance/evidence`, label: t('evidence.nav.evidence'), allowed: can(organisation.data, EVIDENCE_PERMISSIONS.read) },
      { to: `${base}/compliance/actions`, label: t('evidence.nav.actions'), allowed: can(organisation.data, EVIDENCE_PERMISSIONS.actionsRead) },
    ].filter((page) => page.allowed),
    assets: [...assetsNav(base, organisation.data, t), ...suppliersNav(base, organisation.data, t), ...dependenciesNav(base, organisation.data, t)].map((p) => ({ ...p, allowed: true })),
    risks: risksNav(base, organisation.data, t).map((p) => ({ ...p, allowed: true })),
    incidents: [...incidentsNav(base, organisation.data, t), ...csirtNav(organisation.data, t)].map((p) => ({ ...p, allowed: true })),
  };

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
            {subPages[capability.key]?.length ? (
              <ul className="wb-sidenav__sublist">
                {subPages[capability.key].map((page, _, pages) => (
                  <li key={page.to} className="wb-sidenav__item">
                    <AppNavLink to={page.to} end={pages.some((other) => other.to.startsWith(`${page.to}/`) && isWithin(pathname, other.to))} className="wb-sidenav__link">
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
