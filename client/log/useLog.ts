import { useContext } from 'react';
import { LogContext, type LogContextValue } from './log-context';

/** The pinned log, the last verified checkpoint, and any recorded failure. */
export const useLog = (): LogContextValue => {
  const value = useContext(LogContext);
  if (!value) {
    throw new Error('useLog outside <LogProvider>');
  }
  return value;
};
