import { Link } from 'react-router';
import { useT } from '../../i18n/useT';
import { useIsUnlocked } from '../../session/useSession';
import { UnlockPanel } from './UnlockPanel';

/** `/unlock`: where "Locked — unlock" leads. */
export const UnlockPage = () => {
  const { t } = useT('sign-in');
  return useIsUnlocked() ? (
    <p role="status" data-testid="unlocked">
      {t('unlocked')} <Link to="/">{t('continue')}</Link>
    </p>
  ) : (
    <UnlockPanel />
  );
};
