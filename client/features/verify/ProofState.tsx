import { useT } from '../../i18n/useT';
import type { ProofState } from './verify-report';

/** One check's outcome as a badge, with the reasons (or why it was not checked) beside it. */
export const ProofStateBadge = ({
  state,
  reasons = [],
  testId,
}: {
  state: ProofState;
  reasons?: readonly string[];
  testId: string;
}) => {
  const { t } = useT('verify');
  return (
    <span className={`check ${state}`} data-testid={testId} data-state={state} title={reasons.join('\n')}>
      {t(`state.${state}`)}
    </span>
  );
};
