import { Navigate } from 'react-router';
import { useCurrentOrganisationSlug } from './currentOrganisation';
import { useSignedInMe } from './session';

/** "/" → the current organisation's home; without organisations → admin (installation admin) or profile. */
export function HomeRedirect() {
  const me = useSignedInMe();
  const org = useCurrentOrganisationSlug(me);
  if (org) return <Navigate to={`/o/${encodeURIComponent(org)}`} replace />;
  return <Navigate to={me.user.isInstallationAdmin ? '/admin' : '/profile'} replace />;
}
