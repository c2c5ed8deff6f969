/**
 * Who a new entry is sealed to, and whether the sender may go ahead (docs/PROTOCOL.md §4.10): the
 * readers come from the verified directory and the stream's signed membership alone; each is
 * judged by their party's root, pinned by the sender out of band, and by the chain that endorsed
 * them. One implementation for the browser and the Node SDK.
 */
import type { RecipientKey } from '../../shared/crypto/entry-recipients';
import type { DirectoryState, KeyRecord } from '../../shared/directory/index';
import { streamReaderKeys } from '../../shared/membership/stream-readers';

/** A party root the sender verified out of band (its party safety number), as they stored it. */
export type PartyPin = { readonly party: string; readonly root: string; readonly rootKeyId: string };

/** A person the sender verified (their safety number), at one of their keys. */
export type ContactPin = { readonly person: string; readonly keyId: string };

/** What a client verified out of band: party roots and people. */
export type TrustPins = { readonly parties: readonly PartyPin[]; readonly contacts: readonly ContactPin[] };

/** Someone the entry would be sealed to, as the sender should see them before it is. */
export type Reader = {
  readonly person: string;
  readonly keyId: string;
  readonly name: string;
  readonly party: string;
  readonly role: KeyRecord['role'];
  /** Who endorsed their key (names from the directory), empty for a party root. */
  readonly endorsedBy: readonly { readonly person: string; readonly name: string; readonly party: string }[];
  /** The sender verified this reader's party root out of band and it has not changed. */
  readonly isPartyVerified: boolean;
  /** The sender verified this person's own key. */
  readonly isPersonVerified: boolean;
};

export type BlockReason = 'no-party-root' | 'party-root-changed' | 'not-party-endorsed' | 'key-changed';

/** A reader nothing may be sealed to, and the sentence that says why, naming them. */
export type BlockedReader = Reader & { readonly reason: BlockReason; readonly message: string };

export type RecipientChoice = {
  /** The sealed-box recipients, sorted as the header requires, the author included. */
  readonly recipients: readonly RecipientKey[];
  /** Every reader but the author. */
  readonly readers: readonly Reader[];
  /** Readers that block sending. */
  readonly blocked: readonly BlockedReader[];
  /** Readers the sender's last entry in this stream was not sealed to (all, without one): confirm before sealing. */
  readonly newReaders: readonly Reader[];
};

export type RecipientChoiceInput = {
  readonly directory: DirectoryState;
  readonly members: ReadonlySet<string>;
  readonly authorId: string;
  /** A disclosure's grantee. */
  readonly grantees?: readonly string[];
  readonly partyPins: readonly PartyPin[];
  readonly contactPins: readonly ContactPin[];
  /** `person keyId` of the recipients of the sender's last entry in the stream, or null if none. */
  readonly previousRecipients: ReadonlySet<string> | null;
};

const readerOf = (directory: DirectoryState, key: KeyRecord, input: RecipientChoiceInput): Reader => {
  const root = directory.partyRecord(key.party);
  const pin = input.partyPins.find((candidate) => candidate.party === key.party);
  return {
    person: key.person,
    keyId: key.keyId,
    name: key.name,
    party: key.party,
    role: key.role,
    endorsedBy: key.endorsedBy.map((admin) => {
      const record = directory.currentKey(admin) ?? directory.keys().find((candidate) => candidate.person === admin);
      return { person: admin, name: record?.name ?? admin, party: record?.party ?? '' };
    }),
    isPartyVerified: root !== undefined && pin?.root === root.root && pin.rootKeyId === root.rootKeyId,
    isPersonVerified: input.contactPins.some((contact) => contact.person === key.person && contact.keyId === key.keyId),
  };
};

const blockOf = (directory: DirectoryState, key: KeyRecord, reader: Reader, input: RecipientChoiceInput) => {
  const root = directory.partyRecord(key.party);
  const pin = input.partyPins.find((candidate) => candidate.party === key.party);
  const who = `${reader.name} (${reader.role}, party ${reader.party})`;
  if (!root) {
    return {
      reason: 'no-party-root',
      message: `${who}: their party has no root in the log, so no one vouches for them`,
    } as const;
  }
  if (pin && (pin.root !== root.root || pin.rootKeyId !== root.rootKeyId)) {
    return {
      reason: 'party-root-changed',
      message: `${who}: the root of their party is not the one you verified — compare the party safety number again`,
    } as const;
  }
  if (!key.partyEndorsed) {
    const endorsers = reader.endorsedBy.map((admin) => `${admin.name} of party ${admin.party || 'unknown'}`).join(', ');
    return {
      reason: 'not-party-endorsed',
      message: `${who} was not endorsed along their own party's chain (endorsed by ${endorsers || 'no one: bootstrapped'})`,
    } as const;
  }
  const verifiedAtOtherKey = input.contactPins.some(
    (contact) => contact.person === key.person && contact.keyId !== key.keyId,
  );
  if (verifiedAtOtherKey && !reader.isPersonVerified) {
    return {
      reason: 'key-changed',
      message: `${who} has a new key since you verified them: compare safety numbers again`,
    } as const;
  }
  return null;
};

/**
 * The readers of the next entry of a stream with member parties `members`, the recipients to seal
 * to, who blocks sending and who is new since the sender's last entry.
 *
 * @throws {Error} when the author holds no current key, or a grantee has none.
 */
export const chooseRecipients = (input: RecipientChoiceInput): RecipientChoice => {
  const { directory, members, authorId } = input;
  const author = directory.currentKey(authorId);
  if (!author) {
    throw new Error('Your key is not in the verified directory: you cannot sign entries');
  }
  const chosen = streamReaderKeys(directory, members, [...(input.grantees ?? []), authorId]);
  const readers: Reader[] = [];
  const blocked: BlockedReader[] = [];
  for (const key of chosen.keys) {
    if (key.person === authorId) {
      continue;
    }
    const reader = readerOf(directory, key, input);
    readers.push(reader);
    const block = blockOf(directory, key, reader, input);
    if (block) {
      blocked.push({ ...reader, ...block });
    }
  }
  const previous = input.previousRecipients;
  const newReaders = readers.filter((reader) => !previous?.has(`${reader.person} ${reader.keyId}`));
  return { recipients: chosen.recipients, readers, blocked, newReaders };
};
