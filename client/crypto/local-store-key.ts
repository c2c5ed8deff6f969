import { type LocalStoreKey, localStoreKey } from '../../shared/crypto/local-store-seal';
import { getKeyStatus, withKeys } from './keyring-store';

/**
 * Runs `use` with the key of the person's local store (client/store), derived from the box secret
 * key of the oldest key of their unlocked keyring and zeroed right after; null without calling
 * `use` when their keys are locked in this tab, so a locked tab reads and writes nothing.
 */
export const withLocalStoreKey = <T>(personId: string, use: (key: LocalStoreKey) => T): T | null => {
  const status = getKeyStatus();
  if (status.state !== 'unlocked' || status.personId !== personId) {
    return null;
  }
  const key = withKeys(personId, (keys) => {
    const oldest = keys[0];
    return oldest ? localStoreKey(oldest.boxSecretKey, personId) : null;
  });
  if (key === null) {
    return null;
  }
  try {
    return use(key);
  } finally {
    key.fill(0);
  }
};
