/**
 * The order and uniqueness of an entry's recipients.
 * Spec: docs/PROTOCOL.md#41-header-fields
 */
import type { BoxPublicKey } from './identity-keys';

/** Who an entry is sealed to, before sealing: a person's key id and X25519 public key. */
export type RecipientKey = {
  readonly person: string;
  readonly keyId: string;
  readonly boxPublicKey: BoxPublicKey;
};

type RecipientName = { readonly person: string; readonly keyId: string };

// Person ids and key ids are ASCII, so UTF-16 code-unit order is byte order.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders recipients by person, then key id, both compared byte-wise (ASCII). */
export const compareRecipients = (a: RecipientName, b: RecipientName): number =>
  compareText(a.person, b.person) || compareText(a.keyId, b.keyId);

/** Whether recipients are strictly ascending by (person, keyId): sorted and without duplicates. */
export const areRecipientsCanonical = (recipients: readonly RecipientName[]): boolean =>
  recipients.every((recipient, index) => {
    const previous = recipients[index - 1];
    return previous === undefined || compareRecipients(previous, recipient) < 0;
  });

/** Whether (person, keyId) is among the recipients. */
export const hasRecipient = (recipients: readonly RecipientName[], wanted: RecipientName): boolean =>
  recipients.some((recipient) => recipient.person === wanted.person && recipient.keyId === wanted.keyId);
