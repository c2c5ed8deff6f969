import { type ContentKey, computeKeyCommitment, openSealedKey } from '../../shared/crypto/content-key';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState } from '../../shared/directory/index';
import { equalBytes, fromBase64url } from '../../shared/encoding/bytes';
import type { EntryHeader } from '../../shared/schemas/entry';
import type { UnlockedKeyring } from './unlocked-keyring';

/**
 * The content key of an entry sealed to this person, recovered from their own sealed copy with
 * whichever key of their keyring it was sealed to (`openSealedKey`), and checked against the
 * signed key commitment so that only the key the author committed to is ever passed on.
 *
 * @throws {Error} when the entry was not sealed to a key this person holds, or the key is not the committed one.
 */
export const ownContentKey = (
  header: EntryHeader,
  personId: string,
  keyring: UnlockedKeyring,
  directory: DirectoryState,
): ContentKey => {
  for (const recipient of header.recipients) {
    const held = recipient.person === personId ? keyring.key(recipient.keyId) : undefined;
    const record = held ? directory.keyRecord(recipient.keyId) : undefined;
    if (!held || !record) {
      continue;
    }
    const boxPublicKey = fromBase64url(record.boxKey) as BoxPublicKey;
    const key = openSealedKey(fromBase64url(recipient.sealedKey), boxPublicKey, held.boxSecretKey);
    if (!equalBytes(computeKeyCommitment(key), fromBase64url(header.keyCommitment))) {
      throw new Error(`The key sealed to ${personId} in entry ${header.id} is not the one its header commits to`);
    }
    return key;
  }
  throw new Error(`Entry ${header.id} was not sealed to a key ${personId} holds: it cannot be disclosed by them`);
};
