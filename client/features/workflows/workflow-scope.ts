import { directoryName } from '../../entries/directory-people';
import type { EntryContext } from '../../entries/entry-context';
import type { Names } from '../../entries/entry-view';
import type { EntryChecks } from '../../entries/read-stream';
import type { EntryWorkflow } from '../../entries/workflow-view';

/** What the workflow panels of one timeline share: the derived facts, names, and how to write. */
export type WorkflowScope = {
  readonly context: EntryContext;
  readonly workflows: ReadonlyMap<string, EntryWorkflow>;
  readonly names: Names;
  /** This browser's checks of every loaded entry, by entry hash (a countersignature's, say). */
  readonly checks: ReadonlyMap<string, EntryChecks>;
  /** Member parties of the stream the timeline shows: every answer is sealed to them. */
  readonly members: readonly string[];
  /** The reader's party is a member and their keys are unlocked. */
  readonly canWrite: boolean;
  /** Reads everything again after an answer was appended. */
  readonly onWritten: () => void;
};

/** A person's name from their statements in the log, or a short id. */
export const personName = (scope: WorkflowScope, personId: string): string =>
  directoryName(scope.names.directory, personId);
