/**
 * The key directory as this browser takes it: from the log alone (client/core/directory-sync),
 * every statement proven at its position under the checkpoint this browser's log monitor
 * accepted, and exactly as many as that checkpoint counts. The proven directory is kept in memory
 * per pinned log and extended with only what is new when the accepted tree grows.
 */
import { initCrypto } from '../../shared/crypto/sodium';
import type { DirectoryState, ProvenDirectory } from '../../shared/directory/index';
import type { LogPinText } from '../../shared/log/log-pin-text';
import { sessionTransport } from '../api/transport';
import { syncDirectory } from '../core/directory-sync';
import { storedLogStatus } from './log-pin';

export { DirectoryVerificationError } from '../core/directory-sync';

/** A checkpoint the log monitor accepted: its size, root (standard base64) and signed note. */
export type AcceptedCheckpoint = { readonly treeSize: number; readonly rootHash: string; readonly note: string };

/** Nothing can be verified: the log is not pinned yet, has no accepted checkpoint, or failed. */
class LogNotVerifiedError extends Error {
  constructor(reason: string) {
    super(`Nothing can be verified yet: ${reason}`);
    this.name = 'LogNotVerifiedError';
  }
}

const proven = new Map<string, ProvenDirectory>();
let turn: Promise<unknown> = Promise.resolve();

const pinKey = (pin: LogPinText) => JSON.stringify([pin.origin, pin.verifierKey, pin.legacyBefore]);

/**
 * The directory as of `accepted`, a checkpoint the log monitor accepted under the pinned key.
 * Syncs run one at a time, each extending the last proven directory of that pin.
 *
 * @throws {DirectoryVerificationError} naming each statement forged, moved, withheld or refused.
 * @throws {LogNotVerifiedError} when the browser has no pin.
 */
export const directoryAt = (accepted: AcceptedCheckpoint): Promise<DirectoryState> => {
  const next = turn.then(async () => {
    const { pin } = storedLogStatus();
    if (!pin) {
      throw new LogNotVerifiedError('this browser has not pinned the log');
    }
    await initCrypto();
    const key = pinKey(pin);
    const previous = proven.get(key) ?? null;
    // A tree this browser already went past: the later directory holds everything before it.
    if (previous && previous.treeSize >= accepted.treeSize) {
      return previous.state;
    }
    const trust = { pinnedKey: pin.verifierKey, expectedOrigin: pin.origin, legacyBefore: pin.legacyBefore };
    const directory = await syncDirectory(sessionTransport, accepted, trust, previous);
    proven.set(key, directory);
    return directory.state;
  });
  turn = next.catch(() => undefined);
  return next;
};

/**
 * The last directory this tab proved under the pinned log, asked of no server, or null if it has
 * proven none yet or the log's check failed since. For showing what the local store holds while the log is asked for what is new.
 */
export const lastProvenDirectory = (): DirectoryState | null => {
  const { pin, failure } = storedLogStatus();
  // A recorded failure (a rollback, a split view) stops everything from being shown as verified.
  return pin && !failure ? (proven.get(pinKey(pin))?.state ?? null) : null;
};

/**
 * The directory under the latest checkpoint `refreshLog` accepts (the log monitor brought up to
 * date first).
 *
 * @throws {LogNotVerifiedError} when no checkpoint is accepted (no pin, or a recorded failure).
 */
export const currentDirectory = async (
  refreshLog: () => Promise<AcceptedCheckpoint | null>,
): Promise<{ checkpoint: AcceptedCheckpoint; directory: DirectoryState }> => {
  const checkpoint = await refreshLog();
  if (checkpoint === null) {
    throw new LogNotVerifiedError('the log is not pinned, or it failed verification');
  }
  return { checkpoint, directory: await directoryAt(checkpoint) };
};
