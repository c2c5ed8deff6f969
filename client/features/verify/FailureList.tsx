import type { BundleFailure } from '../../../shared/audit/failures';

/** Every failure the verifier named, subject first: the list a reviewer reports from. */
export const FailureList = ({ failures }: { failures: readonly BundleFailure[] }) =>
  failures.length === 0 ? null : (
    <ol className="verify-failures" data-testid="verify-failures">
      {failures.map((failure) => (
        <li key={`${failure.subject} ${failure.reason}`} data-testid="verify-failure">
          <strong data-testid="verify-failure-subject">{failure.subject}</strong>:{' '}
          <span data-testid="verify-failure-reason">{failure.reason}</span>
        </li>
      ))}
    </ol>
  );
