import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { LockedNotice } from '../../components/LockedNotice';
import { useT } from '../../i18n/useT';
import { useIsUnlocked, useSignedIn } from '../../session/useSession';
import { useTrust } from '../../trust/useTrust';
import { PendingRow } from './PendingRow';

/**
 * Enrolments into this admin's party awaiting its admins' endorsement: the inviting admin signs
 * first, then others of the party until its threshold is met and the keys are published.
 */
export const PendingPage = () => {
  const { t } = useT('admin');
  const { t: tScreens } = useT('admin-screens');
  const session = useSignedIn();
  const isUnlocked = useIsUnlocked();
  const { state: trust, reload: reloadTrust } = useTrust();
  const [pending, reload] = useQuery(() => api(API.listPendingEnrolments), []);
  if (!session) {
    return null;
  }
  const me = trust.status === 'ready' ? trust.directory.currentKey(session.person.id) : undefined;
  return (
    <section aria-labelledby="pending-title">
      <h1 id="pending-title">{t('pending.title')}</h1>
      <p>{t('pending.intro')}</p>
      {isUnlocked ? null : <LockedNotice action={tScreens('pending.lockedAction')} />}
      {pending.status === 'loading' || trust.status === 'loading' ? <Loading /> : null}
      <ErrorNotice error={pending.status === 'error' ? pending.error : null} />
      <ErrorNotice error={trust.status === 'error' ? trust.error : null} />
      {pending.status === 'ready' && trust.status === 'ready' && me ? (
        pending.data.pending.length === 0 ? (
          <p data-testid="no-pending">{t('pending.none')}</p>
        ) : (
          <ul className="cards" data-testid="pending-list">
            {pending.data.pending.map((item) => (
              <PendingRow
                key={item.person.id}
                pending={item}
                adminKey={me}
                directory={trust.directory}
                canSign={isUnlocked}
                onEndorsed={() => {
                  reload();
                  reloadTrust();
                }}
              />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
};
