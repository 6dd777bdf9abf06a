import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '#shared/domain/access';
import { HomeRedirect } from '#web/modules/auth/components/HomeRedirect';
import { RequireAuth, RequirePermission } from '#web/modules/auth/components/RequireAuth';
import { ForbiddenPage, NotFoundPage } from '#web/pages/NotFoundPage';
import { SignInPage } from '#web/pages/SignInPage';
import { TerritoriesPage } from '#web/pages/TerritoriesPage';
import { LoadingState } from '#web/ui/LoadingState';

// Pages most users never open (administration) load on demand, keeping the first load small.
const AgenciesPage = lazy(() => import('#web/pages/AgenciesPage').then((m) => ({ default: m.AgenciesPage })));
const ApprovalsPage = lazy(() =>
  import('#web/pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })),
);
const CompletenessPage = lazy(() =>
  import('#web/pages/CompletenessPage').then((m) => ({ default: m.CompletenessPage })),
);
const AuditPage = lazy(() => import('#web/pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const CataloguePage = lazy(() =>
  import('#web/pages/CataloguePage').then((m) => ({ default: m.CataloguePage })),
);
const ExplorerPage = lazy(() => import('#web/pages/ExplorerPage').then((m) => ({ default: m.ExplorerPage })));
const DataImportPage = lazy(() =>
  import('#web/pages/DataImportPage').then((m) => ({ default: m.DataImportPage })),
);
const EntryFormPage = lazy(() =>
  import('#web/pages/EntryFormPage').then((m) => ({ default: m.EntryFormPage })),
);
const JobsPage = lazy(() => import('#web/pages/JobsPage').then((m) => ({ default: m.JobsPage })));
const PopulationImportPage = lazy(() =>
  import('#web/pages/PopulationImportPage').then((m) => ({ default: m.PopulationImportPage })),
);
const ProfilePage = lazy(() => import('#web/pages/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const UsersPage = lazy(() => import('#web/pages/UsersPage').then((m) => ({ default: m.UsersPage })));

function PageFallback() {
  const { t } = useTranslation();
  return <LoadingState label={t('common.loading')} minHeight={320} />;
}
import { AppLayout } from './layout/AppLayout';

function guarded(permission: Permission, page: ReactNode) {
  return (
    <RequirePermission permission={permission} fallback={<ForbiddenPage />}>
      <Suspense fallback={<PageFallback />}>{page}</Suspense>
    </RequirePermission>
  );
}

/** Every route of the app; pages behind the layout require a session, admin pages a permission. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'territories', element: guarded('territories.read', <TerritoriesPage />) },
        { path: 'territories/import', element: guarded('population.import', <PopulationImportPage />) },
        { path: 'territories/:id', element: guarded('territories.read', <TerritoriesPage />) },
        { path: 'agencies', element: guarded('agencies.read', <AgenciesPage />) },
        { path: 'catalogue', element: guarded('catalogue.read', <CataloguePage />) },
        { path: 'approvals', element: guarded('data.read', <ApprovalsPage />) },
        { path: 'completeness', element: guarded('data.read', <CompletenessPage />) },
        { path: 'explorer', element: guarded('explorer.use', <ExplorerPage />) },
        { path: 'entry', element: guarded('data.enter', <EntryFormPage />) },
        { path: 'data-import', element: guarded('data.enter', <DataImportPage />) },
        { path: 'users', element: guarded('users.read', <UsersPage />) },
        { path: 'audit', element: guarded('audit.read', <AuditPage />) },
        { path: 'jobs', element: guarded('jobs.read', <JobsPage />) },
        {
          path: 'profile',
          element: (
            <Suspense fallback={<PageFallback />}>
              <ProfilePage />
            </Suspense>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
