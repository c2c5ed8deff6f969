import { createContext } from 'react';
import type { SessionView } from '../../shared/schemas/identity';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'signed-in'; readonly session: SessionView };

export type SessionActions = {
  /** Takes a session the server just started (enrolment, sign-in, passkey unlock). */
  readonly adopt: (session: SessionView) => void;
  /** Asks the server again (after an endorsement, say). */
  readonly refresh: () => Promise<void>;
  readonly signOut: () => Promise<void>;
  /** Ends every session of this person; answers how many ended. */
  readonly signOutEverywhere: () => Promise<number>;
};

export type SessionContextValue = SessionState & SessionActions;

export const SessionContext = createContext<SessionContextValue | null>(null);
