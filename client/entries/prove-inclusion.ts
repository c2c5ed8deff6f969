/**
 * Inclusion of entries in the transparency log under the latest checkpoint the log monitor
 * accepted (docs/PROTOCOL.md §9): the proof comes from the server, the root from the monitor.
 */
import { API } from '../../shared/api/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import { checkEntryInclusion } from '../../shared/log/log-monitor';
import type { StoredEntry } from '../../shared/schemas/stream';
import { api } from '../api/transport';
import type { EntryCheck } from './entry-checks';
import { recomputeEntryHash } from './entry-checks';
import type { AcceptedCheckpoint } from './entry-context';

// An entry proven under one accepted checkpoint stays included: every later checkpoint the
// monitor accepts is proven consistent with it. Entry hashes are public, so this cache is too.
const proven = new Map<string, number>();

const PARALLEL = 6;

const proveOne = async (entry: StoredEntry, checkpoint: AcceptedCheckpoint | null): Promise<EntryCheck> => {
  const hash = recomputeEntryHash(entry);
  if (hash === null) {
    return { state: 'invalid', detail: 'The header does not parse, so there is no entry hash to prove' };
  }
  const known = proven.get(hash);
  if (known !== undefined) {
    return { state: 'valid', detail: `Included at log position ${entry.leafIndex} (proven under tree size ${known})` };
  }
  if (checkpoint === null) {
    return { state: 'unchecked', detail: 'No checkpoint of the log has been verified in this browser yet' };
  }
  const { treeSize } = checkpoint;
  if (entry.leafIndex >= treeSize) {
    return { state: 'unchecked', detail: `Logged after the last verified checkpoint (tree size ${treeSize})` };
  }
  const reply = await api(API.inclusionProof, { query: { hash, treeSize } });
  if (reply.leafIndex !== entry.leafIndex || reply.treeSize !== treeSize) {
    return {
      state: 'invalid',
      detail: `The log puts this entry at ${reply.leafIndex}, the stream at ${entry.leafIndex}`,
    };
  }
  const check = checkEntryInclusion(
    checkpoint,
    entry.leafIndex,
    fromBase64url(hash),
    'entry',
    reply.proof.map(fromBase64url),
  );
  if (!check.ok) {
    return { state: 'invalid', detail: `Not included under the verified checkpoint: ${check.reason}` };
  }
  proven.set(hash, treeSize);
  return { state: 'valid', detail: `Included at log position ${entry.leafIndex} under tree size ${treeSize}` };
};

/** Proves each entry's inclusion (a few requests at a time); a refused request is reported, not thrown. */
export const proveInclusion = async (
  entries: readonly StoredEntry[],
  checkpoint: AcceptedCheckpoint | null,
): Promise<EntryCheck[]> => {
  const results: EntryCheck[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index] as StoredEntry;
      results[index] = await proveOne(entry, checkpoint).catch(
        (error: unknown): EntryCheck => ({
          state: 'invalid',
          detail: `No inclusion proof: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, entries.length) }, worker));
  return results;
};

/** Remembers an entry proven by its own append receipt. */
export const rememberInclusion = (entryHash: string, treeSize: number): void => {
  proven.set(entryHash, treeSize);
};
