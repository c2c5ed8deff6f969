import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { acknowledgeLogFailure, checkLog, type LogStatus, storedLogStatus } from '../crypto/log-pin';
import { useSignedIn } from '../session/useSession';
import { LogContext, type LogContextValue } from './log-context';

/** Checks the transparency log against this browser's pin at every sign-in, and on demand. */
export const LogProvider = ({ children }: { children: ReactNode }) => {
  const session = useSignedIn();
  const sessionKey = session ? `${session.person.id} ${session.expiresAt}` : null;
  const [status, setStatus] = useState<LogStatus>(storedLogStatus);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const check = useCallback(async () => {
    setChecking(true);
    try {
      setStatus(await checkLog());
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    if (sessionKey !== null) {
      void check();
    }
  }, [sessionKey, check]);

  const acknowledge = useCallback(() => setStatus(acknowledgeLogFailure()), []);
  const value = useMemo<LogContextValue>(
    () => ({ status, checking, error, check, acknowledge }),
    [status, checking, error, check, acknowledge],
  );
  return <LogContext.Provider value={value}>{children}</LogContext.Provider>;
};
