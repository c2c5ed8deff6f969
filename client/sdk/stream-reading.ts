import { entryRoutes } from '../../shared/api/entries';
import { checkGossipedCheckpoints } from './checkpoint-gossip';
import type { EntriesContext } from './entries-context';
import { EntryNotReadableError, EntryVerificationError } from './entry-errors';
import { checkInclusions, requestInclusionProofs } from './entry-inclusion';
import { fetchStreamEntries } from './fetch-stream-entries';
import { openStreamEntries, type ReadEntry } from './open-stream-entries';
import { emptyChain, extendChain } from './stream-chain';

/**
 * Every entry of a stream, verified and decrypted where the person can: the hash each entry is
 * served with is the one computed here, the chain is continuous, each signature verifies under
 * the author's key valid at the entry's leaf (directory fetched after the entries), each entry is
 * included in the tree the log monitor trusts (checkpoint fetched after the entries), and the
 * stream agrees with what this person verified before (no fork, no truncation). Every
 * checkpoint an author carried in an entry read is compared with the trusted one (gossip).
 *
 * @throws {EntryVerificationError} naming the first entry that fails a check.
 * @throws {SplitViewError} when a carried checkpoint conflicts with the trusted one.
 */
export const readStream = async (context: EntriesContext, streamId: string): Promise<ReadEntry[]> => {
  const { http, personId } = context.owner;
  const { entries } = await fetchStreamEntries(http, streamId);
  const { trusted, directory } = await context.directory();
  // Asked for before the signatures are checked, so the server prepares the proofs meanwhile.
  const proofs = requestInclusionProofs(http, trusted.treeSize, entries);
  proofs.catch(() => undefined); // awaited below; not left unhandled when a check throws first
  await new Promise((sent) => setTimeout(sent, 0));
  const chain = extendChain(emptyChain(streamId), entries, directory);
  const known = context.chain(streamId);
  if (known && known.seq > 0 && entries[known.seq - 1]?.entryHash !== known.hash) {
    const place = { streamId, seq: known.seq, entryHash: known.hash };
    throw new EntryVerificationError('chain', place, 'the server no longer shows this verified entry at its seq');
  }
  checkInclusions(trusted, entries, await proofs);
  context.remember(chain);
  const read = openStreamEntries(entries, { personId, keyring: context.keyring(), directory, grants: context.grants });
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
