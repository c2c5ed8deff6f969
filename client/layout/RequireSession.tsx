import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';

/** Shows `children` to a signed-in person (an active admin when `admin`), else says why not. */
export const RequireSession = ({ admin = false, children }: { admin?: boolean; children: ReactNode }) => {
  const { t } = useT('layout');
  const state = useSession();
  if (state.status === 'loading') {
    return <Loading what={t('checkingSession')} />;
  }
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} />;
  }
  if (state.status === 'signed-out') {
    return (
      <p role="alert">
        {t('signInFirst')} <Link to="/">{t('signIn')}</Link>
      </p>
    );
  }
  const { person } = state.session;
  if (admin && (person.role !== 'admin' || person.status !== 'active')) {
    return <p role="alert">{t('adminsOnly')}</p>;
  }
  return children;
};
