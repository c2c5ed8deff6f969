/**
 * Who may read a stream's next entry, from signed records only: the verified key directory and
 * the stream's signed membership (docs/PROTOCOL.md §4.10). The sender seals to exactly these
 * people; every reader and the offline verifier flag an entry sealed to anyone else. What the
 * server says about people, parties and roles is never an input here.
 */
import { compareRecipients, type RecipientKey } from '../crypto/entry-recipients';
import type { BoxPublicKey } from '../crypto/identity-keys';
import type { DirectoryState, KeyRecord } from '../directory/index';
import { fromBase64url } from '../encoding/bytes';
import type { EntryHeader } from '../schemas/entry';

const recipientOf = (key: KeyRecord): RecipientKey => ({
  person: key.person,
  keyId: key.keyId,
  boxPublicKey: fromBase64url(key.boxKey) as BoxPublicKey,
});

/** Whether a key's holder reads a stream with these member parties: not an admin, of a member party. */
const isReaderKey = (key: KeyRecord, members: ReadonlySet<string>): boolean =>
  key.role !== 'admin' && members.has(key.party);

/**
 * The current keys an entry of a stream with member parties `members` is sealed to: every person
 * of a member party with a current key, except admins (who manage people and never read content),
 * plus `grantees` (a disclosure's) at their current keys. Sorted by (person, keyId).
 *
 * @throws {Error} when a grantee has no current key.
 */
export const streamReaderKeys = (
  directory: DirectoryState,
  members: ReadonlySet<string>,
  grantees: readonly string[] = [],
): { readonly keys: KeyRecord[]; readonly recipients: RecipientKey[] } => {
  const chosen = new Map<string, KeyRecord>();
  for (const person of directory.people()) {
    const key = directory.currentKey(person);
    if (key && isReaderKey(key, members)) {
      chosen.set(person, key);
    }
  }
  for (const person of grantees) {
    const key = directory.currentKey(person);
    if (!key) {
      throw new Error(`${person} has no current key in the directory: they cannot receive content`);
    }
    chosen.set(person, key);
  }
  const keys = [...chosen.values()].sort(compareRecipients);
  return { keys, recipients: keys.map(recipientOf) };
};

/**
 * Why each recipient of an entry at log position `position` should not have been sealed to, given
 * the stream's member parties before the entry: a key the directory does not bind to that person,
 * a key not valid at that position, an admin, someone outside the member parties (a disclosure's
 * grantee excepted), or, above the deployment's legacy boundary (§7.8), a key not yet endorsed
 * along its own party's chain at that position. Empty when every recipient is a reader.
 */
export const unexpectedRecipients = (
  header: EntryHeader,
  members: ReadonlySet<string>,
  directory: DirectoryState,
  position: number,
): string[] => {
  const grantee = header.type === 'disclosure' ? header.meta.grantee : undefined;
  const problems: string[] = [];
  for (const { person, keyId } of header.recipients) {
    const key = directory.keyRecord(keyId);
    if (!key || key.person !== person) {
      problems.push(`sealed to ${person} with key ${keyId}, which the directory does not bind to them`);
    } else if (!directory.isKeyValidAt(keyId, position)) {
      problems.push(`sealed to ${key.name} (${person}) with key ${keyId}, not valid at leaf ${position}`);
    } else if (person !== grantee && key.role === 'admin') {
      problems.push(`sealed to ${key.name} (${person}), an admin: admins never read content`);
    } else if (person !== grantee && !members.has(key.party)) {
      problems.push(
        `sealed to ${key.name} (${person}) of party ${key.party}, which is not a member of the stream at seq ${header.seq}`,
      );
    } else if (position >= directory.legacyBefore && !((key.endorsedAt ?? Number.POSITIVE_INFINITY) < position)) {
      problems.push(
        `sealed to ${key.name} (${person}) with key ${keyId}, which was not endorsed along party ${key.party}'s own chain at leaf ${position}`,
      );
    }
  }
  return problems;
};
