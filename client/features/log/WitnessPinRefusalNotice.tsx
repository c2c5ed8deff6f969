import type { WitnessPinRefusal } from '../../crypto/witness-pin-changes';
import { useT } from '../../i18n/useT';

/** Why a change to the witness pins was refused (nothing was changed). */
export const WitnessPinRefusalNotice = ({ refusal }: { refusal: WitnessPinRefusal }) => {
  const { t } = useT('witnesses');
  const text =
    refusal.kind === 'invalid'
      ? refusal.line === null
        ? t('refusal.invalid', { reason: refusal.reason })
        : t('refusal.invalidLine', { line: refusal.line, reason: refusal.reason })
      : t(`refusal.${refusal.kind}`);
  return (
    <p role="alert" className="error" data-testid="witness-pins-error">
      {text}
    </p>
  );
};
