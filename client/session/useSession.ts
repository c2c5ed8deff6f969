import { useContext, useSyncExternalStore } from 'react';
import type { SessionView } from '../../shared/schemas/identity';
import { getKeyStatus, type KeyStatus, subscribeKeyStatus } from '../crypto/keyring-store';
import { SessionContext, type SessionContextValue } from './session-context';

/** The session state and its actions. */
export const useSession = (): SessionContextValue => {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession outside <SessionProvider>');
  }
  return value;
};

/** The signed-in session, or null. */
export const useSignedIn = (): SessionView | null => {
  const state = useSession();
  return state.status === 'signed-in' ? state.session : null;
};

/** Whether the keys are in memory, and why not: never the keys themselves. */
export const useKeyStatus = (): KeyStatus => useSyncExternalStore(subscribeKeyStatus, getKeyStatus);

/** Whether the signed-in person's keys are unlocked in this tab. */
export const useIsUnlocked = (): boolean => {
  const session = useSignedIn();
  const keys = useKeyStatus();
  return session !== null && keys.state === 'unlocked' && keys.personId === session.person.id;
};
