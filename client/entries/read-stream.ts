/**
 * Reading a case or thread as a client must (docs/PROTOCOL.md §4.7): every signature against the
 * directory taken from the log, the hash chain, inclusion under the accepted checkpoint, who each
 * entry was sealed to against the signed membership, then the content this reader can open.
 * Content is only opened for entries whose signature holds.
 */
import type { DecryptedEntry } from '../../shared/content/decrypted-entry';
import type { DirectoryState } from '../../shared/directory/index';
import {
  type MembershipProposal,
  NO_MEMBERSHIP,
  type StreamMembership,
} from '../../shared/membership/stream-membership';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import { checkCarriedCheckpoints } from '../crypto/checkpoint-gossip';
import { type AcceptedCheckpoint, currentDirectory } from '../crypto/directory';
import { caseLabel } from './case-view';
import {
  type ChainLink,
  checkChain,
  checkSignature,
  digestEntry,
  type EntryCheck,
  type EntryDigest,
} from './entry-checks';
import { type FetchedStream, fetchStream } from './fetch-stream';
import { type ContentOutcome, openContent } from './open-content';
import { type DisclosureAccess, openDisclosed } from './open-disclosed';
import { proveInclusion } from './prove-inclusion';
import { checkReaders } from './readers-check';

/** The four checks of one entry. */
export type EntryChecks = {
  readonly signature: EntryCheck;
  readonly chain: EntryCheck;
  readonly inclusion: EntryCheck;
  /** Sealed only to the readers of the member parties at its position (§4.10). */
  readonly readers: EntryCheck;
};

/** One entry after every check, with its content where this reader could open it. */
export type VerifiedEntry = {
  /** Header, log position and content (absent unless decrypted): what the shared derivations read. */
  readonly entry: DecryptedEntry;
  readonly content: ContentOutcome;
  readonly checks: EntryChecks;
  /** Present when the entry was not sealed to this reader but its content key was disclosed to them. */
  readonly disclosure?: DisclosureAccess;
};

/** A stream as this browser verified it. */
export type VerifiedStream = {
  readonly stream: StreamView;
  readonly entries: readonly VerifiedEntry[];
  /** Member parties as the signed chain says (opening entry, then changes every member consented to). */
  readonly members: readonly string[];
  /** Proposed membership changes still awaiting the consent of some member party. */
  readonly pending: readonly MembershipProposal[];
  /** Every signature, chain link and readers check holds: the only state in which a client extends the stream. */
  readonly isIntact: boolean;
  /** The last entry's seq and recomputed hash: what the next entry extends. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
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
      ? openContent(stored, stored.entryHash, personId, directory, digest.associatedData)
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
  readers: EntryCheck,
): VerifiedEntry => {
  const entry: DecryptedEntry = {
    header: stored.header,
    entryHash: stored.entryHash,
    leafIndex: stored.leafIndex,
    receivedAt: stored.receivedAt,
    ...(content.state === 'decrypted' ? { content: content.content } : {}),
  };
  return { entry, content, checks: { signature, chain, inclusion, readers } };
};

/**
 * What a stream's earlier read verified, to be extended with the entries after it: the entries as
 * fetched and as verified (aligned), the membership they add up to, and the last one's link.
 */
export type VerifiedPrefix = {
  readonly stored: readonly StoredEntry[];
  readonly verified: readonly VerifiedEntry[];
  readonly membership: StreamMembership;
  readonly link: ChainLink;
};

/**
 * Verifies the entries of `fetched` that follow `prefix` (all of them when `prefix` is null), then
 * the stream as a whole. `directory` must be proven under `checkpoint` (or a later tree), and
 * `checkpoint` accepted after the entries were fetched, so that it holds every one of them (null
 * leaves inclusion unchecked). Entries disclosed to the reader in the stream are opened too.
 * Entries of a broken chain are still shown, marked as broken. Every checkpoint an author carried
 * in an opened entry is compared with `checkpoint` (gossip); a conflict throws
 * `CarriedSplitViewError` after recording the blocking split-view failure.
 */
export const extendVerified = async (
  prefix: VerifiedPrefix | null,
  { stream, entries }: FetchedStream,
  personId: string,
  directory: DirectoryState,
  checkpoint: AcceptedCheckpoint | null,
): Promise<VerifiedStream> => {
  // Each header canonicalised and hashed once, for the chain, the inclusion and the signature.
  const digests = entries.map(digestEntry);
  const chain = checkChain(stream, entries, digests, prefix?.link ?? null);
  // Requested first (the request leaves before the checks below start), so that the server
  // prepares the proofs while this browser checks signatures and opens content.
  const proving = proveInclusion(entries, checkpoint, digests);
  const opened = entries.map((stored, index) =>
    checkAndOpen(stored, digests[index] ?? digestEntry(stored), personId, directory),
  );
  const isSound = opened.map((item, index) => item.signature.state === 'valid' && chain[index]?.state === 'valid');
  const readers = checkReaders(entries, digests, isSound, directory, prefix?.membership ?? NO_MEMBERSHIP);
  const inclusion = await proving;
  const fresh = entries.map((stored, index) =>
    verifiedEntry(
      stored,
      opened[index] as Opened,
      chain[index] as EntryCheck,
      inclusion[index] as EntryCheck,
      readers.checks[index] as EntryCheck,
    ),
  );
  const verified = openDisclosed(
    [...(prefix?.stored ?? []), ...entries],
    [...(prefix?.verified ?? []), ...fresh],
    personId,
  );
  if (checkpoint !== null) {
    const carried = verified.flatMap(({ content }) =>
      content.state === 'decrypted' && content.seenCheckpoint !== undefined ? [content.seenCheckpoint] : [],
    );
    await checkCarriedCheckpoints(checkpoint.note, carried);
  }
  const isIntact = verified.every(
    ({ checks }) =>
      checks.signature.state === 'valid' && checks.chain.state === 'valid' && checks.readers.state === 'valid',
  );
  const last = verified.at(-1)?.entry;
  const result: VerifiedStream = {
    stream,
    entries: verified,
    members: [...readers.membership.members],
    pending: readers.membership.pending,
    isIntact,
    head: last ? { seq: last.header.seq, hash: last.entryHash } : null,
  };
  return stream.kind === 'case' ? { ...result, stream: { ...stream, reference: caseLabel(result) } } : result;
};

/** Verifies one whole fetched stream: {@link extendVerified} from its first entry. */
export const verifyStream = (
  fetched: FetchedStream,
  personId: string,
  directory: DirectoryState,
  checkpoint: AcceptedCheckpoint | null,
): Promise<VerifiedStream> => extendVerified(null, fetched, personId, directory, checkpoint);

/**
 * Fetches one stream, then brings the log up to date (so the accepted checkpoint holds every entry
 * fetched) and verifies the stream under the directory proven in it.
 */
export const readStream = async (
  streamId: string,
  personId: string,
  refreshLog: () => Promise<AcceptedCheckpoint | null>,
): Promise<{ stream: VerifiedStream; directory: DirectoryState }> => {
  const fetched = await fetchStream(streamId);
  const { checkpoint, directory } = await currentDirectory(refreshLog);
  return { stream: await verifyStream(fetched, personId, directory, checkpoint), directory };
};
