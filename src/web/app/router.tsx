import { createBrowserRouter } from 'react-router';
import { AdminPage } from '../features/admin/AdminPage';
import { AuditPage } from '../features/audit/AuditPage';
import { InvitationPage } from '../features/auth/InvitationPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { MembersPage } from '../features/members/MembersPage';
import { OrganisationHomePage } from '../features/organisations/OrganisationHomePage';
import { SettingsPage } from '../features/organisations/SettingsPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { UnavailablePage } from '../features/unavailable/UnavailablePage';
import { CAPABILITIES } from './capabilities';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from './NotFoundPage';
import { OrgLayout } from './OrgLayout';
import { PublicLayout } from './PublicLayout';
import { Root } from './Root';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

/**
 * Routes:
 *   /login, /setup, /invitation/:token             public
 *   /                                              → current organisation
 *   /profile, /admin                               signed in (admin: installation administrators)
 *   /o/:org, /o/:org/{members,settings,audit}      organisation pages (permission-checked)
 *   /o/:org/<capability>                           "not yet available" pages for the capabilities not built yet
 */
export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'setup', element: <SetupPage /> },
          { path: 'invitation/:token', element: <InvitationPage /> },
        ],
      },
      {
        element: <Shell />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'admin', element: <AdminPage /> },
          {
            path: 'o/:org',
            element: <OrgLayout />,
            children: [
              { index: true, element: <OrganisationHomePage /> },
              { path: 'members', element: <MembersPage /> },
              { path: 'settings', element: <SettingsPage /> },
              { path: 'audit', element: <AuditPage /> },
              ...CAPABILITIES.filter((capability) => !capability.available).map((capability) => ({
                path: capability.path,
                element: <UnavailablePage capability={capability.key} />,
              })),
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
