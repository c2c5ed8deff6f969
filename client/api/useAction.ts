import { useCallback, useState } from 'react';

/** Runs one user action at a time, with its busy flag and its error for display. */
export const useAction = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(<T>(action: () => Promise<T>, onDone?: (value: T) => void) => {
    setBusy(true);
    setError(null);
    action().then(
      (value) => {
        setBusy(false);
        onDone?.(value);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  }, []);
  return { busy, error, run, setError };
};
