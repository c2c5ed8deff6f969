/**
 * Whether the signed-in person may seal to a stream's readers now, and why not (docs/PROTOCOL.md
 * §4.10): the readers come from the verified directory and the stream's signed membership alone
 * (client/core/recipient-choice); this adds the sentences people read, with party names, and
 * blocks sending while the server's people list contradicts the log about anyone.
 */
import {
  type BlockReason,
  chooseRecipients,
  type Reader,
  type RecipientChoice,
  type TrustPins,
} from '../core/recipient-choice';
import type { VerifiedContacts } from '../crypto/verifications';
import type { BlockText } from './block-text';
import { keyChangedMessage } from './contact-view';
import { partyLabel } from './party-view';
import type { TrustData } from './trust-context';

/**
 * Someone who blocks sending, and why: `text` for the screen to word in the reader's language,
 * `message` the same sentence in English for errors and the SDK.
 */
export type BlockedRecipient = {
  readonly personId: string;
  readonly name: string;
  readonly reason: BlockReason | 'no-key' | 'people-hint';
  readonly text: BlockText;
  readonly message: string;
};

export type SendVerdict = {
  readonly canSend: boolean;
  readonly blocked: readonly BlockedRecipient[];
  /** Everyone the entry would be sealed to, the author excepted. */
  readonly readers: readonly Reader[];
  /** Readers whose key this person never verified: sending is allowed, but worth a nudge. */
  readonly unverified: readonly Reader[];
  /** The recipient choice itself, when one could be made. */
  readonly choice: RecipientChoice | null;
};

export type SendInput = {
  readonly authorId: string;
  readonly members: readonly string[];
  readonly grantees?: readonly string[];
  /** `person keyId` of the recipients of the author's last entry in the stream, or null if none. */
  readonly previousRecipients?: ReadonlySet<string> | null;
};

/** The pins a person's verified contacts hold, as the client core takes them. */
const trustPins = (contacts: VerifiedContacts): TrustPins => ({
  parties: contacts.parties.map(({ party, root, rootKeyId }) => ({ party, root, rootKeyId })),
  contacts: contacts.people.map(({ person, keyId }) => ({ person, keyId })),
});

const blockText = (data: TrustData, reader: Reader, reason: BlockReason): BlockText => {
  const party = partyLabel(data, reader.party);
  switch (reason) {
    case 'no-party-root':
      return { kind: reason, name: reader.name, role: reader.role, party };
    case 'party-root-changed':
      return { kind: reason, name: reader.name, party };
    case 'not-party-endorsed': {
      const endorsers = reader.endorsedBy.map((admin) => ({ name: admin.name, party: partyLabel(data, admin.party) }));
      return { kind: reason, name: reader.name, role: reader.role, party, endorsers };
    }
    case 'key-changed':
      return { kind: reason, name: reader.name };
  }
};

const sentence = (data: TrustData, reader: Reader, reason: BlockReason): string => {
  const party = partyLabel(data, reader.party);
  const who = `${reader.name} (${reader.role}, ${party})`;
  switch (reason) {
    case 'no-party-root':
      return `${who}: their party has no root in the log, so no one vouches for them — nothing is sealed to them`;
    case 'party-root-changed':
      return `The root of ${party} is not the one you verified — compare its party safety number again before sending to ${reader.name}`;
    case 'not-party-endorsed': {
      const by = reader.endorsedBy.map((admin) => `${admin.name} of ${partyLabel(data, admin.party)}`).join(', ');
      return `${who} was not endorsed along their own party's chain (endorsed by ${by || 'no one'}) — nothing is sealed to them`;
    }
    case 'key-changed':
      return keyChangedMessage(reader.name);
  }
};

/** A sentence with the party ids it carries replaced by the parties' names. */
const withPartyNames = (data: TrustData, text: string): string =>
  data.parties.reduce((named, party) => named.replaceAll(party.id, party.name), text);

/** The people-list contradictions, as blocking sentences naming each person. */
const conflictBlocks = (data: TrustData): BlockedRecipient[] =>
  data.conflicts.map((conflict) => {
    const detail = withPartyNames(data, conflict.reason);
    return {
      personId: conflict.person,
      name: conflict.name,
      reason: 'people-hint',
      text: { kind: 'people-hint', name: conflict.name, detail },
      message: `The server describes ${conflict.name} otherwise than the signed log (${detail}) — nothing is sent while it does`,
    };
  });

/** Who the next entry would be sealed to, and whether it may be sent. */
export const sendVerdict = (
  data: TrustData & { readonly verifications: VerifiedContacts },
  input: SendInput,
): SendVerdict => {
  const pins = trustPins(data.verifications);
  let choice: RecipientChoice;
  try {
    choice = chooseRecipients({
      directory: data.directory,
      members: new Set(input.members),
      authorId: input.authorId,
      grantees: input.grantees ?? [],
      partyPins: pins.parties,
      contactPins: pins.contacts,
      previousRecipients: input.previousRecipients ?? null,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const blocked: BlockedRecipient[] = [
      { personId: '', name: '', reason: 'no-key', text: { kind: 'no-key', detail: message }, message },
      ...conflictBlocks(data),
    ];
    return { canSend: false, blocked, readers: [], unverified: [], choice: null };
  }
  const blocked: BlockedRecipient[] = [
    ...choice.blocked.map((reader) => ({
      personId: reader.person,
      name: reader.name,
      reason: reader.reason,
      text: blockText(data, reader, reader.reason),
      message: sentence(data, reader, reader.reason),
    })),
    ...conflictBlocks(data),
  ];
  return {
    canSend: blocked.length === 0,
    blocked,
    readers: choice.readers,
    unverified: choice.readers.filter((reader) => !reader.isPersonVerified),
    choice,
  };
};
