import { useContext, useSyncExternalStore } from 'react';
import { useT } from '../i18n/useT';
import { LiveContext } from './live-context';

const noHub = () => () => undefined;

/** Whether this screen follows new entries without a reload. */
export const LiveStatus = () => {
  const { t } = useT('common');
  const hub = useContext(LiveContext);
  const state = useSyncExternalStore(hub?.subscribeState ?? noHub, hub?.getState ?? (() => 'closed' as const));
  return (
    <p className={`live-status is-${state}`} role="status" data-testid="live-status" data-state={state}>
      {t(`live.${state}`)}
    </p>
  );
};
