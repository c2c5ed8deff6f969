import { LockedNotice } from '../../components/LockedNotice';
import { useT } from '../../i18n/useT';
import { useIsUnlocked, useSignedIn } from '../../session/useSession';
import { useTrust } from '../../trust/useTrust';
import { PasskeyList } from './PasskeyList';
import { PassphraseChangeForm } from './PassphraseChangeForm';

/**
 * The person's own account: their passkeys (add, name, remove) and the passphrase that unlocks
 * their keys where a passkey cannot. Everything is signed with their current key, from the log's
 * directory; nothing here is decided by what the server says about them.
 */
export const AccountPage = () => {
  const { t } = useT('account');
  const session = useSignedIn();
  const isUnlocked = useIsUnlocked();
  const { state: trust } = useTrust();
  if (!session) {
    return null;
  }
  const { person } = session;
  const keyId = trust.status === 'ready' ? trust.directory.currentKey(person.id)?.keyId : undefined;
  return (
    <section aria-labelledby="account-title" data-testid="account-page">
      <h1 id="account-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {isUnlocked ? null : <LockedNotice action={t('lockedAction')} />}
      <PasskeyList personId={person.id} keyId={keyId} currentCredential={session.credentialId} canSign={isUnlocked} />
      <PassphraseChangeForm personId={person.id} keyId={keyId} canSign={isUnlocked} />
    </section>
  );
};
