import { useT } from '../../i18n/useT';
import { blockSentence } from '../../trust/block-text';
import type { RecipientCheck } from './useRecipientCheck';

/** Says whether sending to these recipients is allowed now, and if not, why, naming each person. */
export const RecipientStatus = ({ check }: { check: RecipientCheck }) => {
  const { t } = useT('people-screens');
  const { t: tTrust } = useT(['trust', 'common']);
  if (check.status === 'loading') {
    return null;
  }
  if (check.status === 'locked') {
    return <p className="hint">{t('recipient.locked')}</p>;
  }
  if (check.status === 'error') {
    return (
      <p role="alert" className="error" data-testid="recipient-error">
        {t('recipient.blocked', { message: check.message })}
      </p>
    );
  }
  if (check.canSend) {
    return (
      <p className="ok" data-testid="recipient-ok">
        {check.unverified.length > 0 ? t('recipient.allowedUnverified') : t('recipient.allowed')}
      </p>
    );
  }
  return (
    <ul className="blocked" data-testid="recipient-blocked">
      {check.blocked.map((blocked) => (
        <li
          key={`${blocked.reason} ${blocked.personId}`}
          role="alert"
          className="error"
          data-testid={`recipient-blocked-${blocked.reason}`}
          data-person={blocked.personId}
        >
          {blockSentence(tTrust, blocked.text)}
        </li>
      ))}
    </ul>
  );
};
