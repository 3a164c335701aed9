import { createBrowserRouter } from 'react-router';
import { AdminPage } from '../features/admin/AdminPage';
import { AuditPage } from '../features/audit/AuditPage';
import { CompliancePage } from '../features/compliance/CompliancePage';
import { FrameworkPage } from '../features/compliance/FrameworkPage';
import { MappingSetPage, MappingSetsPage } from '../features/compliance/MappingPages';
import { MeasurePage, NewMeasurePage } from '../features/compliance/MeasurePages';
import { MeasuresPage } from '../features/compliance/MeasuresPage';
import { NewYearPage } from '../features/compliance/years/NewYearPage';
import { RequirementAssessmentPage } from '../features/compliance/years/RequirementAssessmentPage';
import { SignYearPage } from '../features/compliance/years/SignYearPage';
import { YearDiffPage } from '../features/compliance/years/YearDiffPage';
import { YearPage } from '../features/compliance/years/YearPage';
import { YearsPage } from '../features/compliance/years/YearsPage';
import { ActionsPage } from '../features/compliance/actions/ActionsPage';
import { EvidencePage } from '../features/compliance/evidence/EvidencePage';
import { FindingsPage } from '../features/compliance/findings/FindingsPage';
import { OfficialTextsPage } from '../features/compliance/official-texts/OfficialTextsPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { LibraryImportPage } from '../features/admin/LibraryImportPage';
import { InvitationPage } from '../features/auth/InvitationPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { MembersPage } from '../features/members/MembersPage';
import { OrganisationHomePage } from '../features/organisations/OrganisationHomePage';
import { SettingsPage } from '../features/organisations/SettingsPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { UnavailablePage } from '../features/unavailable/UnavailablePage';
import { assetsRoutes } from '../features/assets/routes';
import { suppliersRoutes } from '../features/suppliers/routes';
import { dependenciesRoutes } from '../features/dependencies/routes';
import { risksRoutes } from '../features/risks/routes';
import { incidentsRoutes } from '../features/incidents/routes';
import { csirtRoutes } from '../features/csirt/routes';
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
 *   /o/:org/compliance                             frameworks with the organisation's derived compliance
 *     /frameworks/:frameworkId                     requirements tree, results and where they come from
 *     /measures, /measures/new, /measures/:id      measures: list, create, edit/delete
 *     /mappings, /mappings/:mappingSetId           mapping sets between frameworks
 *     /years, /years/new, /years/:year             verantwoordingsjaren: list, open a year, one year with its assessment table
 *     /years/:year/{sign,diff}                     collegeverklaring; differences with another year
 *     /years/:year/requirements/:requirementId     one requirement's assessment, measures and evidence
 *     /evidence, /actions, /official-texts         evidence overview; improvement actions; official BIO2 texts
 *     /years/:year/findings                        the auditor's findings of a year
 *   /o/:org/assets/…, /o/:org/risicos/…            assets, suppliers, joint arrangements, dependencies; risk register (routes.tsx of each feature)
 *   /o/:org/incidenten/…                           incident register with the legal deadlines (features/incidents/routes.tsx)
 *   /o/:org/csirt-inbox/…                          a CSIRT's inbox of reports from its gemeenten (features/csirt/routes.tsx)
 *   /inbox, /admin/library-import                  notices across organisations; library import (installation admins)
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
          { path: 'admin/library-import', element: <LibraryImportPage /> },
          { path: 'inbox', element: <InboxPage /> },
          {
            path: 'o/:org',
            element: <OrgLayout />,
            children: [
              { index: true, element: <OrganisationHomePage /> },
              { path: 'members', element: <MembersPage /> },
              { path: 'settings', element: <SettingsPage /> },
              { path: 'audit', element: <AuditPage /> },
              { path: 'compliance', element: <CompliancePage /> },
              { path: 'compliance/frameworks/:frameworkId', element: <FrameworkPage /> },
              { path: 'compliance/measures', element: <MeasuresPage /> },
              { path: 'compliance/measures/new', element: <NewMeasurePage /> },
              { path: 'compliance/measures/:measureId', element: <MeasurePage /> },
              { path: 'compliance/mappings', element: <MappingSetsPage /> },
              { path: 'compliance/mappings/:mappingSetId', element: <MappingSetPage /> },
              { path: 'compliance/years', element: <YearsPage /> },
              { path: 'compliance/years/new', element: <NewYearPage /> },
              { path: 'compliance/years/:year', element: <YearPage /> },
              { path: 'compliance/years/:year/sign', element: <SignYearPage /> },
              { path: 'compliance/years/:year/diff', element: <YearDiffPage /> },
              { path: 'compliance/years/:year/requirements/:requirementId', element: <RequirementAssessmentPage /> },
              { path: 'compliance/evidence', element: <EvidencePage /> },
              { path: 'compliance/actions', element: <ActionsPage /> },
              { path: 'compliance/official-texts', element: <OfficialTextsPage /> },
              { path: 'compliance/years/:year/findings', element: <FindingsPage /> },
              ...assetsRoutes,
              ...suppliersRoutes,
              ...dependenciesRoutes,
              ...risksRoutes,
              ...incidentsRoutes,
              ...csirtRoutes,
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
