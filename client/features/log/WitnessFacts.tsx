import type { WitnessView } from '../../crypto/log-witnesses';

const since = (seconds: number, now: number): string => {
  const minutes = Math.max(0, Math.floor((now - seconds * 1000) / 60_000));
  if (minutes < 1) {
    return 'less than a minute ago';
  }
  return minutes < 120 ? `${minutes} minute${minutes === 1 ? '' : 's'} ago` : `${Math.floor(minutes / 60)} hours ago`;
};

/**
 * Who witnessed the log (docs/PROTOCOL.md §9.3): the pinned witnesses that cosigned its latest
 * cosigned checkpoint, and how long ago; entries beyond that checkpoint are not yet witnessed.
 */
export const WitnessFacts = ({
  witness,
  verifiedSize,
}: {
  witness: WitnessView | null;
  verifiedSize: number | null;
}) => {
  if (witness === null) {
    return <p data-testid="log-witnessed">No witnesses pinned: entries cannot be shown as witnessed.</p>;
  }
  const missing =
    witness.missingParties.length > 0 ? ` (no cosignature yet from ${witness.missingParties.join(', ')})` : '';
  return (
    <dl className="facts">
      <dt>Witnessed</dt>
      <dd data-testid="log-witnessed">
        {witness.isWitnessed && witness.treeSize !== null
          ? `Witnessed by ${witness.witnessedBy.join(', ')} up to tree size ${witness.treeSize}`
          : `Not yet witnessed${missing}`}
      </dd>
      <dt>Last cosigned checkpoint</dt>
      <dd data-testid="log-last-cosigned">
        {witness.latestCosignedAt === undefined ? 'none yet' : since(witness.latestCosignedAt, Date.now())}
      </dd>
      {witness.isWitnessed && witness.treeSize !== null && verifiedSize !== null && verifiedSize > witness.treeSize ? (
        <>
          <dt>Not yet witnessed</dt>
          <dd data-testid="log-unwitnessed">
            log positions {witness.treeSize} to {verifiedSize - 1}
          </dd>
        </>
      ) : null}
    </dl>
  );
};
