import type { WitnessPinOffer } from '../../crypto/witness-pins';
import { useT } from '../../i18n/useT';
import { WitnessPinList } from './WitnessPinList';

/**
 * What became of a link's `witnesses=` parameter (docs/PROTOCOL.md §9.3), on the page that opened
 * it: damaged keys are an error naming the reason, keys other than the held ones a warning that the
 * held keys stay. Pins taken, the same keys, or no parameter: nothing to say.
 */
export const WitnessLinkNotice = ({
  offer,
  link = 'invitation',
}: {
  offer: WitnessPinOffer;
  link?: 'invitation' | 'recovery';
}) => {
  const { t } = useT('witnesses');
  if (offer.kind === 'refused') {
    return (
      <p role="alert" className="error" data-testid="invitation-witnesses-error">
        {t(link === 'recovery' ? 'link.refusedRecovery' : 'link.refused', { reason: offer.reason })}
      </p>
    );
  }
  if (offer.kind !== 'conflicts') {
    return null;
  }
  return (
    <div role="status" className="warning" data-testid="invitation-witnesses-conflict">
      <p>{t(offer.held.source === 'build' ? 'link.conflictsBuilt' : 'link.conflicts')}</p>
      <details>
        <summary>{t('link.offered')}</summary>
        <WitnessPinList witnesses={offer.offered} testId="invitation-witnesses-offered" />
      </details>
    </div>
  );
};
