import { useT } from '../../i18n/useT';
import type { PartyRootState } from '../../trust/party-view';

/** A short label of where a party's root stands with the signed-in person. */
export const PartyRootBadge = ({ state }: { state: PartyRootState }) => {
  const { t } = useT('parties');
  return (
    <span className={`badge ${state === 'root-changed' ? 'key-changed' : state}`} data-testid="party-root-state">
      {t(`badge.${state}`)}
    </span>
  );
};
