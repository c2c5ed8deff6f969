import type { BundleScope } from '../../../shared/audit/bundle';
import type { VerifyReport } from './verify-report';

const scopeText = (scope: BundleScope | null): string =>
  scope === null ? 'unknown' : scope.kind === 'log' ? 'the whole log' : `${scope.kind} ${scope.id}`;

/** The verdict and what it rests on: the pinned key, the anchor, and how many of each thing were checked. */
export const VerifySummary = ({ report }: { report: VerifyReport }) => {
  const { summary } = report;
  const validEntries = report.entries.length - report.failingEntries;
  const failures = report.entries.flatMap((row) => row.failures).length + report.otherFailures.length;
  const checkpointsValid = report.checkpoints.filter((row) => row.state === 'valid').length;
  const proofsValid = report.consistency.filter((row) => row.state === 'valid').length;
  return (
    <>
      {report.ok ? (
        <p className="verify-verdict valid" role="status" data-testid="verify-status" data-state="valid">
          Everything in this bundle verifies against the log key this browser pinned.
        </p>
      ) : (
        <p className="verify-verdict invalid" role="alert" data-testid="verify-status" data-state="invalid">
          Verification failed: {failures} problem{failures === 1 ? '' : 's'} found, listed below.
        </p>
      )}
      <dl className="facts" data-testid="verify-summary">
        <dt>Scope</dt>
        <dd data-testid="verify-scope">{scopeText(summary.scope)}</dd>
        <dt>Log origin</dt>
        <dd>{summary.origin}</dd>
        <dt>Pinned log key</dt>
        <dd>
          <code data-testid="verify-pinned-key">{summary.logKey}</code>
        </dd>
        <dt>Tree size proven</dt>
        <dd data-testid="verify-tree-size">{summary.treeSize ?? 'none: the last checkpoint does not verify'}</dd>
        <dt>Entries</dt>
        <dd>
          <span data-testid="verify-entry-count">{report.entries.length}</span> (
          <span data-testid="verify-valid-count">{validEntries}</span> valid,{' '}
          <span data-testid="verify-failing-count">{report.failingEntries}</span> failing; {summary.ciphertexts} with
          ciphertext)
        </dd>
        <dt>Checkpoints</dt>
        <dd>
          <span data-testid="verify-checkpoint-count">{checkpointsValid}</span> of {report.checkpoints.length} verify;{' '}
          <span data-testid="verify-consistency-count">{proofsValid}</span> of {report.consistency.length} consistency
          proofs hold
        </dd>
        <dt>Key statements</dt>
        <dd data-testid="verify-statement-count">{summary.statements}</dd>
        <dt>Streams</dt>
        <dd data-testid="verify-stream-count">{summary.streams}</dd>
        <dt>Key directory complete</dt>
        <dd data-testid="verify-directory-complete">
          {summary.directoryComplete ? 'yes: the leaf list proves every key statement is here' : 'not proven'}
        </dd>
      </dl>
      {report.notes.length > 0 ? (
        <ul className="hint" data-testid="verify-notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
};
