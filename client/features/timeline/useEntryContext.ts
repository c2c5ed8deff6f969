import { useMemo } from 'react';
import type { EntryContext } from '../../entries/entry-context';
import { useLog } from '../../log/useLog';
import { useSignedIn } from '../../session/useSession';
import { useConfirmReaders } from '../../trust/useConfirmReaders';
import { useTrust } from '../../trust/useTrust';

export type EntryContextState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly context: EntryContext };

/**
 * The signed-in person, what this browser verified (client/trust), the log monitor and the new
 * readers dialog, as entry logic needs them. Ready once the directory is; `context.trust.verifications`
 * is null while locked.
 */
export const useEntryContext = (): EntryContextState => {
  const session = useSignedIn();
  const { state } = useTrust();
  const { refreshLog } = useLog();
  const confirmNewReaders = useConfirmReaders();
  return useMemo((): EntryContextState => {
    if (state.status === 'error') {
      return { status: 'error', error: state.error };
    }
    if (!session || state.status !== 'ready') {
      return { status: 'loading' };
    }
    const { person, csrfToken } = session;
    const { status: _ready, ...trust } = state;
    return {
      status: 'ready',
      context: {
        // Party and role as the log binds them to this person's key; the session's word until they hold one.
        me: {
          personId: person.id,
          partyId: state.directory.currentKey(person.id)?.party ?? person.party.id,
          role: state.directory.currentKey(person.id)?.role ?? person.role,
        },
        csrfToken,
        trust,
        refreshLog,
        confirmNewReaders,
      },
    };
  }, [session, state, refreshLog, confirmNewReaders]);
};
