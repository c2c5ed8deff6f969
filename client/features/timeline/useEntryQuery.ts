import { useQuery } from '../../api/useQuery';
import type { EntryContext } from '../../entries/entry-context';
import { useIsUnlocked } from '../../session/useSession';
import { useReloadOnMount } from '../people/useReloadOnMount';
import { useEntryContext } from './useEntryContext';

/**
 * Runs `load` with the entry context once it is ready, again when the keys lock or unlock (what
 * can be opened changes) and on `reload` (or on `refresh`, which keeps the data shown meanwhile).
 * Answers the query state, or the context's own. Loaders verify against a directory they fetch
 * themselves; the shared one is refreshed on mount so that the send checks of forms see people
 * enrolled since sign-in. What `preview` answers first (the local store's copy) is shown meanwhile,
 * marked provisional.
 */
export const useEntryQuery = <T>(
  load: (context: EntryContext) => Promise<T>,
  key: string,
  preview?: (context: EntryContext) => Promise<T | null>,
) => {
  const state = useEntryContext();
  const isUnlocked = useIsUnlocked();
  useReloadOnMount();
  const context = state.status === 'ready' ? state.context : null;
  const [query, reload, refresh] = useQuery<T | null>(
    () => (context === null ? Promise.resolve(null) : load(context)),
    [context === null, context?.me.personId, isUnlocked, key],
    preview && context !== null ? () => preview(context) : undefined,
  );
  return { context, contextState: state, query, reload, refresh };
};
