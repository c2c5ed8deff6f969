import { useContext, useEffect, useRef } from 'react';
import { LiveContext } from './live-context';

/** Notices arriving together (a burst of appends) cause one re-read. */
const SETTLE_MS = 50;

/**
 * Calls `refresh` when a notice arrives for a stream `isShown` accepts (every stream when absent),
 * and after the connection comes back from a gap. The notice itself is never shown: `refresh`
 * must fetch and verify again, and only what verifies appears.
 */
export const useLiveRefresh = (refresh: () => void, isShown?: (streamId: string) => boolean): void => {
  const hub = useContext(LiveContext);
  const latest = useRef({ refresh, isShown });
  latest.current = { refresh, isShown };
  useEffect(() => {
    if (!hub) {
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.refresh(), SETTLE_MS);
    };
    const unsubscribe = hub.subscribe({
      onNotice: (notice) => {
        if (latest.current.isShown?.(notice.streamId) ?? true) {
          schedule();
        }
      },
      onResync: schedule,
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [hub]);
};
