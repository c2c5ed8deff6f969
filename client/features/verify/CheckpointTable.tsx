import { useT } from '../../i18n/useT';
import { ProofStateBadge } from './ProofState';
import type { CheckpointRow, ConsistencyRow } from './verify-report';

/** The bundle's checkpoints (the last is the anchor of every inclusion proof) and the proofs between them. */
export const CheckpointTable = ({
  checkpoints,
  consistency,
}: {
  checkpoints: readonly CheckpointRow[];
  consistency: readonly ConsistencyRow[];
}) => {
  const { t } = useT('verify');
  return (
    <table data-testid="verify-checkpoints">
      <thead>
        <tr>
          <th scope="col">{t('checkpointTable.subject')}</th>
          <th scope="col">{t('checkpointTable.state')}</th>
          <th scope="col">{t('checkpointTable.why')}</th>
        </tr>
      </thead>
      <tbody>
        {checkpoints.map((row, index) => (
          <tr key={row.subject} data-testid="verify-checkpoint">
            <td>
              {t(index === checkpoints.length - 1 ? 'checkpointTable.anchor' : 'checkpointTable.checkpoint', {
                size: row.size,
              })}
            </td>
            <td>
              <ProofStateBadge state={row.state} reasons={row.reasons} testId="verify-checkpoint-state" />
            </td>
            <td>{row.reasons.join('; ') || t('checkpointTable.signed')}</td>
          </tr>
        ))}
        {consistency.map((row) => (
          <tr key={row.subject} data-testid="verify-consistency">
            <td>{t('checkpointTable.consistency', { from: row.from, to: row.to })}</td>
            <td>
              <ProofStateBadge state={row.state} reasons={row.reasons} testId="verify-consistency-state" />
            </td>
            <td>
              {row.state === 'unchecked'
                ? t('checkpointTable.unchecked')
                : row.reasons.join('; ') || t('checkpointTable.extends', { from: row.from, to: row.to })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
