import { NavLink } from 'react-router';
import { useQueueCount } from '../features/queue/queue-count';
import { useT } from '../i18n/useT';
import { useSignedIn } from '../session/useSession';

/** Links to what the signed-in person's role may use, and nothing else. */
export const Navigation = () => {
  const { t } = useT(['common', 'daily']);
  const session = useSignedIn();
  const queueCount = useQueueCount();
  const isAdmin = session?.person.role === 'admin' && session.person.status === 'active';
  const readsStreams = session?.person.status === 'active' && session.person.role !== 'admin';
  return (
    <nav aria-label={t('layout.mainNavigation')}>
      <NavLink to="/" end>
        {t('nav.home')}
        {session && queueCount ? (
          <span className="badge" data-testid="queue-count">
            {' '}
            {queueCount}
            <span className="visually-hidden"> {t('daily:queue.title')}</span>
          </span>
        ) : null}
      </NavLink>
      {session ? (
        <>
          <NavLink to="/people">{t('nav.people')}</NavLink>
          <NavLink to="/log">{t('nav.log')}</NavLink>
          <NavLink to="/verify">{t('nav.verify')}</NavLink>
        </>
      ) : null}
      {readsStreams ? (
        <>
          <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
          <NavLink to="/cases">{t('nav.cases')}</NavLink>
          <NavLink to="/threads">{t('nav.threads')}</NavLink>
          <NavLink to="/search">{t('daily:nav.search')}</NavLink>
        </>
      ) : null}
      {isAdmin ? (
        <>
          <NavLink to="/admin/parties">{t('nav.parties')}</NavLink>
          <NavLink to="/admin/invitations">{t('nav.invitations')}</NavLink>
          <NavLink to="/admin/pending">{t('nav.endorsements')}</NavLink>
          <NavLink to="/admin/people">{t('nav.managePeople')}</NavLink>
        </>
      ) : null}
    </nav>
  );
};
