/**
 * The browser's witness check (docs/PROTOCOL.md §9.3), run after the log monitor accepted a
 * checkpoint: fetch the latest cosigned checkpoint, verify the log's signature and the pinned
 * witnesses' cosignatures, measure them against the policy, and check that checkpoint against the
 * trusted one; a conflict is a split-view alarm with both notes.
 */
import { z } from 'zod';
import { isServerRefusal } from '../../shared/api/client';
import { API } from '../../shared/api/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { Checkpoint } from '../../shared/log/checkpoint';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import {
  findSplitView,
  type NotedCheckpoint,
  proofNeededFor,
  type SplitViewAlarm,
} from '../../shared/witness/split-view';
import { partiesRequired } from '../../shared/witness/witness-policy';
import { checkWitnessedCheckpoint } from '../../shared/witness/witnessed-checkpoint';
import { api } from '../api/transport';
import { type BrowserWitnessPins, logWidePolicy } from './witness-pins';

/** What the browser shows about witnesses: who cosigned the latest cosigned checkpoint, and when. */
export const WitnessView = z.strictObject({
  isWitnessed: z.boolean(),
  /** Size of the latest cosigned checkpoint, or null when no witness has cosigned one yet. */
  treeSize: z.number().int().nullable(),
  witnessedBy: z.array(z.string()),
  missingParties: z.array(z.string()),
  /** POSIX seconds of the latest pinned cosignature. */
  latestCosignedAt: z.number().optional(),
});
export type WitnessView = z.infer<typeof WitnessView>;

/** The outcome of {@link checkWitnesses}. */
export type WitnessCheck =
  | { readonly view: WitnessView }
  | { readonly alarm: SplitViewAlarm; readonly trusted: string; readonly offered: string };

const NOT_YET: WitnessView = { isWitnessed: false, treeSize: null, witnessedBy: [], missingParties: [] };

/** Checks the witnesses against the checkpoint the monitor trusts (`trustedNote`, already verified). */
export const checkWitnesses = async (
  log: { readonly verifierKey: string; readonly origin: string },
  trustedNote: string,
  pins: BrowserWitnessPins,
): Promise<WitnessCheck> => {
  const { checkpoint } = await api(API.cosignedCheckpoint);
  if (checkpoint === null) {
    return { view: { ...NOT_YET, missingParties: [...(partiesRequired(logWidePolicy(pins)) ?? [])] } };
  }
  const { note } = checkpoint;
  const policy = logWidePolicy(pins);
  const checked = checkWitnessedCheckpoint(note, { logKey: log.verifierKey, origin: log.origin, ...pins, policy });
  const trusted = verifyCheckpoint(trustedNote, log.verifierKey, log.origin);
  if (!checked.ok || !trusted.ok) {
    const reason = checked.ok ? 'the trusted checkpoint no longer verifies' : checked.reason;
    return {
      alarm: { reason: `the cosigned checkpoint was refused: ${reason}`, notes: [trustedNote, note] },
      trusted: trustedNote,
      offered: note,
    };
  }
  const alarm = await splitViewBetween(trusted.checkpoint, trustedNote, { note, checkpoint: checked.checkpoint });
  if (alarm) {
    return { alarm, trusted: trustedNote, offered: note };
  }
  const { isWitnessed, witnessedBy, missingParties, latestCosignedAt } = checked.outcome;
  return {
    view: {
      isWitnessed,
      treeSize: checked.checkpoint.treeSize,
      witnessedBy: [...witnessedBy],
      missingParties: [...missingParties],
      ...(latestCosignedAt === undefined ? {} : { latestCosignedAt }),
    },
  };
};

/**
 * Compares the trusted checkpoint with another verified one, asking the server for the proof
 * between their sizes; a conflict, or a server that refuses the proof, is an alarm with both notes.
 *
 * @throws the request's own error when the server gives no answer (nothing is proven either way).
 */
export const splitViewBetween = async (
  trusted: Checkpoint,
  trustedNote: string,
  theirs: NotedCheckpoint,
): Promise<SplitViewAlarm | undefined> => {
  const mine = { note: trustedNote, checkpoint: trusted };
  const needed = proofNeededFor(mine, theirs);
  let proof: Uint8Array[] = [];
  if (needed) {
    try {
      proof = (await api(API.consistencyProof, { query: needed })).proof.map(fromBase64url);
    } catch (error) {
      // No answer (offline, aborted, ended session, 5xx) is no evidence: the check fails, unrecorded.
      if (!isServerRefusal(error)) {
        throw error;
      }
      return {
        reason: `the server cannot prove the tree of size ${needed.from} a prefix of ${needed.to}`,
        notes: [trustedNote, theirs.note],
      };
    }
  }
  return findSplitView(mine, theirs, proof);
};
