import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type SignInResult, signInWithPasskey } from '../../crypto/sign-in';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/useSession';

/** "Sign in with a passkey": no user name, the browser offers this site's passkeys. */
export const SignInPanel = ({ onSignedIn }: { onSignedIn: (result: SignInResult) => void }) => {
  const { t: ts } = useT('screens');
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
      <h1 id="sign-in-title">{ts('signIn.title')}</h1>
      <p>{ts('signIn.intro')}</p>
      <button type="button" className="primary" onClick={signIn} disabled={busy} data-testid="sign-in">
        {busy ? ts('signIn.waiting') : ts('signIn.button')}
      </button>
      <ErrorNotice error={error} />
      <p className="hint">{ts('signIn.newHere')}</p>
    </section>
  );
};
