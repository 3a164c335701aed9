import { Navigate, Outlet, useLocation } from 'react-router';
import { ProblemAlert } from '../shared/ProblemAlert';
import { Loading } from '../shared/Loading';
import { useCurrentOrganisationSlug } from './currentOrganisation';
import { Frame } from './Frame';
import { SideNav } from './SideNav';
import { useMe } from './session';

/**
 * Layout and guard for everything behind the login. Not logged in or MFA code pending → /login;
 * an organisation requires MFA and the user has none yet → only /profile (TOTP enrolment).
 */
export function Shell() {
  const me = useMe();
  const location = useLocation();
  const currentOrg = useCurrentOrganisationSlug(me.data);

  if (me.isPending) {
    return (
      <Frame me={null} currentOrg={null}>
        <Loading />
      </Frame>
    );
  }
  if (me.isError) {
    return (
      <Frame me={null} currentOrg={null}>
        <ProblemAlert error={me.error} />
      </Frame>
    );
  }
  if (!me.data || me.data.session.mfaPending) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  if (me.data.session.mfaEnrolmentRequired && location.pathname !== '/profile') {
    return <Navigate to="/profile" replace />;
  }

  const restricted = me.data.session.mfaEnrolmentRequired;
  const nav = !restricted && currentOrg ? <SideNav org={currentOrg} /> : undefined;
  return (
    <Frame me={me.data} currentOrg={currentOrg} nav={nav}>
      <Outlet />
    </Frame>
  );
}
