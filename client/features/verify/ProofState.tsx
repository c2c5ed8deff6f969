import type { ProofState } from './verify-report';

const STATE_TEXT: Readonly<Record<ProofState, string>> = {
  valid: 'valid',
  invalid: 'FAILED',
  unchecked: 'not checked',
};

/** One check's outcome as a badge, with the reasons (or why it was not checked) beside it. */
export const ProofStateBadge = ({
  state,
  reasons = [],
  testId,
}: {
  state: ProofState;
  reasons?: readonly string[];
  testId: string;
}) => (
  <span className={`check ${state}`} data-testid={testId} data-state={state} title={reasons.join('\n')}>
    {STATE_TEXT[state]}
  </span>
);
