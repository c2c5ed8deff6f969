import { Outlet, useLocation } from 'react-router';
import { LogFailureBanner } from '../features/log/LogFailureBanner';
import { LogPinScreen } from '../features/log/LogPinScreen';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/useT';
import { useLog } from '../log/useLog';
import { useSignedIn } from '../session/useSession';
import { AccountBar } from './AccountBar';
import { Navigation } from './Navigation';
import { UnlockInPlace } from './UnlockInPlace';
import { usePageFocus } from './usePageFocus';

/**
 * The frame every screen slots into: masthead, navigation, account and key status, content. A
 * transparency-log failure replaces the content until the person acknowledges the evidence; a
 * signed-in person whose browser has no log pin is asked for it first (the page waits, hidden).
 */
export const Layout = () => {
  const { t } = useT();
  const { status } = useLog();
  const session = useSignedIn();
  const { pathname } = useLocation();
  const announcement = usePageFocus();
  const needsPin = session !== null && status.pin === null && pathname !== '/enrol';
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('layout.skipToContent')}
      </a>
      <header className="masthead">
        <span className="brand">Parley</span>
        <Navigation />
        <div className="masthead-tools">
          <LanguageSwitch />
          <AccountBar />
        </div>
      </header>
      {status.failure ? <LogFailureBanner failure={status.failure} /> : null}
      <main id="content" tabIndex={-1}>
        {needsPin && !status.failure ? <LogPinScreen /> : null}
        {needsPin || status.failure ? null : <UnlockInPlace />}
        {/* Kept mounted while the pin is asked for, so that what the page said at sign-in stays. */}
        {status.failure ? null : (
          <div hidden={needsPin}>
            <Outlet />
          </div>
        )}
      </main>
      <p className="visually-hidden" aria-live="polite" data-testid="page-announcement">
        {announcement === '' ? '' : t('layout.pageChanged', { title: announcement })}
      </p>
    </div>
  );
};
