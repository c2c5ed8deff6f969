/**
 * Entries disclosed to the reader (docs/PROTOCOL.md §5): a `disclosure` of the same stream, whose
 * signature holds and whose signed header names the reader as grantee, hands over content keys for
 * the entries its signed `refs` name (a key for any other entry is ignored). Each key is checked
 * against the entry's signed key commitment before it touches the ciphertext
 * (`openEntryWithContentKey`), so it can only open the plaintext the author signed.
 */
import { asContentKey, type ContentKey } from '../../shared/crypto/content-key';
import { openEntryWithContentKey } from '../../shared/crypto/entry-open';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { StoredEntry } from '../../shared/schemas/stream';
import { type ContentOutcome, decodeOpened, reasonOf } from './open-content';
import type { VerifiedEntry } from './read-stream';

/** How an entry not sealed to the reader was opened with a key disclosed to them. */
export type DisclosureAccess =
  /** The key matched the signed commitment and the content decrypted and decoded. */
  | { readonly state: 'opened'; readonly by: string }
  /** The key was refused (not the committed one) or the content did not open. */
  | { readonly state: 'refused'; readonly by: string; readonly reason: string }
  /** A key was granted but the server sent no ciphertext. */
  | { readonly state: 'withheld'; readonly by: string };

type Grant = { readonly key: ContentKey; readonly by: string };

// Every key granted per entry, in chain order: one member handing over a wrong key must not stop
// another's right key from opening the entry.
const grantsTo = (entries: readonly VerifiedEntry[], personId: string): Map<string, Grant[]> => {
  const grants = new Map<string, Grant[]>();
  for (const { entry, content, checks } of entries) {
    const isToMe = entry.header.type === 'disclosure' && entry.header.meta.grantee === personId;
    if (!isToMe || checks.signature.state !== 'valid' || content.state !== 'decrypted') {
      continue;
    }
    if (content.content.type !== 'disclosure') {
      continue;
    }
    for (const grant of content.content.grants) {
      if (entry.header.refs.includes(grant.entryHash)) {
        const key = asContentKey(fromBase64url(grant.contentKey));
        grants.set(grant.entryHash, [...(grants.get(grant.entryHash) ?? []), { key, by: entry.entryHash }]);
      }
    }
  }
  return grants;
};

const openGranted = (stored: StoredEntry, ciphertext: string, key: ContentKey): ContentOutcome => {
  try {
    const plaintext = openEntryWithContentKey({ header: stored.header, signature: stored.signature, ciphertext }, key);
    return decodeOpened(plaintext, stored.header, stored.entryHash);
  } catch (error) {
    return { state: 'unreadable', reason: reasonOf(error) };
  }
};

// The first granted key that opens the entry; else the first refusal.
const openWithGrants = (
  stored: StoredEntry,
  ciphertext: string,
  grants: readonly Grant[],
): { content: ContentOutcome; disclosure: DisclosureAccess } => {
  let refusal: { content: ContentOutcome; disclosure: DisclosureAccess } | undefined;
  for (const grant of grants) {
    const content = openGranted(stored, ciphertext, grant.key);
    if (content.state === 'decrypted') {
      return { content, disclosure: { state: 'opened', by: grant.by } };
    }
    const reason = content.state === 'unreadable' ? content.reason : content.state;
    refusal ??= { content, disclosure: { state: 'refused', by: grant.by, reason } };
  }
  return refusal as { content: ContentOutcome; disclosure: DisclosureAccess };
};

/**
 * `entries` (aligned with `stored`) with every entry not sealed to `personId` but disclosed to
 * them opened with a granted key, and marked with how. Entries with an invalid signature are
 * left closed, as for recipients.
 */
export const openDisclosed = (
  stored: readonly StoredEntry[],
  entries: readonly VerifiedEntry[],
  personId: string,
): VerifiedEntry[] => {
  const grants = grantsTo(entries, personId);
  return entries.map((item, index): VerifiedEntry => {
    const granted = grants.get(item.entry.entryHash);
    const source = stored[index];
    const first = granted?.[0];
    if (
      !granted ||
      !first ||
      !source ||
      item.content.state !== 'no-access' ||
      item.checks.signature.state !== 'valid'
    ) {
      return item;
    }
    if (source.ciphertext === undefined) {
      return { ...item, disclosure: { state: 'withheld', by: first.by } };
    }
    const { content, disclosure } = openWithGrants(source, source.ciphertext, granted);
    return {
      ...item,
      content,
      entry: content.state === 'decrypted' ? { ...item.entry, content: content.content } : item.entry,
      disclosure,
    };
  });
};
