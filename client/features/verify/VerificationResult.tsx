import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { LogPin } from '../../crypto/log-pin';
import { useT } from '../../i18n/useT';
import { CheckpointTable } from './CheckpointTable';
import { DownloadBundleButton } from './DownloadBundleButton';
import { EntryTable } from './EntryTable';
import { FailureList } from './FailureList';
import { BundleReplyError, fetchVerifiedBundle } from './fetch-bundle';
import { VerifySummary } from './VerifySummary';
import { buildVerifyReport } from './verify-report';
import { bundleFileName, searchOfScope, type VerifyScope } from './verify-scope';

/** Fetches the bundle of `scope`, verifies it against `pin`, and shows the outcome with the download. */
export const VerificationResult = ({ scope, pin }: { scope: VerifyScope; pin: LogPin }) => {
  const { t } = useT('verify');
  const scopeKey = new URLSearchParams(searchOfScope(scope)).toString();
  const [query, reload] = useQuery(() => fetchVerifiedBundle(scope, pin), [scopeKey, pin.verifierKey, pin.origin]);
  const verified = query.status === 'ready' ? query.data : null;
  const report = useMemo(() => (verified ? buildVerifyReport(verified.json, verified.verification) : null), [verified]);
  if (query.status === 'loading') {
    return <Loading what={t('fetching')} />;
  }
  if (query.status === 'error') {
    return query.error instanceof BundleReplyError ? (
      <p role="alert" className="error" data-testid="verify-error">
        {t(`replyError.${query.error.problem}`)}
      </p>
    ) : (
      <ErrorNotice error={query.error} testId="verify-error" />
    );
  }
  if (!report || !verified) {
    return null;
  }
  const failures = [...report.entries.flatMap((row) => row.failures), ...report.otherFailures];
  return (
    <div data-testid="verify-result">
      <VerifySummary report={report} />
      <div className="entry-actions">
        <DownloadBundleButton text={verified.text} fileName={bundleFileName(scope)} />
        <button type="button" onClick={reload} data-testid="verify-again">
          {t('verifyAgain')}
        </button>
      </div>
      <FailureList failures={failures} />
      <h2>{t('entries')}</h2>
      <EntryTable rows={report.entries} names={report.names} />
      <h2>{t('checkpointsAndConsistency')}</h2>
      <CheckpointTable checkpoints={report.checkpoints} consistency={report.consistency} />
    </div>
  );
};
