/**
 * Inclusion of entries in the transparency log under the latest checkpoint the log monitor
 * accepted (docs/PROTOCOL.md §9): the proofs come from the server, a page of a stream's entries
 * per request, and each is checked here against the root the monitor accepted.
 */
import { API } from '../../shared/api/index';
import { checkStreamEntryInclusion, collectStreamProofs, STREAM_PROOFS_PAGE } from '../../shared/log/stream-inclusion';
import type { StreamInclusionProof } from '../../shared/schemas/log';
import type { StoredEntry } from '../../shared/schemas/stream';
import { api } from '../api/transport';
import { digestEntry, type EntryCheck, type EntryDigest } from './entry-checks';
import type { AcceptedCheckpoint } from './entry-context';

// An entry proven under one accepted checkpoint stays included: every later checkpoint the
// monitor accepts is proven consistent with it. Entry hashes are public, so this cache is too.
const proven = new Map<string, number>();

type Pending = { readonly entry: StoredEntry; readonly hash: string; readonly index: number };

/** What can be said of an entry without asking the log; undefined when it needs a proof. */
const withoutProof = (
  entry: StoredEntry,
  hash: string,
  checkpoint: AcceptedCheckpoint | null,
): EntryCheck | undefined => {
  const known = proven.get(hash);
  if (known !== undefined) {
    return { state: 'valid', detail: `Included at log position ${entry.leafIndex} (proven under tree size ${known})` };
  }
  if (checkpoint === null) {
    return { state: 'unchecked', detail: 'No checkpoint of the log has been verified in this browser yet' };
  }
  if (entry.leafIndex >= checkpoint.treeSize) {
    return {
      state: 'unchecked',
      detail: `Logged after the last verified checkpoint (tree size ${checkpoint.treeSize})`,
    };
  }
  return undefined;
};

/** The stream's proofs from the first pending entry through seq `lastSeq`, in the tree of `treeSize`. */
const fetchProofs = async (
  first: Pending,
  lastSeq: number,
  treeSize: number,
): Promise<Map<number, StreamInclusionProof>> =>
  collectStreamProofs(
    async (after) =>
      (
        await api(API.streamProofs, {
          params: { streamId: first.entry.header.stream },
          query: { treeSize, after, limit: STREAM_PROOFS_PAGE },
        })
      ).proofs,
    first.entry.header.seq - 1,
    lastSeq,
  );

/**
 * Proves each entry of one stream (in seq order) under the accepted checkpoint, with one request
 * per page of proofs; a refused request is reported on each entry it leaves unproven, not thrown.
 */
export const proveInclusion = async (
  entries: readonly StoredEntry[],
  checkpoint: AcceptedCheckpoint | null,
  digests: readonly EntryDigest[] = entries.map(digestEntry),
): Promise<EntryCheck[]> => {
  const results: EntryCheck[] = new Array(entries.length);
  const pending: Pending[] = [];
  entries.forEach((entry, index) => {
    const { hash } = digests[index] ?? digestEntry(entry);
    const answer = withoutProof(entry, hash, checkpoint);
    if (answer === undefined) {
      pending.push({ entry, hash, index });
    } else {
      results[index] = answer;
    }
  });
  const [first] = pending;
  if (checkpoint === null || first === undefined) {
    return results;
  }
  const { treeSize } = checkpoint;
  try {
    const proofs = await fetchProofs(
      first,
      pending.reduce((last, { entry }) => Math.max(last, entry.header.seq), 0),
      treeSize,
    );
    for (const { entry, hash, index } of pending) {
      const place = { seq: entry.header.seq, leafIndex: entry.leafIndex, entryHash: hash };
      const check = checkStreamEntryInclusion(checkpoint, place, proofs);
      if (check.ok) {
        proven.set(hash, treeSize);
      }
      results[index] = check.ok
        ? { state: 'valid', detail: `Included at log position ${entry.leafIndex} under tree size ${treeSize}` }
        : { state: 'invalid', detail: `Not included under the verified checkpoint: ${check.reason}` };
    }
  } catch (error) {
    const detail = `No inclusion proof: ${error instanceof Error ? error.message : String(error)}`;
    for (const { index } of pending) {
      results[index] = { state: 'invalid', detail };
    }
  }
  return results;
};

/** Remembers an entry proven by its own append receipt. */
export const rememberInclusion = (entryHash: string, treeSize: number): void => {
  proven.set(entryHash, treeSize);
};
