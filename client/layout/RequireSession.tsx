import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useSession } from '../session/useSession';

/** Shows `children` to a signed-in person (an active admin when `admin`), else says why not. */
export const RequireSession = ({ admin = false, children }: { admin?: boolean; children: ReactNode }) => {
  const state = useSession();
  if (state.status === 'loading') {
    return <Loading what="Checking your session" />;
  }
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} />;
  }
  if (state.status === 'signed-out') {
    return (
      <p role="alert">
        Sign in first. <Link to="/">Sign in with a passkey</Link>
      </p>
    );
  }
  const { person } = state.session;
  if (admin && (person.role !== 'admin' || person.status !== 'active')) {
    return <p role="alert">Only admins whose keys are published can use this page.</p>;
  }
  return children;
};
