import { entryRoutes } from '../../shared/api/entries';
import type { DirectoryState } from '../../shared/directory/index';
import type { StreamInclusionProof } from '../../shared/schemas/log';
import type { StoredEntry } from '../../shared/schemas/stream';
import { checkGossipedCheckpoints } from './checkpoint-gossip';
import type { EntriesContext } from './entries-context';
import { EntryNotReadableError, EntryVerificationError } from './entry-errors';
import { checkInclusions, requestInclusionProofs } from './entry-inclusion';
import { streamEntryPages } from './fetch-stream-entries';
import type { LogCheckResult } from './log-checker';
import { openStreamEntries, type ReadEntry } from './open-stream-entries';
import { emptyChain, extendChain } from './stream-chain';

/** The tree a read is proven under: the log monitor's checkpoint, the directory under it, and the stream's proofs in it. */
type ProvenView = {
  readonly view: Promise<{ trusted: LogCheckResult; directory: DirectoryState }>;
  readonly proofs: Promise<ReadonlyMap<number, StreamInclusionProof>>;
};

const proveView = (context: EntriesContext, streamId: string): ProvenView => {
  const view = context.directory();
  const proofs = view.then(({ trusted }) => requestInclusionProofs(context.owner.http, trusted.treeSize, streamId));
  // Both are awaited by the read; not left unhandled when a check throws first.
  proofs.catch(() => undefined);
  return { view, proofs };
};

/**
 * Every entry of a stream, verified and decrypted where the person can: the hash each entry is
 * served with is the one computed here, the chain is continuous, each signature verifies under
 * the author's key valid at the entry's leaf, each entry is included in the tree the log monitor
 * trusts, and the stream agrees with what this person verified before (no fork, no truncation).
 * Every checkpoint an author carried in an entry read is compared with the trusted one (gossip).
 *
 * The checkpoint, the directory proven under it and the stream's proofs in its tree are asked for
 * while the entries arrive, and each page is checked while the server prepares the next. A page
 * with an entry beyond that tree (appended meanwhile) sends the reader back to the log for its
 * newer tree, which holds every earlier page too; an entry beyond even that one is refused.
 *
 * @throws {EntryVerificationError} naming the first entry that fails a check.
 * @throws {SplitViewError} when a carried checkpoint conflicts with the trusted one.
 */
export const readStream = async (context: EntriesContext, streamId: string): Promise<ReadEntry[]> => {
  const { http, personId } = context.owner;
  const pages = streamEntryPages(http, streamId);
  let proven = proveView(context, streamId);
  let chain = emptyChain(streamId);
  const entries: StoredEntry[] = [];
  const associatedData = new Map<StoredEntry, Uint8Array>();
  for await (const page of pages) {
    let { trusted, directory } = await proven.view;
    if (page.entries.some((entry) => entry.leafIndex >= trusted.treeSize)) {
      proven = proveView(context, streamId);
      ({ trusted, directory } = await proven.view);
    }
    chain = extendChain(chain, page.entries, directory, associatedData);
    entries.push(...page.entries);
  }
  const known = context.chain(streamId);
  if (known && known.seq > 0 && entries[known.seq - 1]?.entryHash !== known.hash) {
    const place = { streamId, seq: known.seq, entryHash: known.hash };
    throw new EntryVerificationError('chain', place, 'the server no longer shows this verified entry at its seq');
  }
  const { trusted, directory } = await proven.view;
  checkInclusions(trusted, entries, entries.length === 0 ? new Map() : await proven.proofs);
  context.remember(chain);
  const keys = { personId, keyring: context.keyring(), directory, grants: context.grants };
  const read = openStreamEntries(entries, keys, associatedData);
  await checkGossipedCheckpoints(http, trusted, read, context.gossip);
  return read;
};

/**
 * Opens an entry disclosed to this person: reads (and verifies) the stream of the disclosure,
 * when given and elsewhere, and the entry's own, and returns the entry opened with the granted
 * key (its commitment checked by `openEntryWithContentKey`).
 *
 * @throws {EntryNotReadableError} when the server withholds its ciphertext or no key was granted.
 */
export const openDisclosed = async (
  context: EntriesContext,
  entryHash: string,
  options: { readonly disclosure?: string } = {},
): Promise<ReadEntry> => {
  const { http } = context.owner;
  const target = await http.api(entryRoutes.getEntry, { params: { entryHash } });
  if (options.disclosure !== undefined) {
    const disclosure = await http.api(entryRoutes.getEntry, { params: { entryHash: options.disclosure } });
    if (disclosure.header.stream !== target.header.stream) {
      await readStream(context, disclosure.header.stream);
    }
  }
  const read = (await readStream(context, target.header.stream)).find((entry) => entry.entryHash === entryHash);
  if (!read) {
    throw new EntryNotReadableError(entryHash, 'not-found');
  }
  if (read.content === undefined) {
    throw new EntryNotReadableError(entryHash, target.ciphertext === undefined ? 'no-ciphertext' : 'no-key');
  }
  return read;
};
