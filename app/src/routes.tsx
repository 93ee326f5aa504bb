import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAdmin } from './auth/RequireAdmin';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './components/AppLayout';
import { FullPageSpin } from './components/FullPageSpin';

// Every page is its own chunk; the layout and the login page come with the first load.
const LoginPage = lazy(() => import('./scenes/Login/LoginPage'));
const HomePage = lazy(() => import('./scenes/Home/HomePage'));
const UnitsPage = lazy(() => import('./scenes/Units/UnitsPage'));
const IndicatorsPage = lazy(() => import('./scenes/Indicators/IndicatorsPage'));
const IndicatorPage = lazy(() => import('./scenes/Indicators/IndicatorPage'));
const InboxPage = lazy(() => import('./scenes/Reports/InboxPage'));
const ApprovalsPage = lazy(() => import('./scenes/Reports/ApprovalsPage'));
const CompliancePage = lazy(() => import('./scenes/Reports/CompliancePage'));
const SubmissionPage = lazy(() => import('./scenes/Reports/SubmissionPage'));
const PlansPage = lazy(() => import('./scenes/Plans/PlansPage'));
const PlanPage = lazy(() => import('./scenes/Plans/PlanPage'));
const PlanImportPage = lazy(() => import('./scenes/Plans/PlanImportPage'));
const PlanImportReviewPage = lazy(() => import('./scenes/Plans/PlanImportReviewPage'));
const OfficialReportPage = lazy(() => import('./scenes/Plans/OfficialReportPage'));
const TasksPage = lazy(() => import('./scenes/Tasks/TasksPage'));
const TaskPage = lazy(() => import('./scenes/Tasks/TaskPage'));
const RankingsPage = lazy(() => import('./scenes/Rankings/RankingsPage'));
const UsersPage = lazy(() => import('./scenes/Users/UsersPage'));
const AuditPage = lazy(() => import('./scenes/Audit/AuditPage'));
const NotFoundPage = lazy(() => import('./scenes/NotFound/NotFoundPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/import" element={<PlanImportPage />} />
        <Route path="plans/import/:id" element={<PlanImportReviewPage />} />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="plans/:id/report" element={<OfficialReportPage />} />
        <Route path="indicators" element={<IndicatorsPage />} />
        <Route path="indicators/:code" element={<IndicatorPage />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="tasks/:id" element={<TaskPage />} />
        <Route path="reports">
          <Route index element={<InboxPage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
          <Route path="compliance" element={<CompliancePage />} />
          <Route path=":form/:orgUnit/:period" element={<SubmissionPage />} />
        </Route>
        <Route path="rankings" element={<RankingsPage />} />
        <Route path="units" element={<Navigate to="/admin/units" replace />} />
        <Route path="admin">
          <Route index element={<Navigate to="/admin/units" replace />} />
          <Route path="units" element={<UnitsPage />} />
          <Route
            path="users"
            element={
              <RequireAdmin>
                <UsersPage />
              </RequireAdmin>
            }
          />
          <Route
            path="audit"
            element={
              <RequireAdmin>
                <AuditPage />
              </RequireAdmin>
            }
          />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
    </Suspense>
  );
}
