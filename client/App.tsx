import type { ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccountPage } from './features/account/AccountPage';
import { InvitationsPage } from './features/admin/InvitationsPage';
import { ManagePeoplePage } from './features/admin/ManagePeoplePage';
import { PartiesPage } from './features/admin/PartiesPage';
import { PendingPage } from './features/admin/PendingPage';
import { AgreedMinutesPage } from './features/agreed-minutes/AgreedMinutesPage';
import { CaseListPage } from './features/cases/CaseListPage';
import { CasePage } from './features/cases/CasePage';
import { MinutesPage } from './features/cases/MinutesPage';
import { OpenCasePage } from './features/cases/OpenCasePage';
import { CommitmentPage } from './features/commitments/CommitmentPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { DisclosedPage } from './features/disclosure/DisclosedPage';
import { DisclosePage } from './features/disclosure/DisclosePage';
import { EnrolPage } from './features/enrol/EnrolPage';
import { HomePage } from './features/home/HomePage';
import { LogPage } from './features/log/LogPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import { PartyPage } from './features/parties/PartyPage';
import { PeoplePage } from './features/people/PeoplePage';
import { PersonPage } from './features/people/PersonPage';
import { RecoverPage } from './features/recover/RecoverPage';
import { SearchPage } from './features/search/SearchPage';
import { UnlockPage } from './features/sign-in/UnlockPage';
import { ComposeLetterPage } from './features/threads/ComposeLetterPage';
import { OpenThreadPage } from './features/threads/OpenThreadPage';
import { ThreadListPage } from './features/threads/ThreadListPage';
import { ThreadPage } from './features/threads/ThreadPage';
import { VerifyPage } from './features/verify/VerifyPage';
import { Layout } from './layout/Layout';
import { RequireSession } from './layout/RequireSession';
import { LiveProvider } from './live/LiveProvider';
import { LogProvider } from './log/LogProvider';
import { SessionProvider } from './session/SessionProvider';
import { ReadersConfirmProvider } from './trust/ReadersConfirmProvider';
import { TrustProvider } from './trust/TrustProvider';

const signedIn = (element: ReactNode) => <RequireSession>{element}</RequireSession>;
const admins = (element: ReactNode) => <RequireSession admin>{element}</RequireSession>;

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'enrol', element: <EnrolPage /> },
      { path: 'recover', element: <RecoverPage /> },
      { path: 'unlock', element: signedIn(<UnlockPage />) },
      { path: 'account', element: signedIn(<AccountPage />) },
      { path: 'people', element: signedIn(<PeoplePage />) },
      { path: 'people/:personId', element: signedIn(<PersonPage />) },
      { path: 'parties/:partyId', element: signedIn(<PartyPage />) },
      { path: 'log', element: signedIn(<LogPage />) },
      { path: 'verify', element: signedIn(<VerifyPage />) },
      { path: 'dashboard', element: signedIn(<DashboardPage />) },
      { path: 'search', element: signedIn(<SearchPage />) },
      { path: 'cases', element: signedIn(<CaseListPage />) },
      { path: 'cases/new', element: signedIn(<OpenCasePage />) },
      { path: 'cases/:caseId', element: signedIn(<CasePage />) },
      { path: 'cases/:caseId/minutes', element: signedIn(<MinutesPage />) },
      { path: 'cases/:caseId/disclose', element: signedIn(<DisclosePage />) },
      { path: 'cases/:caseId/disclosed', element: signedIn(<DisclosedPage />) },
      { path: 'threads', element: signedIn(<ThreadListPage />) },
      { path: 'threads/new', element: signedIn(<OpenThreadPage />) },
      { path: 'threads/:threadId', element: signedIn(<ThreadPage />) },
      { path: 'threads/:threadId/letter', element: signedIn(<ComposeLetterPage />) },
      { path: 'threads/:threadId/minutes', element: signedIn(<MinutesPage />) },
      { path: 'threads/:threadId/disclose', element: signedIn(<DisclosePage />) },
      { path: 'threads/:threadId/disclosed', element: signedIn(<DisclosedPage />) },
      { path: 'threads/:threadId/agreed-minutes', element: signedIn(<AgreedMinutesPage />) },
      { path: 'threads/:threadId/commitment', element: signedIn(<CommitmentPage />) },
      { path: 'admin/parties', element: admins(<PartiesPage />) },
      { path: 'admin/invitations', element: admins(<InvitationsPage />) },
      { path: 'admin/pending', element: admins(<PendingPage />) },
      { path: 'admin/people', element: admins(<ManagePeoplePage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export const App = () => (
  <SessionProvider>
    <LogProvider>
      <TrustProvider>
        <ReadersConfirmProvider>
          <LiveProvider>
            <RouterProvider router={router} />
          </LiveProvider>
        </ReadersConfirmProvider>
      </TrustProvider>
    </LogProvider>
  </SessionProvider>
);
