import { useMemo } from 'react';
import { directoryPeople } from '../../entries/directory-people';
import type { EntryContext } from '../../entries/entry-context';
import type { LoadedStreams } from '../../entries/load-streams';
import { entryWorkflows } from '../../entries/workflow-view';
import { useIsUnlocked } from '../../session/useSession';
import type { WorkflowScope } from './workflow-scope';

/**
 * The workflow facts of every entry of the stream `streamId`, derived from everything loaded,
 * for today's date (overdue is computed here, in the browser), or null until loaded.
 */
export const useWorkflowScope = (
  context: EntryContext | null,
  loaded: LoadedStreams | undefined,
  streamId: string,
  onWritten: () => void,
): WorkflowScope | null => {
  const isUnlocked = useIsUnlocked();
  return useMemo(() => {
    const own = loaded?.streams.find(({ stream }) => stream.id === streamId);
    if (!context || !loaded || !own) {
      return null;
    }
    const all = loaded.streams.flatMap(({ entries }) => entries.map(({ entry }) => entry));
    const checks = new Map(
      loaded.streams.flatMap(({ entries }) =>
        entries.map((verified) => [verified.entry.entryHash, verified.checks] as const),
      ),
    );
    const workflows = entryWorkflows(
      own.entries.map(({ entry }) => entry),
      all,
      directoryPeople(loaded.names.directory),
      context.me,
      new Date(),
    );
    const party = loaded.names.directory.currentKey(context.me.personId)?.party;
    const canWrite = isUnlocked && party !== undefined && own.members.includes(party);
    return { context, workflows, names: loaded.names, checks, members: own.members, canWrite, onWritten };
  }, [context, loaded, streamId, isUnlocked, onWritten]);
};
