import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { useKeyStatus, useSession, useSignedIn } from '../session/useSession';

/** Who is signed in, whether their keys are unlocked here, and the sign-out buttons. */
export const AccountBar = () => {
  const session = useSignedIn();
  const { signOut, signOutEverywhere } = useSession();
  const keys = useKeyStatus();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  if (!session) {
    return null;
  }
  const { person } = session;
  const isUnlocked = keys.state === 'unlocked' && keys.personId === person.id;
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().then(
      () => void navigate('/'),
      (failure: unknown) => {
        setError(failure);
        void navigate('/');
      },
    );
  };
  return (
    <div className="account">
      <span data-testid="signed-in-as">
        {person.name} · {person.role} · {person.party.name}
      </span>
      {isUnlocked ? (
        <span className="badge ok" data-testid="key-status">
          Keys unlocked
        </span>
      ) : (
        <Link className="badge locked" to="/unlock" data-testid="key-status">
          Locked — unlock
        </Link>
      )}
      <button type="button" onClick={() => run(signOut)} data-testid="sign-out">
        Sign out
      </button>
      <button type="button" onClick={() => run(signOutEverywhere)} data-testid="sign-out-everywhere">
        Sign out everywhere
      </button>
      <ErrorNotice error={error} />
    </div>
  );
};
