/**
 * Receipts: which parties an entry was sent to have signed that they received it, and which are
 * still awaited. A receipt proves delivery, not agreement (domain.md §3), and ends "we never
 * received your list".
 */
import type { DecryptedEntry } from './decrypted-entry';
import { answersOf, type EntryIndex, indexEntries, retractionOf } from './entry-corrections';

/** What a receipt needs to know of a person: their party. `PersonView` fits. */
export type PersonParty = { readonly id: string; readonly party: { readonly id: string } };

/** One party's first receipt in force. */
export type Receipt = {
  readonly party: string;
  readonly person: string;
  readonly entryHash: string;
  readonly claimedAt: string;
  readonly receivedAt: string;
};

/** Receipts of one entry. */
export type Receipts = {
  readonly entryHash: string;
  /** Parties other than the author's with a recipient among `recipients`. */
  readonly recipientParties: readonly string[];
  readonly acknowledged: readonly Receipt[];
  /** Recipient parties without a receipt. */
  readonly awaited: readonly string[];
  /** Recipients not found in `people`: their party cannot be told. */
  readonly unknownRecipients: readonly string[];
};

/**
 * Receipts of `entry` among `entries`: `acknowledgement` entries of its stream whose `refs[0]` is
 * its hash, written by one of its recipients of another party, not retracted.
 */
export const receiptsFor = (
  entry: DecryptedEntry,
  entries: readonly DecryptedEntry[],
  people: readonly PersonParty[],
  index: EntryIndex = indexEntries(entries),
): Receipts => {
  const partyOf = new Map(people.map((person) => [person.id, person.party.id]));
  const author = entry.header.author.party;
  const recipients = entry.header.recipients.map((recipient) => recipient.person);
  const unknownRecipients = recipients.filter((person) => !partyOf.has(person));
  const recipientParties = [
    ...new Set(recipients.flatMap((person) => partyOf.get(person) ?? []).filter((party) => party !== author)),
  ];
  const acknowledged: Receipt[] = [];
  for (const receipt of answersOf(entry, index, 'acknowledgement')) {
    const { party, person } = receipt.header.author;
    if (
      party === author ||
      receipt.header.stream !== entry.header.stream ||
      !recipients.includes(person) ||
      acknowledged.some((known) => known.party === party) ||
      retractionOf(receipt, index)
    ) {
      continue;
    }
    const { entryHash, receivedAt } = receipt;
    acknowledged.push({ party, person, entryHash, claimedAt: receipt.header.claimedAt, receivedAt });
  }
  const awaited = recipientParties.filter((party) => !acknowledged.some((receipt) => receipt.party === party));
  return { entryHash: entry.entryHash, recipientParties, acknowledged, awaited, unknownRecipients };
};
