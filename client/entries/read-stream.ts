/**
 * Reading a case or thread as a client must (docs/PROTOCOL.md §4.7): every signature against the
 * verified directory, the hash chain, inclusion under the accepted checkpoint, then the content
 * this reader can open. Content is only opened for entries whose signature holds.
 */
import type { DecryptedEntry } from '../../shared/content/decrypted-entry';
import type { DirectoryState } from '../../shared/directory/index';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import { checkChain, checkSignature, digestEntry, type EntryCheck, type EntryDigest } from './entry-checks';
import type { AcceptedCheckpoint } from './entry-context';
import { fetchStream } from './fetch-stream';
import { type ContentOutcome, openContent } from './open-content';
import { type DisclosureAccess, openDisclosed } from './open-disclosed';
import { proveInclusion } from './prove-inclusion';

/** One entry after every check, with its content where this reader could open it. */
export type VerifiedEntry = {
  /** Header, log position and content (absent unless decrypted): what the shared derivations read. */
  readonly entry: DecryptedEntry;
  readonly content: ContentOutcome;
  readonly checks: { readonly signature: EntryCheck; readonly chain: EntryCheck; readonly inclusion: EntryCheck };
  /** Present when the entry was not sealed to this reader but its content key was disclosed to them. */
  readonly disclosure?: DisclosureAccess;
};

/** A stream as this browser verified it. */
export type VerifiedStream = {
  readonly stream: StreamView;
  readonly entries: readonly VerifiedEntry[];
  /** Member parties as the signed chain says (opening entry, then membership changes). */
  readonly members: readonly string[];
  /** Every signature and chain link holds: the only state in which a client extends the stream. */
  readonly isIntact: boolean;
  /** The last entry's seq and recomputed hash: what the next entry extends. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
};

/** Members folded from the verified chain, never taken from the server's stream view. */
const membersOf = (entries: readonly VerifiedEntry[]): string[] => {
  const members = new Set<string>();
  for (const { entry, checks } of entries) {
    if (checks.signature.state !== 'valid' || checks.chain.state !== 'valid') {
      break;
    }
    const { meta } = entry.header;
    for (const party of [...(meta.members ?? []), ...(entry.header.type === 'membership' ? (meta.add ?? []) : [])]) {
      members.add(party);
    }
    for (const party of entry.header.type === 'membership' ? (meta.remove ?? []) : []) {
      members.delete(party);
    }
  }
  return [...members];
};

/** An entry's signature check, and its content where the signature holds. */
type Opened = { readonly signature: EntryCheck; readonly content: ContentOutcome };

const checkAndOpen = (
  stored: StoredEntry,
  digest: EntryDigest,
  personId: string,
  directory: DirectoryState,
): Opened => {
  const signature = checkSignature(stored, directory, digest);
  const content: ContentOutcome =
    signature.state === 'valid'
      ? openContent(stored, stored.entryHash, personId, directory)
      : stored.ciphertext === undefined
        ? { state: 'no-access' }
        : { state: 'unreadable', reason: 'Not opened: the signature does not verify' };
  return { signature, content };
};

const verifiedEntry = (
  stored: StoredEntry,
  { signature, content }: Opened,
  chain: EntryCheck,
  inclusion: EntryCheck,
): VerifiedEntry => {
  const entry: DecryptedEntry = {
    header: stored.header,
    entryHash: stored.entryHash,
    leafIndex: stored.leafIndex,
    receivedAt: stored.receivedAt,
    ...(content.state === 'decrypted' ? { content: content.content } : {}),
  };
  return { entry, content, checks: { signature, chain, inclusion } };
};

/**
 * Fetches and verifies one stream. `checkpoint` is the log monitor's latest accepted one (null
 * leaves inclusion unchecked). Entries disclosed to the reader in the stream are opened too. Entries of a broken chain are still shown, marked as broken.
 */
export const readStream = async (
  streamId: string,
  personId: string,
  directory: DirectoryState,
  checkpoint: AcceptedCheckpoint | null,
): Promise<VerifiedStream> => {
  const { stream, entries } = await fetchStream(streamId);
  // Each header canonicalised and hashed once, for the chain, the inclusion and the signature.
  const digests = entries.map(digestEntry);
  const chain = checkChain(stream, entries, digests);
  // Requested first (the request leaves before the checks below start), so that the server
  // prepares the proofs while this browser checks signatures and opens content.
  const proving = proveInclusion(entries, checkpoint, digests);
  const opened = entries.map((stored, index) => checkAndOpen(stored, digests[index] ?? null, personId, directory));
  const inclusion = await proving;
  const verified = openDisclosed(
    entries,
    entries.map((stored, index) =>
      verifiedEntry(stored, opened[index] as Opened, chain[index] as EntryCheck, inclusion[index] as EntryCheck),
    ),
    personId,
  );
  const isIntact = verified.every(({ checks }) => checks.signature.state === 'valid' && checks.chain.state === 'valid');
  const last = verified.at(-1)?.entry;
  return {
    stream,
    entries: verified,
    members: membersOf(verified),
    isIntact,
    head: last ? { seq: last.header.seq, hash: last.entryHash } : null,
  };
};
