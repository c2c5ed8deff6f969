/**
 * Checkpoint gossip in the browser (docs/PROTOCOL.md §9.3): every checkpoint an author's client
 * carried in an entry this browser opened is compared with the checkpoint it accepted for the
 * read. A conflict (or a server that refuses to prove the two consistent) is recorded as the same
 * blocking split-view failure as a witness's, with both notes, and stops the read. No answer at all
 * stops the read too, but records nothing: it is no evidence against the log.
 */
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { recordSplitView, storedLogStatus } from './log-pin';
import { splitViewBetween } from './log-witnesses';

/** A carried checkpoint conflicts with the trusted one: the failure is recorded, the read stops. */
export class CarriedSplitViewError extends Error {
  readonly notes: readonly [string, string];

  constructor(reason: string, notes: readonly [string, string]) {
    super(`The log shows different histories: ${reason}`);
    this.name = 'CarriedSplitViewError';
    this.notes = notes;
  }
}

// Notes proven a prefix of an accepted tree stay so (every later accepted tree extends it).
const provenPrefixes = new Set<string>();
const checkedPairs = new Set<string>();

/**
 * Compares each distinct carried note with `trustedNote` (a checkpoint this browser accepted). A
 * note the pinned log key does not sign proves nothing and is skipped.
 *
 * @throws {CarriedSplitViewError} after recording the failure.
 */
export const checkCarriedCheckpoints = async (trustedNote: string, carried: readonly string[]): Promise<void> => {
  const { pin } = storedLogStatus();
  const trusted = pin ? verifyCheckpoint(trustedNote, pin.verifierKey, pin.origin) : undefined;
  if (!pin || !trusted?.ok) {
    return;
  }
  for (const note of new Set(carried)) {
    const pair = `${trustedNote}\u0000${note}`;
    if (note === trustedNote || provenPrefixes.has(note) || checkedPairs.has(pair)) {
      continue;
    }
    const theirs = verifyCheckpoint(note, pin.verifierKey, pin.origin);
    if (!theirs.ok) {
      continue;
    }
    const alarm = await splitViewBetween(trusted.checkpoint, trustedNote, { note, checkpoint: theirs.checkpoint });
    if (alarm) {
      recordSplitView(`a checkpoint carried in an entry conflicts: ${alarm.reason}`, trustedNote, note);
      throw new CarriedSplitViewError(alarm.reason, [trustedNote, note]);
    }
    if (theirs.checkpoint.treeSize <= trusted.checkpoint.treeSize) {
      provenPrefixes.add(note);
    } else {
      checkedPairs.add(pair);
    }
  }
};
