/**
 * Reading streams through the local store (issue 16): a stream kept from an earlier read is
 * extended with only the entries after its stored head, once the checkpoint it was proven under is
 * proven consistent with the one accepted now and the new entries link onto its head. Anything
 * else (no record, a record that does not open, an inconsistent checkpoint, a broken link) reads
 * the stream again in full: the store is a cache, never a source of trust the log could not
 * re-establish.
 */
import type { DirectoryState } from '../../shared/directory/index';
import type { StreamView } from '../../shared/schemas/stream';
import type { AcceptedCheckpoint } from '../crypto/directory';
import { getKeyStatus } from '../crypto/keyring-store';
import { storedLogStatus } from '../crypto/log-pin';
import { type FetchedStream, fetchStream } from '../entries/fetch-stream';
import { extendVerified, type VerifiedStream, verifyStream } from '../entries/read-stream';
import { isConsistentWith } from './checkpoint-consistency';
import { dropRecord, readRecord, writeRecord } from './sealed-records';
import { fromStreamRecord, type StoredStream, streamRecord, streamRecordName } from './stream-record';

/** The log the records of this browser are proven in: its origin and verifier key. */
const currentLog = (): string | null => {
  const { pin } = storedLogStatus();
  return pin ? `${pin.origin} ${pin.verifierKey}` : null;
};

/** The stream as kept for `personId`, or null (none, locked, or discarded). */
const readStoredStream = async (personId: string, streamId: string): Promise<StoredStream | null> => {
  const name = streamRecordName(streamId);
  const value = await readRecord(personId, name);
  if (value === null) {
    return null;
  }
  const stored = fromStreamRecord(value);
  if (stored === null || stored.log !== currentLog() || stored.view.stream.id !== streamId) {
    await dropRecord(personId, name);
    return null;
  }
  return stored;
};

// A record the page's provisional copy opened, handed once to the full read that follows it (which
// asks the server first), so that the two open it once. Handed only to the same person with the
// keys still unlocked, within a few seconds, and forgotten as soon as the record is written.
const HANDOVER_MS = 5_000;
const handedOver = new Map<string, Promise<StoredStream | null>>();
const handoverKey = (personId: string, streamId: string) => `${personId} ${streamId}`;

/**
 * The stream as kept for `personId`, or null (none, locked, or discarded). `forTheNextRead` keeps
 * what this call opens for the next call about the same stream, and for it alone.
 */
export const storedStream = (
  personId: string,
  streamId: string,
  forTheNextRead = false,
): Promise<StoredStream | null> => {
  const key = handoverKey(personId, streamId);
  const earlier = handedOver.get(key);
  handedOver.delete(key);
  const keys = getKeyStatus();
  if (earlier && keys.state === 'unlocked' && keys.personId === personId) {
    return earlier;
  }
  const read = readStoredStream(personId, streamId);
  if (forTheNextRead) {
    handedOver.set(key, read);
    setTimeout(() => {
      if (handedOver.get(key) === read) {
        handedOver.delete(key);
      }
    }, HANDOVER_MS);
  }
  return read;
};

/**
 * The entries to verify: those after the stored head, none when the server lists the stream at
 * that very head (its listing is a hint: withholding entries is equally possible by fetching),
 * every one without a stored stream.
 */
export const fetchAfterStored = async (view: StreamView, stored: StoredStream | null): Promise<FetchedStream> => {
  const link = stored?.prefix.link;
  if (link && view.head?.seq === link.seq && view.head.hash === link.hash) {
    return { stream: view, entries: [] };
  }
  return fetchStream(view.id, link?.seq ?? 0, view.head?.seq ?? 0);
};

const keep = (personId: string, verified: VerifiedStream, fetched: FetchedStream, checkpoint: AcceptedCheckpoint) => {
  const keys = getKeyStatus();
  if (keys.state !== 'unlocked' || keys.personId !== personId) {
    // A locked read neither writes nor drops: its content is left locked, not wrong.
    return;
  }
  const log = currentLog();
  const record = log ? streamRecord(verified, fetched.entries, checkpoint, log) : null;
  const name = streamRecordName(verified.stream.id);
  handedOver.delete(handoverKey(personId, verified.stream.id));
  void (record ? writeRecord(personId, name, record) : dropRecord(personId, name));
};

/**
 * Verifies `fetched` (from {@link fetchAfterStored}) on top of `stored`, or the whole stream when
 * the stored part cannot be trusted to extend; keeps the outcome when every check of it holds.
 */
export const verifyThroughStore = async (
  stored: StoredStream | null,
  fetched: FetchedStream,
  personId: string,
  directory: DirectoryState,
  checkpoint: AcceptedCheckpoint,
): Promise<VerifiedStream> => {
  if (stored !== null && (await isConsistentWith(stored.checkpoint, checkpoint))) {
    const extended = await extendVerified(stored.prefix, fetched, personId, directory, checkpoint);
    const fresh = extended.entries.slice(stored.prefix.verified.length);
    if (fresh.every(({ checks }) => checks.chain.state === 'valid')) {
      if (fresh.length > 0) {
        keep(
          personId,
          extended,
          { stream: fetched.stream, entries: [...stored.prefix.stored, ...fetched.entries] },
          checkpoint,
        );
      }
      return extended;
    }
  }
  const whole = stored === null ? fetched : await fetchStream(fetched.stream.id, 0, fetched.stream.head?.seq ?? 0);
  const verified = await verifyStream(whole, personId, directory, checkpoint);
  keep(personId, verified, whole, checkpoint);
  return verified;
};
