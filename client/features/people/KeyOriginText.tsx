import { useT } from '../../i18n/useT';
import type { KeyOrigin } from '../../trust/contact-view';

/** How a person's current key came to be trusted, in a sentence of the reader's language. */
export const KeyOriginText = ({ origin }: { origin: KeyOrigin }) => {
  const { t } = useT('people-screens');
  if (origin.kind === 'none') {
    return '—';
  }
  const first =
    origin.kind === 'endorsed'
      ? t('keyOrigin.endorsed', {
          endorsers: origin.endorsers.join(', ') || t('keyOrigin.theirParty'),
          party: origin.party,
        })
      : t(`keyOrigin.${origin.kind}`, { party: origin.party });
  return t(origin.rotated ? 'keyOrigin.rotated' : 'keyOrigin.current', { first });
};
