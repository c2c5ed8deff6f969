import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { SignInResult } from '../../crypto/sign-in';
import { useT } from '../../i18n/useT';
import { useIsUnlocked, useSession } from '../../session/useSession';
import { HealthPanel } from '../health/HealthPanel';
import { EndorsementQueue } from '../queue/EndorsementQueue';
import { WorkQueue } from '../queue/WorkQueue';
import { PendingNotice } from '../sign-in/PendingNotice';
import { SignInPanel } from '../sign-in/SignInPanel';
import { UnlockPanel } from '../sign-in/UnlockPanel';

const noticeAfterSignIn = (result: SignInResult | null): 'passkeyFailed' | 'noPrf' | undefined => {
  if (!result || result.unlocked) {
    return undefined;
  }
  return result.unlockError ? 'passkeyFailed' : 'noPrf';
};

/** Sign in, unlock, or (once unlocked) where the person stands. */
export const HomePage = () => {
  const state = useSession();
  const isUnlocked = useIsUnlocked();
  const [lastSignIn, setLastSignIn] = useState<SignInResult | null>(null);
  const { t } = useT(['home', 'common']);
  if (state.status === 'loading') {
    return <Loading what={t('checking')} />;
  }
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} />;
  }
  if (state.status === 'signed-out') {
    return (
      <>
        <SignInPanel onSignedIn={setLastSignIn} />
        <HealthPanel />
      </>
    );
  }
  const { person } = state.session;
  const notice = noticeAfterSignIn(lastSignIn);
  return (
    <>
      <h1>{t('welcome', { name: person.name })}</h1>
      <p>{t('roleOf', { role: t(`common:account.role.${person.role}`), party: person.party.name })}</p>
      {person.status === 'pending' ? <PendingNotice personId={person.id} /> : null}
      {isUnlocked && person.status === 'active' ? person.role === 'admin' ? <EndorsementQueue /> : <WorkQueue /> : null}
      {isUnlocked ? (
        <section className="panel" data-testid="home-unlocked">
          <h2>{t('unlockedTitle')}</h2>
          <p>
            {t('compareBefore')}
            <Link to="/people">{t('personPage')}</Link>
            {t('compareAfter')}
          </p>
        </section>
      ) : (
        <UnlockPanel notice={notice && t(notice)} offerPasskey={lastSignIn?.hasPrf !== false} />
      )}
      <HealthPanel />
    </>
  );
};
