import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type SignInResult, signInWithPasskey } from '../../crypto/sign-in';
import { useSession } from '../../session/useSession';

/** "Sign in with a passkey": no user name, the browser offers this site's passkeys. */
export const SignInPanel = ({ onSignedIn }: { onSignedIn: (result: SignInResult) => void }) => {
  const { adopt } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signIn = () => {
    setBusy(true);
    setError(null);
    signInWithPasskey().then(
      (result) => {
        onSignedIn(result);
        adopt(result.session);
      },
      (failure: unknown) => {
        setError(failure);
        setBusy(false);
      },
    );
  };
  return (
    <section aria-labelledby="sign-in-title" className="panel">
      <h1 id="sign-in-title">Sign in</h1>
      <p>Parley has no passwords. Sign in with the passkey you created when you accepted your invitation.</p>
      <button type="button" className="primary" onClick={signIn} disabled={busy} data-testid="sign-in">
        {busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </button>
      <ErrorNotice error={error} />
      <p className="hint">New here? Open the invitation link your admin sent you.</p>
    </section>
  );
};
