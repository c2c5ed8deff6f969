import { Outlet } from 'react-router';
import { LogFailureBanner } from '../features/log/LogFailureBanner';
import { useLog } from '../log/useLog';
import { AccountBar } from './AccountBar';
import { Navigation } from './Navigation';

/**
 * The frame every screen slots into: masthead, navigation, account and key status, content. A
 * transparency-log failure replaces the content until the person acknowledges the evidence.
 */
export const Layout = () => {
  const { status } = useLog();
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="masthead">
        <span className="brand">Parley</span>
        <Navigation />
        <AccountBar />
      </header>
      {status.failure ? <LogFailureBanner failure={status.failure} /> : null}
      <main id="content">{status.failure ? null : <Outlet />}</main>
    </div>
  );
};
