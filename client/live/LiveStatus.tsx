import { useContext, useSyncExternalStore } from 'react';
import type { LiveState } from './live-connection';
import { LiveContext } from './live-context';

const TEXT: Readonly<Record<LiveState, string>> = {
  connecting: 'Connecting to live updates…',
  open: 'Live: new entries appear here as they are logged',
  reconnecting: 'Live updates interrupted: reconnecting…',
  closed: 'Live updates off',
};

const noHub = () => () => undefined;

/** Whether this screen follows new entries without a reload. */
export const LiveStatus = () => {
  const hub = useContext(LiveContext);
  const state = useSyncExternalStore(hub?.subscribeState ?? noHub, hub?.getState ?? (() => 'closed' as const));
  return (
    <p className={`live-status is-${state}`} role="status" data-testid="live-status" data-state={state}>
      {TEXT[state]}
    </p>
  );
};
