import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { useT } from '../i18n/useT';
import { useKeyStatus, useSession, useSignedIn } from '../session/useSession';

/** Who is signed in, whether their keys are unlocked here, and the sign-out buttons. */
export const AccountBar = () => {
  const { t } = useT();
  const session = useSignedIn();
  const { signOut, signOutEverywhere } = useSession();
  const keys = useKeyStatus();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
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
        <Link to="/account" dir="auto" data-testid="account-link">
          {person.name}
        </Link>
        · {t(`account.role.${person.role}`)} · <span dir="auto">{person.party.name}</span>
      </span>
      {isUnlocked ? (
        <span className="badge ok" data-testid="key-status">
          {t('account.keysUnlocked')}
        </span>
      ) : (
        <Link className="badge locked" to="/unlock" data-testid="key-status">
          {t('account.lockedUnlock')}
        </Link>
      )}
      <button type="button" onClick={() => run(signOut)} data-testid="sign-out">
        {t('account.signOut')}
      </button>
      <button type="button" onClick={() => setConfirming(true)} data-testid="sign-out-everywhere">
        {t('account.signOutEverywhere')}
      </button>
      {confirming ? (
        <ConfirmDialog
          open
          title={t('account.signOutEverywhere')}
          confirmLabel={t('account.signOutEverywhere')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            run(signOutEverywhere);
          }}
        >
          <p>{t('account.confirmSignOutEverywhere')}</p>
        </ConfirmDialog>
      ) : null}
      <ErrorNotice error={error} />
    </div>
  );
};
