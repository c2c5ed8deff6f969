import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { LockReason } from '../../crypto/keyring-store';
import { storePendingVaultCopy } from '../../crypto/recovered-passkey-copy';
import { unlockWithPasskey } from '../../crypto/sign-in';
import { unlockOptions, unlockWithPassphrase, unlockWithRecoveryKey } from '../../crypto/vault-unlock';
import { useT } from '../../i18n/useT';
import { useKeyStatus, useSession, useSignedIn } from '../../session/useSession';
import { SecretUnlockForm } from './SecretUnlockForm';

const reasonKey = (reason: LockReason) => `reason.${reason}` as const;

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
  const { t } = useT('sign-in');
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
          setPasskeyError(result.unlockError ?? new Error(t('noPrf')));
        }
      },
    );
  };
  return (
    <section aria-labelledby="unlock-title" className="panel" data-testid="unlock-panel">
      <h1 id="unlock-title">{t('title')}</h1>
      <p>{notice ?? (keys.state === 'locked' ? t(reasonKey(keys.reason)) : '')}</p>
      <p className="hint">{t('memoryOnly')}</p>
      {options.status === 'loading' ? <Loading what={t('lookingUp')} /> : null}
      <ErrorNotice error={options.status === 'error' ? options.error : null} />
      {options.status === 'ready' && options.data.prf && offerPasskey ? (
        <div className="stack">
          <button type="button" className="primary" onClick={withPasskey} disabled={busy} data-testid="unlock-passkey">
            {busy ? t('waitingForPasskey') : t('withPasskey')}
          </button>
          <ErrorNotice error={passkeyError} testId="unlock-passkey-error" />
        </div>
      ) : null}
      {options.status === 'ready' && options.data.passphrase ? (
        <SecretUnlockForm
          kind="passphrase"
          label={t('passphrase.label')}
          hint={t('passphrase.hint')}
          submitLabel={t('passphrase.submit')}
          onUnlock={(secret) => unlockWithPassphrase(personId, secret).then(() => sealToRecoveredPasskey(personId))}
        />
      ) : null}
      {options.status === 'ready' && options.data.recovery ? (
        <SecretUnlockForm
          kind="recovery"
          label={t('recovery.label')}
          hint={t('recovery.hint')}
          submitLabel={t('recovery.submit')}
          onUnlock={(secret) => unlockWithRecoveryKey(personId, secret).then(() => sealToRecoveredPasskey(personId))}
        />
      ) : null}
    </section>
  );
};
