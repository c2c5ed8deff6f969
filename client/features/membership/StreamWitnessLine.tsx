import { streamWitnessing } from '../../crypto/stream-witnessing';
import { currentWitnessPins } from '../../crypto/witness-pins';
import { useLog } from '../../log/useLog';

/**
 * Whether this stream's entries are witnessed (docs/PROTOCOL.md §9.3): by default, a pinned
 * witness of each member party must have cosigned the latest cosigned checkpoint. Nothing is
 * shown without witness pins.
 */
export const StreamWitnessLine = ({ members }: { members: readonly { id: string; name: string }[] }) => {
  const { status } = useLog();
  const state = streamWitnessing(
    status.witness,
    currentWitnessPins(),
    members.map(({ id }) => id),
  );
  if (state === null) {
    return null;
  }
  const nameOf = (id: string) => members.find((party) => party.id === id)?.name ?? id;
  return (
    <p data-testid="stream-witnessed">
      {state.isWitnessed && state.treeSize !== null
        ? `Witnessed by ${state.witnessedBy.join(', ')} up to log position ${state.treeSize - 1}`
        : `Not yet witnessed${state.missingParties.length > 0 ? `: no cosignature yet from a witness of ${state.missingParties.map(nameOf).join(', ')}` : ''}`}
    </p>
  );
};
