import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { API } from '../../shared/api/index';
import { api } from '../api/transport';
import { fetchVerifiedDirectory } from '../crypto/directory';
import { loadVerifications } from '../crypto/verifications';
import { useIsUnlocked, useSignedIn } from '../session/useSession';
import { TrustContext, type TrustState } from './trust-context';

/**
 * Loads and verifies the key directory for the signed-in person, with the people list and, once
 * the keys are unlocked, their sealed list of verified contacts. Reloads on sign-in, unlock and
 * on demand (after an endorsement, a revocation or a new verification).
 */
export const TrustProvider = ({ children }: { children: ReactNode }) => {
  const session = useSignedIn();
  const personId = session?.person.id ?? null;
  const isUnlocked = useIsUnlocked();
  const [state, setState] = useState<TrustState>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (personId === null) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    // Keep showing the last directory while reloading, but never decrypted data after a lock.
    setState((previous) => {
      if (previous.status !== 'ready') {
        return { status: 'loading' };
      }
      return isUnlocked ? previous : { ...previous, verifications: null, verificationsError: null };
    });
    const load = async () => {
      const [directory, { people }] = await Promise.all([fetchVerifiedDirectory(), api(API.listPeople)]);
      let verifications = null;
      let verificationsError: unknown = null;
      if (isUnlocked) {
        try {
          verifications = await loadVerifications(personId, directory);
        } catch (error) {
          verificationsError = error;
        }
      }
      return { directory, people, verifications, verificationsError };
    };
    load().then(
      (data) => current && setState({ status: 'ready', ...data }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [personId, isUnlocked, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const value = useMemo(() => ({ state, reload }), [state, reload]);
  return <TrustContext.Provider value={value}>{children}</TrustContext.Provider>;
};
