import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { callRoute } from '../../shared/api/client';
import { API } from '../../shared/api/index';
import type { SessionView } from '../../shared/schemas/identity';
import {
  api,
  browserTransport,
  endSessionRequests,
  onUnauthenticated,
  setCsrfToken,
  startSessionRequests,
} from '../api/transport';
import { startAutoLock } from '../crypto/auto-lock';
import { getKeyStatus, lockKeyring } from '../crypto/keyring-store';
import { dropPendingVaultCopy } from '../crypto/recovered-passkey-copy';
import { forgetReadCaseReferences } from '../entries/load-streams';
import { forgetDrafts } from '../store/drafts';
import { wipeLocalStore } from '../store/local-db';
import { SessionContext, type SessionContextValue, type SessionState } from './session-context';

/**
 * The signed-in person, from `GET /api/session` on load. Keeps the anti-forgery token for writes,
 * drops the unlocked keys, drafts and the person's local store at sign-out (keys and drafts when
 * another person's session arrives), and runs the idle and hidden-tab auto-lock
 * (client/crypto/auto-lock.ts).
 */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const signedInAs = useRef<string | null>(null);

  const adopt = useCallback((session: SessionView) => {
    signedInAs.current = session.person.id;
    const keys = getKeyStatus();
    if (keys.state === 'unlocked' && keys.personId !== session.person.id) {
      lockKeyring('other-person');
    }
    if (signedInAs.current !== null && signedInAs.current !== session.person.id) {
      forgetDrafts();
    }
    setCsrfToken(session.csrfToken);
    startSessionRequests();
    setState({ status: 'signed-in', session });
  }, []);

  const forget = useCallback(() => {
    endSessionRequests();
    lockKeyring('signed-out');
    dropPendingVaultCopy();
    forgetDrafts();
    forgetReadCaseReferences();
    // The person's local store (client/store) goes with the session: nothing of theirs stays behind.
    if (signedInAs.current !== null) {
      void wipeLocalStore(signedInAs.current);
      signedInAs.current = null;
    }
    setCsrfToken(null);
    setState({ status: 'signed-out' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const { session } = await api(API.getSession);
      if (session) {
        adopt(session);
      } else {
        forget();
      }
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [adopt, forget]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => startAutoLock(), []);

  // A 401 anywhere means the server ended this session (sign-out elsewhere, revocation, expiry).
  useEffect(() => onUnauthenticated(() => void refresh()), [refresh]);

  // Signing out first stops this session's other requests, so none reaches the server after it.
  const signOut = useCallback(async () => {
    endSessionRequests();
    try {
      await callRoute(browserTransport, API.signOut);
    } finally {
      forget();
    }
  }, [forget]);

  const signOutEverywhere = useCallback(async () => {
    endSessionRequests();
    try {
      return (await callRoute(browserTransport, API.signOutEverywhere)).ended;
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo<SessionContextValue>(
    () => ({ ...state, adopt, refresh, signOut, signOutEverywhere }),
    [state, adopt, refresh, signOut, signOutEverywhere],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};
