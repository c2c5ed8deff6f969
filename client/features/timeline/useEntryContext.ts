import { useCallback, useMemo } from 'react';
import { storedLogStatus } from '../../crypto/log-pin';
import type { AcceptedCheckpoint, EntryContext } from '../../entries/entry-context';
import { useLog } from '../../log/useLog';
import { useSignedIn } from '../../session/useSession';
import { useTrust } from '../../trust/useTrust';

export type EntryContextState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly context: EntryContext };

/**
 * The signed-in person, the key directory this browser verified and the log monitor, as entry
 * logic needs them. Ready once the directory is; `context.verifications` is null while locked.
 */
export const useEntryContext = (): EntryContextState => {
  const session = useSignedIn();
  const { state } = useTrust();
  const { check } = useLog();
  const refreshLog = useCallback(async (): Promise<AcceptedCheckpoint | null> => {
    await check();
    const status = storedLogStatus();
    return status.failure ? null : status.checkpoint;
  }, [check]);
  return useMemo((): EntryContextState => {
    if (state.status === 'error') {
      return { status: 'error', error: state.error };
    }
    if (!session || state.status !== 'ready') {
      return { status: 'loading' };
    }
    const { person, csrfToken } = session;
    return {
      status: 'ready',
      context: {
        me: { personId: person.id, partyId: person.party.id, role: person.role },
        csrfToken,
        directory: state.directory,
        people: state.people,
        verifications: state.verifications,
        refreshLog,
      },
    };
  }, [session, state, refreshLog]);
};
