import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { SignInResult } from '../../crypto/sign-in';
import { useIsUnlocked, useSession } from '../../session/useSession';
import { HealthPanel } from '../health/HealthPanel';
import { EndorsementQueue } from '../queue/EndorsementQueue';
import { WorkQueue } from '../queue/WorkQueue';
import { PendingNotice } from '../sign-in/PendingNotice';
import { SignInPanel } from '../sign-in/SignInPanel';
import { UnlockPanel } from '../sign-in/UnlockPanel';

const noticeAfterSignIn = (result: SignInResult | null): string | undefined => {
  if (!result || result.unlocked) {
    return undefined;
  }
  return result.unlockError
    ? 'Signed in, but the passkey did not open your keys: use your passphrase or recovery key.'
    : 'Signed in. This passkey gives no PRF output on this device, so it cannot unlock your keys: use your passphrase or recovery key.';
};

/** Sign in, unlock, or (once unlocked) where the person stands. */
export const HomePage = () => {
  const state = useSession();
  const isUnlocked = useIsUnlocked();
  const [lastSignIn, setLastSignIn] = useState<SignInResult | null>(null);
  if (state.status === 'loading') {
    return <Loading what="Checking your session" />;
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
  return (
    <>
      <h1>Welcome, {person.name}</h1>
      <p>
        {person.role} of {person.party.name}
      </p>
      {person.status === 'pending' ? <PendingNotice personId={person.id} /> : null}
      {isUnlocked && person.status === 'active' ? person.role === 'admin' ? <EndorsementQueue /> : <WorkQueue /> : null}
      {isUnlocked ? (
        <section className="panel" data-testid="home-unlocked">
          <h2>Your keys are unlocked in this tab</h2>
          <p>
            Compare safety numbers with the people you write to on their <Link to="/people">person page</Link> and mark
            them as verified.
          </p>
        </section>
      ) : (
        <UnlockPanel notice={noticeAfterSignIn(lastSignIn)} offerPasskey={lastSignIn?.hasPrf !== false} />
      )}
      <HealthPanel />
    </>
  );
};
