import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { sessionQuery } from './api/session.ts';
import { Layout } from './components/Layout.tsx';
import { pathForStage, rememberTarget } from './lib/after-login.ts';
import { AccountPage } from './pages/AccountPage.tsx';
import { AuditPage } from './pages/admin/AuditPage.tsx';
import { JobsPage } from './pages/admin/JobsPage.tsx';
import { OrganisationsPage } from './pages/admin/OrganisationsPage.tsx';
import { RolesPage } from './pages/admin/RolesPage.tsx';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { EnrolPage } from './pages/EnrolPage.tsx';
import { ErrorPage, NotFoundPage } from './pages/ErrorPages.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { SecondFactorPage } from './pages/SecondFactorPage.tsx';
import { CasePage } from './pages/cases/CasePage.tsx';
import { CasesPage } from './pages/cases/CasesPage.tsx';
import { ReferralsPage } from './pages/cases/ReferralsPage.tsx';
import { SignalPage } from './pages/cases/SignalPage.tsx';
import { TriagePage } from './pages/cases/TriagePage.tsx';
import { DeadlinesPage } from './pages/clocks/DeadlinesPage.tsx';
import { RetentionPage } from './pages/retention/RetentionPage.tsx';
import { OutreachContactPage } from './pages/outreach/contact/ContactPage.tsx';
import { OutreachContactsPage } from './pages/outreach/contact/ContactsPage.tsx';
import { OutreachNewContactPage } from './pages/outreach/contact/NewContactPage.tsx';
import { OutreachTemplatesPage } from './pages/outreach/contact/TemplatesPage.tsx';
import { OutreachFunnelPage } from './pages/outreach/funnel/FunnelPage.tsx';
import { OutreachImportPage } from './pages/outreach/import/ImportPage.tsx';
import { OutreachSourcesPage } from './pages/outreach/import/SourcesPage.tsx';
import { OutreachClusterPage } from './pages/outreach/worklist/ClusterPage.tsx';
import { OutreachTodayPage } from './pages/outreach/worklist/TodayPage.tsx';
import { OutreachWorklistPage } from './pages/outreach/worklist/WorklistPage.tsx';
import { TasksPage } from './pages/clocks/TasksPage.tsx';
import { MySignalsPage } from './pages/intake/MySignalsPage.tsx';
import { PublicFollowUpPage } from './pages/intake/PublicFollowUpPage.tsx';
import { PublicReportPage } from './pages/intake/PublicReportPage.tsx';
import { SignalFormPage } from './pages/intake/SignalFormPage.tsx';

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

/** Each sign-in step has its own page; a session in another stage is sent where it belongs. */
function stageGuard(stage: 'none' | 'second-factor' | 'enrol') {
  return async ({ context }: { context: RouterContext }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    const current = session?.stage ?? 'none';
    if (current !== stage) throw redirect({ to: pathForStage(session) });
  };
}

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', beforeLoad: stageGuard('none'), component: LoginPage });
const secondFactorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login/second-factor',
  beforeLoad: stageGuard('second-factor'),
  component: SecondFactorPage,
});
const enrolRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login/enrol', beforeLoad: stageGuard('enrol'), component: EnrolPage });

/** Public intake: no account, no session needed (self-report, anonymous tip, follow-up with a code). */
const publicReportRoute = createRoute({ getParentRoute: () => rootRoute, path: '/report', component: PublicReportPage });
const publicFollowUpRoute = createRoute({ getParentRoute: () => rootRoute, path: '/report/follow-up', component: PublicFollowUpPage });

/** Everything else needs a complete sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session?.stage === 'full') return;
    if (!session) rememberTarget(location.href);
    throw redirect({ to: pathForStage(session) });
  },
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account', component: AccountPage });
const organisationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/organisations', component: OrganisationsPage });
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/users', component: UsersPage });
const rolesRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/roles', component: RolesPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/audit', component: AuditPage });
const jobsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/jobs', component: JobsPage });
const signalFormRoute = createRoute({ getParentRoute: () => appRoute, path: '/signals/new', component: SignalFormPage });
const mySignalsRoute = createRoute({ getParentRoute: () => appRoute, path: '/signals/mine', component: MySignalsPage });
const triageRoute = createRoute({ getParentRoute: () => appRoute, path: '/triage', component: TriagePage });
const signalRoute = createRoute({ getParentRoute: () => appRoute, path: '/triage/$signalId', component: SignalPage });
const casesRoute = createRoute({ getParentRoute: () => appRoute, path: '/cases', component: CasesPage });
const caseRoute = createRoute({ getParentRoute: () => appRoute, path: '/cases/$caseId', component: CasePage });
const referralsRoute = createRoute({ getParentRoute: () => appRoute, path: '/referrals', component: ReferralsPage });
const deadlinesRoute = createRoute({ getParentRoute: () => appRoute, path: '/deadlines', component: DeadlinesPage });
const tasksRoute = createRoute({ getParentRoute: () => appRoute, path: '/tasks', component: TasksPage });
const retentionRoute = createRoute({ getParentRoute: () => appRoute, path: '/retention', component: RetentionPage });
const outreachWorklistRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach', component: OutreachWorklistPage });
const outreachClusterRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/clusters/$clusterId', component: OutreachClusterPage });
const outreachTodayRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/today', component: OutreachTodayPage });
const outreachContactsRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/contacts', component: OutreachContactsPage });
/** Query: ?cluster=<cluster id>&target=<phone token> (a keyed hash, never the number). */
const outreachNewContactRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/contacts/new', component: OutreachNewContactPage });
const outreachContactRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/contacts/$contactId', component: OutreachContactPage });
const outreachTemplatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/templates', component: OutreachTemplatesPage });
const outreachImportRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/import', component: OutreachImportPage });
const outreachSourcesRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/sources', component: OutreachSourcesPage });
const outreachFunnelRoute = createRoute({ getParentRoute: () => appRoute, path: '/outreach/funnel', component: OutreachFunnelPage });

const routeTree = rootRoute.addChildren([
  loginRoute,
  secondFactorRoute,
  enrolRoute,
  publicReportRoute,
  publicFollowUpRoute,
  appRoute.addChildren([
    homeRoute,
    accountRoute,
    signalFormRoute,
    mySignalsRoute,
    triageRoute,
    signalRoute,
    casesRoute,
    caseRoute,
    referralsRoute,
    deadlinesRoute,
    tasksRoute,
    retentionRoute,
    outreachWorklistRoute,
    outreachClusterRoute,
    outreachTodayRoute,
    outreachContactsRoute,
    outreachNewContactRoute,
    outreachContactRoute,
    outreachTemplatesRoute,
    outreachImportRoute,
    outreachSourcesRoute,
    outreachFunnelRoute,
    organisationsRoute,
    usersRoute,
    rolesRoute,
    auditRoute,
    jobsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: false, scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
