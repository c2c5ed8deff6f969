import type { TFunction } from 'i18next';
import type { WitnessView } from '../../crypto/log-witnesses';
import { useT } from '../../i18n/useT';

const since = (t: TFunction, seconds: number, now: number): string => {
  const minutes = Math.max(0, Math.floor((now - seconds * 1000) / 60_000));
  if (minutes < 1) {
    return t('witness.lessThanMinute');
  }
  return minutes < 120
    ? t('witness.minutesAgo', { count: minutes })
    : t('witness.hoursAgo', { count: Math.floor(minutes / 60) });
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
  const { t } = useT('log');
  if (witness === null) {
    return <p data-testid="log-witnessed">{t('witness.none')}</p>;
  }
  return (
    <dl className="facts">
      <dt>{t('witness.witnessed')}</dt>
      <dd data-testid="log-witnessed">
        {witness.isWitnessed && witness.treeSize !== null
          ? t('witness.witnessedBy', { witnesses: witness.witnessedBy.join(', '), size: witness.treeSize })
          : witness.missingParties.length > 0
            ? t('witness.notYetMissing', { parties: witness.missingParties.join(', ') })
            : t('witness.notYet')}
      </dd>
      <dt>{t('witness.lastCosigned')}</dt>
      <dd data-testid="log-last-cosigned">
        {witness.latestCosignedAt === undefined ? t('noneYet') : since(t, witness.latestCosignedAt, Date.now())}
      </dd>
      {witness.isWitnessed && witness.treeSize !== null && verifiedSize !== null && verifiedSize > witness.treeSize ? (
        <>
          <dt>{t('witness.unwitnessed')}</dt>
          <dd data-testid="log-unwitnessed">
            {t('witness.positions', { from: witness.treeSize, to: verifiedSize - 1 })}
          </dd>
        </>
      ) : null}
    </dl>
  );
};
