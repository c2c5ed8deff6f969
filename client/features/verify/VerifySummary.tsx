import type { TFunction } from 'i18next';
import { Trans } from 'react-i18next';
import type { BundleScope } from '../../../shared/audit/bundle';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import type { VerifyReport } from './verify-report';

const scopeText = (t: TFunction, scope: BundleScope | null): string =>
  scope === null
    ? t('summary.scopeUnknown')
    : scope.kind === 'log'
      ? t('summary.scopeLog')
      : `${t(`kind.${scope.kind}`)} ${scope.id}`;

/** The verdict and what it rests on: the pinned key, the anchor, and how many of each thing were checked. */
export const VerifySummary = ({ report }: { report: VerifyReport }) => {
  const { t } = useT('verify');
  const format = useFormat();
  const { summary } = report;
  const validEntries = report.entries.length - report.failingEntries;
  const failures = report.entries.flatMap((row) => row.failures).length + report.otherFailures.length;
  const checkpointsValid = report.checkpoints.filter((row) => row.state === 'valid').length;
  const proofsValid = report.consistency.filter((row) => row.state === 'valid').length;
  return (
    <>
      {report.ok ? (
        <p className="verify-verdict valid" role="status" data-testid="verify-status" data-state="valid">
          {t('summary.valid')}
        </p>
      ) : (
        <p className="verify-verdict invalid" role="alert" data-testid="verify-status" data-state="invalid">
          {t('summary.failed', { count: failures })}
        </p>
      )}
      <dl className="facts" data-testid="verify-summary">
        <dt>{t('summary.scope')}</dt>
        <dd data-testid="verify-scope">{scopeText(t, summary.scope)}</dd>
        <dt>{t('summary.origin')}</dt>
        <dd>{summary.origin}</dd>
        <dt>{t('summary.pinnedKey')}</dt>
        <dd>
          <code data-testid="verify-pinned-key">{summary.logKey}</code>
        </dd>
        <dt>{t('summary.treeSize')}</dt>
        <dd data-testid="verify-tree-size">{summary.treeSize ?? t('summary.treeSizeNone')}</dd>
        <dt>{t('summary.entries')}</dt>
        <dd>
          <Trans
            t={t}
            i18nKey="summary.entryCounts"
            values={{
              total: format.number(report.entries.length),
              valid: format.number(validEntries),
              failing: format.number(report.failingEntries),
              ciphertexts: format.number(summary.ciphertexts),
            }}
            components={{
              total: <span data-testid="verify-entry-count" />,
              valid: <span data-testid="verify-valid-count" />,
              failing: <span data-testid="verify-failing-count" />,
            }}
          />
        </dd>
        <dt>{t('summary.checkpoints')}</dt>
        <dd>
          <Trans
            t={t}
            i18nKey="summary.checkpointCounts"
            values={{
              checkpointsValid: format.number(checkpointsValid),
              checkpoints: format.number(report.checkpoints.length),
              proofsValid: format.number(proofsValid),
              proofs: format.number(report.consistency.length),
            }}
            components={{
              checkpoints: <span data-testid="verify-checkpoint-count" />,
              proofs: <span data-testid="verify-consistency-count" />,
            }}
          />
        </dd>
        <dt>{t('summary.statements')}</dt>
        <dd data-testid="verify-statement-count">{format.number(summary.statements)}</dd>
        <dt>{t('summary.streams')}</dt>
        <dd data-testid="verify-stream-count">{format.number(summary.streams)}</dd>
        <dt>{t('summary.directoryComplete')}</dt>
        <dd data-testid="verify-directory-complete">
          {summary.directoryComplete ? t('summary.directoryProven') : t('summary.directoryNotProven')}
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
