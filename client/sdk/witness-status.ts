/**
 * Witnesses in the SDK (docs/PROTOCOL.md §9.3): whether the log's latest cosigned checkpoint is
 * witnessed under the reader's pinned witnesses and policy, and split-view detection against
 * every checkpoint met elsewhere (a witness's, one carried in an entry the reader can read).
 * Both compare with the checkpoint this reader's log monitor trusts, so run `checkLog` first.
 */
import { isServerRefusal } from '../../shared/api/client';
import { logRoutes } from '../../shared/api/log';
import { fromBase64url } from '../../shared/encoding/bytes';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { findSplitView, proofNeededFor, type SplitViewAlarm } from '../../shared/witness/split-view';
import { type PinnedWitness, partiesRequired, type WitnessPolicy } from '../../shared/witness/witness-policy';
import { checkWitnessedCheckpoint } from '../../shared/witness/witnessed-checkpoint';
import type { ParleyHttp } from './parley-http';
import type { PinnedLogState } from './person-state';

/** Two signed checkpoints of the pinned log that cannot both be true: both notes are the evidence. */
export class SplitViewError extends Error {
  readonly notes: readonly [string, string];

  constructor(alarm: SplitViewAlarm) {
    super(`The log shows different histories: ${alarm.reason}`);
    this.name = 'SplitViewError';
    this.notes = alarm.notes;
  }
}

/** A reader's witness pins and policy, from its own configuration. */
export type WitnessPins = { readonly witnesses: readonly PinnedWitness[]; readonly policy: WitnessPolicy };

/** What {@link witnessStatusOf} found. */
export type WitnessStatus = {
  readonly isWitnessed: boolean;
  /** Size of the latest cosigned checkpoint, or null when no witness has cosigned one yet. */
  readonly treeSize: number | null;
  readonly witnessedBy: readonly string[];
  readonly missingParties: readonly string[];
  /** POSIX seconds of the latest pinned cosignature, if any. */
  readonly latestCosignedAt?: number;
  readonly note?: string;
};

/** The pinned log and the note of the checkpoint this reader's monitor trusts. */
export type TrustedNote = { readonly verifierKey: string; readonly origin: string; readonly note: string };

const trustedOf = (log: PinnedLogState | undefined): TrustedNote => {
  const note = log?.checkpoint?.note;
  if (note === undefined || log === undefined) {
    throw new Error('No trusted checkpoint yet: check the log first');
  }
  return { verifierKey: log.verifierKey, origin: log.origin, note };
};

/**
 * Compares a checkpoint note met elsewhere with the trusted one, asking the server for the
 * consistency proof between them when sizes differ. A server that refuses the proof (it shows no
 * tree that large) or proves a conflict raises the alarm; no answer at all is no evidence.
 *
 * @throws {SplitViewError} naming both notes.
 * @throws the request's own error when the server gives no answer (offline, 401, 429, 5xx).
 */
export const compareWithTrusted = (http: ParleyHttp, log: PinnedLogState | undefined, note: string) =>
  compareNotes(http, trustedOf(log), note);

/** As {@link compareWithTrusted}, given the trusted note itself. */
export const compareNotes = async (http: ParleyHttp, log: TrustedNote, note: string): Promise<void> => {
  const opened = verifyCheckpoint(log.note, log.verifierKey, log.origin);
  if (!opened.ok) {
    throw new Error('No trusted checkpoint yet: check the log first');
  }
  const trusted = { note: log.note, checkpoint: opened.checkpoint };
  const verified = verifyCheckpoint(note, log.verifierKey, log.origin);
  if (!verified.ok) {
    throw new Error(`The checkpoint is not signed by the pinned log: ${verified.reason}`);
  }
  const other = { note, checkpoint: verified.checkpoint };
  const needed = proofNeededFor(trusted, other);
  let proof: Uint8Array[] = [];
  if (needed !== undefined) {
    try {
      const answer = await http.api(logRoutes.consistencyProof, { query: needed });
      proof = answer.proof.map(fromBase64url);
    } catch (error) {
      // No answer (offline, aborted, ended session, 5xx) is no evidence: the check fails as it came.
      if (!isServerRefusal(error)) {
        throw error;
      }
      throw new SplitViewError({
        reason: `the server cannot prove the tree of size ${needed.from} a prefix of the tree of size ${needed.to}`,
        notes: needed.from === trusted.checkpoint.treeSize ? [trusted.note, note] : [note, trusted.note],
      });
    }
  }
  const alarm = findSplitView(trusted, other, proof);
  if (alarm !== undefined) {
    throw new SplitViewError(alarm);
  }
};

/**
 * The witness status of the log's latest cosigned checkpoint under `pins`, after checking it
 * agrees with the trusted checkpoint; `members` are the member parties of the stream read, from
 * its verified entries, which the default policy needs a witness of each of. "Not yet
 * witnessed" is an answer, not an error.
 *
 * @throws {SplitViewError} when the cosigned checkpoint conflicts with the trusted one.
 */
export const witnessStatusOf = async (
  http: ParleyHttp,
  log: PinnedLogState | undefined,
  pins: WitnessPins,
  members?: ReadonlySet<string>,
): Promise<WitnessStatus> => {
  const { checkpoint } = await http.api(logRoutes.cosignedCheckpoint);
  if (checkpoint === null) {
    const missingParties = partiesRequired(pins.policy, members) ?? [];
    return { isWitnessed: false, treeSize: null, witnessedBy: [], missingParties };
  }
  const { note } = checkpoint;
  const checked = checkWitnessedCheckpoint(note, {
    logKey: log?.verifierKey ?? '',
    origin: log?.origin ?? '',
    ...pins,
    ...(members === undefined ? {} : { members }),
  });
  if (!checked.ok) {
    throw new Error(`The cosigned checkpoint does not verify: ${checked.reason}`);
  }
  await compareWithTrusted(http, log, note);
  return { treeSize: checked.checkpoint.treeSize, note, ...checked.outcome };
};
