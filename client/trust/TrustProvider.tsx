import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { API } from '../../shared/api/index';
import { api } from '../api/transport';
import { peopleHintConflicts } from '../core/people-hints';
import { currentDirectory } from '../crypto/directory';
import { loadVerifications } from '../crypto/verifications';
import { useLog } from '../log/useLog';
import { useIsUnlocked, useSignedIn } from '../session/useSession';
import { AwaitingEndorsementError, TrustContext, type TrustState } from './trust-context';

/**
 * Loads the key directory from the log (proven under the checkpoint the log monitor accepts now),
 * the server's people and parties as display hints checked against it, and, once the keys are
 * unlocked, the sealed list of people and party roots this person verified. Reloads on sign-in,
 * unlock, a change of pin and on demand (after an endorsement, a revocation or a new verification).
 */
export const TrustProvider = ({ children }: { children: ReactNode }) => {
  const session = useSignedIn();
  const personId = session?.person.id ?? null;
  // The log gives a pending person no key statements: nothing to prove until they are endorsed.
  const isPending = session?.person.status === 'pending';
  const isUnlocked = useIsUnlocked();
  const { status, refreshLog } = useLog();
  const pinned = status.pin?.verifierKey ?? null;
  const [state, setState] = useState<TrustState>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (personId === null || pinned === null) {
      setState({ status: 'idle' });
      return;
    }
    if (isPending) {
      setState({ status: 'error', error: new AwaitingEndorsementError() });
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
    const loadOnce = async () => {
      const [{ directory }, { people }, { parties }] = await Promise.all([
        currentDirectory(refreshLog),
        api(API.listPeople),
        api(API.listParties),
      ]);
      return { directory, people, parties, conflicts: peopleHintConflicts(people, directory) };
    };
    const load = async () => {
      let data = await loadOnce();
      // The list and the log are read at slightly different moments: someone endorsed or revoked
      // in between looks like a contradiction once. A second read settles it; a lie stays.
      if (data.conflicts.length > 0) {
        data = await loadOnce();
      }
      let verifications = null;
      let verificationsError: unknown = null;
      if (isUnlocked) {
        try {
          verifications = await loadVerifications(personId, data.directory);
        } catch (error) {
          verificationsError = error;
        }
      }
      return { ...data, verifications, verificationsError };
    };
    load().then(
      (data) => current && setState({ status: 'ready', ...data }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [personId, pinned, isPending, isUnlocked, generation, refreshLog]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const value = useMemo(() => ({ state, reload }), [state, reload]);
  return <TrustContext.Provider value={value}>{children}</TrustContext.Provider>;
};
