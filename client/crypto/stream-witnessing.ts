/**
 * Whether a stream's entries are witnessed in this browser (docs/PROTOCOL.md §9.3): under the
 * default policy, the latest cosigned checkpoint must carry a verified cosignature by a pinned
 * witness of each member party of the stream, the members as its verified entries add them up.
 * `view.witnessedBy` names only pinned witnesses whose lines verified (log-witnesses.ts).
 */
import { evaluateWitnessPolicy } from '../../shared/witness/witness-policy';
import type { WitnessView } from './log-witnesses';
import type { BrowserWitnessPins } from './witness-pins';

/** A stream's witness state: entries at leaves below `treeSize` are witnessed when `isWitnessed`. */
export type StreamWitnessing = {
  readonly isWitnessed: boolean;
  readonly treeSize: number | null;
  readonly witnessedBy: readonly string[];
  readonly missingParties: readonly string[];
};

/** The witness state of a stream with member parties `members`, or null without witness pins or a check yet. */
export const streamWitnessing = (
  view: WitnessView | null,
  pins: Pick<BrowserWitnessPins, 'witnesses' | 'policy'> | null,
  members: readonly string[],
): StreamWitnessing | null => {
  if (view === null || pins === null) {
    return null;
  }
  const cosignatures = pins.witnesses
    .filter(({ key }) => view.witnessedBy.includes(key.name))
    .map(({ key }) => ({ witness: key, timestamp: view.latestCosignedAt ?? 0 }));
  const outcome = evaluateWitnessPolicy(cosignatures, pins.witnesses, pins.policy, new Set(members));
  const isWitnessed = view.treeSize !== null && outcome.isWitnessed;
  return {
    isWitnessed,
    treeSize: view.treeSize,
    witnessedBy: outcome.witnessedBy,
    missingParties: outcome.missingParties,
  };
};
