import { type ReactNode, useEffect, useState } from 'react';
import { useSignedIn } from '../session/useSession';
import { connectLive } from './live-connection';
import { LiveContext } from './live-context';
import { LiveHub } from './live-hub';

/**
 * One event stream per signed-in tab, for people who read streams (active envoys, staff and
 * reviewers; admins read none). A new session (another sign-in) opens a new connection.
 */
export const LiveProvider = ({ children }: { children: ReactNode }) => {
  const session = useSignedIn();
  const [hub] = useState(() => new LiveHub());
  const listens = session?.person.status === 'active' && session.person.role !== 'admin';
  const sessionKey = listens ? `${session.person.id} ${session.csrfToken}` : null;
  useEffect(() => {
    if (sessionKey === null) {
      return undefined;
    }
    return connectLive({ onNotice: hub.notify, onResync: hub.resync, onState: hub.setState });
  }, [hub, sessionKey]);
  return <LiveContext.Provider value={hub}>{children}</LiveContext.Provider>;
};
