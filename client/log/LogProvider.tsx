import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { LogPinText } from '../../shared/log/log-pin-text';
import {
  acknowledgeLogFailure,
  changeWitnessPins,
  checkLog,
  type LogStatus,
  onLogFailure,
  pinLog,
  storedLogStatus,
} from '../crypto/log-pin';
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

  const refreshLog = useCallback(async () => {
    await check();
    const latest = storedLogStatus();
    return latest.failure || !latest.pin ? null : latest.checkpoint;
  }, [check]);

  // A split view found while reading a stream (gossip) is recorded outside checkLog.
  useEffect(() => onLogFailure(() => setStatus(storedLogStatus())), []);

  const pinned = status.pin?.verifierKey ?? null;
  useEffect(() => {
    if (sessionKey !== null && pinned !== null) {
      void check();
    }
  }, [sessionKey, pinned, check]);

  const pin = useCallback((text: LogPinText, source: 'invitation' | 'entered') => setStatus(pinLog(text, source)), []);
  const acknowledge = useCallback(() => setStatus(acknowledgeLogFailure()), []);
  const changeWitnesses = useCallback<LogContextValue['changeWitnesses']>(
    (apply) => {
      const changed = changeWitnessPins(apply);
      setStatus(changed.status);
      if (changed.change.ok && sessionKey !== null) {
        void check();
      }
      return changed.change;
    },
    [check, sessionKey],
  );
  const value = useMemo<LogContextValue>(
    () => ({ status, checking, error, check, refreshLog, pin, acknowledge, changeWitnesses }),
    [status, checking, error, check, refreshLog, pin, acknowledge, changeWitnesses],
  );
  return <LogContext.Provider value={value}>{children}</LogContext.Provider>;
};
