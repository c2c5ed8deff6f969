/**
 * Who an entry is sealed to (docs/PROTOCOL.md §4.2): every active person of the stream's member
 * parties at their current key in the verified directory, the author included, plus the grantee
 * of a disclosure. Admins are left out: they manage people and never read content (domain.md §3).
 */
import { compareRecipients, type RecipientKey } from '../../shared/crypto/entry-recipients';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { PersonView } from '../../shared/schemas/identity';
import type { VerificationRecord } from '../crypto/verifications';
import { type BlockedRecipient, checkRecipients } from '../trust/recipient-check';

/** Sending is refused: one sentence per recipient that blocks it. */
export class RecipientsBlockedError extends Error {
  constructor(readonly blocked: readonly BlockedRecipient[]) {
    super(`Not sent. ${blocked.map((recipient) => recipient.message).join('. ')}.`);
    this.name = 'RecipientsBlockedError';
  }
}

export type RecipientInput = {
  readonly directory: DirectoryState;
  readonly people: readonly PersonView[];
  /** The author's verified contacts: a contact verified at another key than their current one blocks sending. */
  readonly verifications: readonly VerificationRecord[];
  readonly authorId: string;
  readonly members: readonly string[];
  readonly grantee?: string;
};

/** The ids of the people an entry of a stream with these member parties is sealed to (author first). */
export const recipientIdsFor = (
  people: readonly PersonView[],
  members: readonly string[],
  authorId: string,
  grantee?: string,
): string[] => {
  const parties = new Set(members);
  const ids = people
    .filter((person) => person.status === 'active' && person.role !== 'admin' && parties.has(person.party.id))
    .map((person) => person.id);
  return [...new Set([authorId, ...ids, ...(grantee === undefined ? [] : [grantee])])];
};

/**
 * The recipients' keys, sorted by (person, keyId). Throws {@link RecipientsBlockedError} when a
 * recipient's key changed since the author verified them, when one has no current key, or when
 * the server's people list names another key than the verified directory.
 */
export const streamRecipients = (input: RecipientInput): RecipientKey[] => {
  const { directory, people, verifications, authorId, members, grantee } = input;
  const ids = recipientIdsFor(people, members, authorId, grantee);
  const others = ids.filter((id) => id !== authorId);
  const verdict = checkRecipients({ directory, people, verifications, verificationsError: null }, others);
  const blocked: BlockedRecipient[] = [...verdict.blocked];
  const recipients: RecipientKey[] = [];
  for (const id of ids) {
    const key = directory.currentKey(id);
    const person = people.find((candidate) => candidate.id === id);
    if (!key) {
      if (id === authorId) {
        throw new Error('Your key is not in the verified directory: you cannot sign entries yet');
      }
      continue;
    }
    if (person?.keyId !== undefined && person.keyId !== key.keyId) {
      blocked.push({
        personId: id,
        name: person.name,
        reason: 'key-changed',
        message: `The server names another key for ${person.name} than the verified directory — reload and compare`,
      });
      continue;
    }
    recipients.push({ person: id, keyId: key.keyId, boxPublicKey: fromBase64url(key.boxKey) as BoxPublicKey });
  }
  if (blocked.length > 0) {
    throw new RecipientsBlockedError(blocked);
  }
  return recipients.sort(compareRecipients);
};
