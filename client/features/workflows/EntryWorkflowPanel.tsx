import type { EntryView } from '../../entries/entry-view';
import { AgreedMinutesPanel, CountersignatureNote } from '../agreed-minutes/AgreedMinutesPanel';
import { CommitmentPanel } from '../commitments/CommitmentPanel';
import { DisputesPanel } from '../disputes/DisputesPanel';
import { ReceiptsPanel } from '../receipts/ReceiptsPanel';
import type { WorkflowScope } from './workflow-scope';

/** Under a timeline card: its minutes or commitment state, its receipts, and the claims about it. */
export const EntryWorkflowPanel = ({ entry, scope }: { entry: EntryView; scope: WorkflowScope }) => {
  const workflow = scope.workflows.get(entry.entryHash);
  if (!workflow) {
    return null;
  }
  const { minutes, commitment, receipts } = workflow;
  return (
    <div className="entry-workflow" data-testid="entry-workflow">
      {minutes && entry.type === 'agreed_minutes' ? (
        <AgreedMinutesPanel
          entry={entry}
          minutes={minutes}
          canCountersign={workflow.canCountersign}
          canSupersede={workflow.canSupersede}
          scope={scope}
        />
      ) : null}
      {minutes && entry.type === 'countersignature' ? <CountersignatureNote entry={entry} minutes={minutes} /> : null}
      {commitment ? <CommitmentPanel entry={entry} view={commitment} scope={scope} /> : null}
      {receipts ? (
        <ReceiptsPanel entry={entry} receipts={receipts} canAcknowledge={workflow.canAcknowledge} scope={scope} />
      ) : null}
      <DisputesPanel entry={entry} disputes={workflow.disputes} canDispute={workflow.canDispute} scope={scope} />
    </div>
  );
};
