import { createContext } from 'react';
import type { LogStatus } from '../crypto/log-pin';

export type LogContextValue = {
  readonly status: LogStatus;
  readonly checking: boolean;
  /** A failure to reach the server (not a log failure: those are in `status.failure`). */
  readonly error: unknown;
  readonly check: () => Promise<void>;
  readonly acknowledge: () => void;
};

export const LogContext = createContext<LogContextValue | null>(null);
