import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';

/**
 * Said where an action needs the person's keys and they are locked. `action` is already in the
 * reader's language: the verb phrase that completes "unlock them to …".
 */
export const LockedNotice = ({ action }: { action: string }) => {
  const { t } = useT('components');
  return (
    <p className="notice" role="status" data-testid="locked-notice">
      <Trans t={t} i18nKey="locked" values={{ action }} components={{ unlock: <Link to="/unlock" /> }} />
    </p>
  );
};
