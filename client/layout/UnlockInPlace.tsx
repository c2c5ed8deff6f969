import { Link, useLocation } from 'react-router';
import { useAction } from '../api/useAction';
import { ErrorNotice } from '../components/ErrorNotice';
import { unlockWithPasskey } from '../crypto/sign-in';
import { useT } from '../i18n/useT';
import { useIsUnlocked, useSession, useSignedIn } from '../session/useSession';

// Pages that unlock on their own (Home, the unlock page) or come before any key exists.
const OWN_UNLOCK = new Set(['/', '/unlock', '/enrol', '/recover']);

/**
 * Offered on every page while the signed-in person's keys are locked (after a reload or an
 * auto-lock): one passkey tap unlocks without leaving the page, so what it shows (read again from
 * the local store) and any draft being written stay where they are.
 */
export const UnlockInPlace = () => {
  const { t } = useT();
  const { t: tl } = useT('layout');
  const session = useSignedIn();
  const { adopt } = useSession();
  const isUnlocked = useIsUnlocked();
  const { pathname } = useLocation();
  const { busy, error, run, setError } = useAction();
  if (!session || isUnlocked || session.person.status !== 'active' || OWN_UNLOCK.has(pathname)) {
    return null;
  }
  const unlock = () =>
    run(
      () => unlockWithPasskey(session),
      (result) => {
        adopt(result.session);
        if (!result.unlocked) {
          setError(result.unlockError ?? new Error(tl('noKeyHere')));
        }
      },
    );
  return (
    <section className="notice unlock-in-place" aria-label={t('account.unlockInPlace')} data-testid="unlock-in-place">
      <p>{t('account.lockedHere')}</p>
      <button type="button" className="primary" onClick={unlock} disabled={busy} data-testid="unlock-in-place-passkey">
        {busy ? t('account.waitingForPasskey') : t('account.unlockInPlace')}
      </button>{' '}
      <Link to="/unlock">{t('account.otherWays')}</Link>
      <ErrorNotice error={error} testId="unlock-in-place-error" />
    </section>
  );
};
