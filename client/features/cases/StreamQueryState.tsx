import type { QueryState } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { DirectoryVerificationError } from '../../crypto/directory';
import { useT } from '../../i18n/useT';
import { DirectoryError } from '../people/DirectoryError';
import type { EntryContextState } from '../timeline/useEntryContext';

/**
 * Loading and error states shared by the screens that read streams, and a note while the data shown
 * is the local store's provisional copy; null once the data is read and verified.
 */
export const StreamQueryState = ({
  contextState,
  query,
  what,
}: {
  contextState: EntryContextState;
  query: QueryState<unknown>;
  what: string;
}) => {
  const { t } = useT('common');
  if (contextState.status === 'error') {
    return <DirectoryError error={contextState.error} />;
  }
  if (query.status === 'error') {
    return query.error instanceof DirectoryVerificationError ? (
      <DirectoryError error={query.error} />
    ) : (
      <ErrorNotice error={query.error} testId="stream-error" />
    );
  }
  if (contextState.status === 'loading' || query.status === 'loading' || query.data === null) {
    return <Loading what={what} />;
  }
  if (query.status === 'ready' && query.provisional) {
    return (
      <p role="status" className="hint" data-testid="stream-provisional">
        {t('provisional')}
      </p>
    );
  }
  return null;
};
