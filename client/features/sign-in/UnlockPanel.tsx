import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { LockReason } from '../../crypto/keyring-store';
import { storePendingVaultCopy } from '../../crypto/recovered-passkey-copy';
import { unlockWithPasskey } from '../../crypto/sign-in';
import { unlockOptions, unlockWithPassphrase, unlockWithRecoveryKey } from '../../crypto/vault-unlock';
import { useKeyStatus, useSession, useSignedIn } from '../../session/useSession';
import { SecretUnlockForm } from './SecretUnlockForm';

const REASONS: Record<LockReason, string> = {
  'not-unlocked': 'Your keys are not unlocked in this tab.',
  'signed-out': 'Your keys are not unlocked in this tab.',
  idle: 'Your keys were locked after 15 minutes without activity.',
  hidden: 'Your keys were locked while this tab was hidden.',
  'other-person': 'The keys of the previous person were dropped.',
};

/**
 * After an unlock, gives a passkey just made through a recovery link its own vault copy. The
 * person is unlocked either way; a failure keeps the passkey's output for the next unlock.
 */
const sealToRecoveredPasskey = async (personId: string): Promise<void> => {
  await storePendingVaultCopy(personId).catch(() => false);
};

/**
 * Unlocks the signed-in person's keys: passkey (PRF), passphrase or recovery key. `offerPasskey`
 * is false right after a sign-in whose passkey gave no PRF output on this device.
 */
export const UnlockPanel = ({
  notice,
  offerPasskey = true,
}: {
  notice?: string | undefined;
  offerPasskey?: boolean;
}) => {
  const session = useSignedIn();
  const { adopt } = useSession();
  const keys = useKeyStatus();
  const credentialId = session?.credentialId ?? '';
  const [options] = useQuery(() => unlockOptions(credentialId), [credentialId]);
  const { busy, error: passkeyError, run, setError: setPasskeyError } = useAction();
  if (!session) {
    return null;
  }
  const personId = session.person.id;
  const withPasskey = () => {
    run(
      () => unlockWithPasskey(session),
      (result) => {
        adopt(result.session);
        if (!result.unlocked) {
          setPasskeyError(
            result.unlockError ??
              new Error('This passkey gave no PRF output on this device: use your passphrase or recovery key'),
          );
        }
      },
    );
  };
  return (
    <section aria-labelledby="unlock-title" className="panel" data-testid="unlock-panel">
      <h1 id="unlock-title">Locked — unlock your keys</h1>
      <p>{notice ?? (keys.state === 'locked' ? REASONS[keys.reason] : '')}</p>
      <p className="hint">
        Your private keys stay in this tab's memory only. They are dropped when you sign out, after 15 minutes without
        activity, and after 5 minutes with the tab hidden.
      </p>
      {options.status === 'loading' ? <Loading what="Looking up your key vaults" /> : null}
      <ErrorNotice error={options.status === 'error' ? options.error : null} />
      {options.status === 'ready' && options.data.prf && offerPasskey ? (
        <div className="stack">
          <button type="button" className="primary" onClick={withPasskey} disabled={busy} data-testid="unlock-passkey">
            {busy ? 'Waiting for your passkey…' : 'Unlock with your passkey'}
          </button>
          <ErrorNotice error={passkeyError} testId="unlock-passkey-error" />
        </div>
      ) : null}
      {options.status === 'ready' && options.data.passphrase ? (
        <SecretUnlockForm
          kind="passphrase"
          label="Unlock passphrase"
          hint="The passphrase you chose at enrolment (at least 12 characters)."
          submitLabel="Unlock with passphrase"
          onUnlock={(secret) => unlockWithPassphrase(personId, secret).then(() => sealToRecoveredPasskey(personId))}
        />
      ) : null}
      {options.status === 'ready' && options.data.recovery ? (
        <SecretUnlockForm
          kind="recovery"
          label="Recovery key"
          hint="The 55-character key you stored at enrolment; dashes and spaces do not matter."
          submitLabel="Unlock with recovery key"
          onUnlock={(secret) => unlockWithRecoveryKey(personId, secret).then(() => sealToRecoveredPasskey(personId))}
        />
      ) : null}
    </section>
  );
};
