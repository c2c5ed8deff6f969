import { ProofStateBadge } from './ProofState';
import type { CheckpointRow, ConsistencyRow } from './verify-report';

/** The bundle's checkpoints (the last is the anchor of every inclusion proof) and the proofs between them. */
export const CheckpointTable = ({
  checkpoints,
  consistency,
}: {
  checkpoints: readonly CheckpointRow[];
  consistency: readonly ConsistencyRow[];
}) => (
  <table data-testid="verify-checkpoints">
    <thead>
      <tr>
        <th scope="col">Checkpoint or proof</th>
        <th scope="col">State</th>
        <th scope="col">Why</th>
      </tr>
    </thead>
    <tbody>
      {checkpoints.map((row, index) => (
        <tr key={row.subject} data-testid="verify-checkpoint">
          <td>
            Checkpoint of tree size {row.size}
            {index === checkpoints.length - 1 ? ' (anchor)' : ''}
          </td>
          <td>
            <ProofStateBadge state={row.state} reasons={row.reasons} testId="verify-checkpoint-state" />
          </td>
          <td>{row.reasons.join('; ') || 'signed by the pinned log key'}</td>
        </tr>
      ))}
      {consistency.map((row) => (
        <tr key={row.subject} data-testid="verify-consistency">
          <td>
            Consistency {row.from} → {row.to}
          </td>
          <td>
            <ProofStateBadge state={row.state} reasons={row.reasons} testId="verify-consistency-state" />
          </td>
          <td>
            {row.state === 'unchecked'
              ? 'not checked: a checkpoint beside it does not verify'
              : row.reasons.join('; ') || `tree ${row.to} extends tree ${row.from}`}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
