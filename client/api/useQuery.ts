import { useCallback, useEffect, useRef, useState } from 'react';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'ready'; readonly data: T; readonly provisional?: true };

/**
 * Runs `load` on mount and whenever `reload` is called; drops replies of superseded runs.
 * `refresh` runs it again but keeps showing the current data until the new data is in (live
 * updates: a form being filled in must not be unmounted by someone else's entry). While `load`
 * runs on mount or for new deps, what `preview` answers (if anything, and if first) is shown as
 * provisional data.
 */
export const useQuery = <T>(load: () => Promise<T>, deps: readonly unknown[], preview?: () => Promise<T | null>) => {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const isQuiet = useRef(false);
  const lastGeneration = useRef(generation);
  useEffect(() => {
    let current = true;
    if (!isQuiet.current) {
      setState({ status: 'loading' });
    }
    let settled = false;
    // A preview stands in on mount and for new deps; a reload asked for fresh data, not an older copy.
    const isReload = generation !== lastGeneration.current;
    lastGeneration.current = generation;
    if (!isQuiet.current && !isReload && preview) {
      preview().then(
        (data) => current && !settled && data !== null && setState({ status: 'ready', data, provisional: true }),
        () => undefined,
      );
    }
    isQuiet.current = false;
    load().then(
      (data) => {
        settled = true;
        if (current) {
          setState({ status: 'ready', data });
        }
      },
      (error: unknown) => {
        settled = true;
        if (current) {
          setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const refresh = useCallback(() => {
    isQuiet.current = true;
    setGeneration((value) => value + 1);
  }, []);
  return [state, reload, refresh] as const;
};
