import { useT } from '../../i18n/useT';
import type { VerificationState } from '../../trust/contact-view';

/** A short label of where a contact stands. */
export const VerificationBadge = ({ state }: { state: VerificationState }) => {
  const { t } = useT('people-screens');
  return (
    <span className={`badge ${state}`} data-testid="verification">
      {t(`badge.${state}`)}
    </span>
  );
};
