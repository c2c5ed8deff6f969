import { compareRecipients, type RecipientKey } from '../../shared/crypto/entry-recipients';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState, KeyRecord } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';

const recipientOf = (key: KeyRecord): RecipientKey => ({
  person: key.person,
  keyId: key.keyId,
  boxPublicKey: fromBase64url(key.boxKey) as BoxPublicKey,
});

/**
 * Who an entry of a stream is sealed to, from the verified key directory only: every person of
 * the stream's member parties who holds a current key (pending and revoked people hold none), at
 * that key, except admins, who manage people and never read content, plus `extra` people (a disclosure's grantee) at theirs. Sorted by
 * (person, keyId) as the header requires.
 *
 * @throws {Error} when an `extra` person has no current key.
 */
export const streamRecipients = (
  directory: DirectoryState,
  members: ReadonlySet<string>,
  extra: readonly string[] = [],
): RecipientKey[] => {
  const chosen = new Map<string, RecipientKey>();
  for (const person of directory.people()) {
    const key = directory.currentKey(person);
    if (key && key.role !== 'admin' && members.has(key.party)) {
      chosen.set(person, recipientOf(key));
    }
  }
  for (const person of extra) {
    const key = directory.currentKey(person);
    if (!key) {
      throw new Error(`${person} has no current key in the directory: they cannot receive content`);
    }
    chosen.set(person, recipientOf(key));
  }
  return [...chosen.values()].sort(compareRecipients);
};
