import { streamWitnessing } from '../../crypto/stream-witnessing';
import { currentWitnessPins } from '../../crypto/witness-pins';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';

/**
 * Whether this stream's entries are witnessed (docs/PROTOCOL.md §9.3): by default, a pinned
 * witness of each member party must have cosigned the latest cosigned checkpoint. Nothing is
 * shown without witness pins.
 */
export const StreamWitnessLine = ({ members }: { members: readonly { id: string; name: string }[] }) => {
  const { t } = useT('membership-screens');
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
        ? t('witness.witnessedBy', { witnesses: state.witnessedBy.join(', '), position: state.treeSize - 1 })
        : state.missingParties.length > 0
          ? t('witness.notYetMissing', { parties: state.missingParties.map(nameOf).join(', ') })
          : t('witness.notYet')}
    </p>
  );
};
