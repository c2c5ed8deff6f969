import { createContext } from 'react';
import type { LogPinText } from '../../shared/log/log-pin-text';
import type { AcceptedCheckpoint } from '../crypto/directory';
import type { LogStatus } from '../crypto/log-pin';
import type { WitnessPinChange } from '../crypto/witness-pin-changes';

export type LogContextValue = {
  readonly status: LogStatus;
  readonly checking: boolean;
  /** A failure to reach the server (not a log failure: those are in `status.failure`). */
  readonly error: unknown;
  readonly check: () => Promise<void>;
  /**
   * Brings the log up to date and answers the latest checkpoint it accepted, or null when there is
   * no pin, no checkpoint yet, or a recorded failure.
   */
  readonly refreshLog: () => Promise<AcceptedCheckpoint | null>;
  /** Pins the log from out-of-band text, if the browser holds no pin yet (a different one is an alarm). */
  readonly pin: (pin: LogPinText, source: 'invitation' | 'entered') => void;
  readonly acknowledge: () => void;
  /** Applies the person's change to the witness pins, then checks the log under the pins held. */
  readonly changeWitnesses: (change: () => WitnessPinChange) => WitnessPinChange;
};

export const LogContext = createContext<LogContextValue | null>(null);
