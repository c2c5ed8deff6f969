import { errorText } from '../api/error-text';
import { useT } from '../i18n/useT';

/** A failure, announced to assistive technology, with the server's problem detail. */
export const ErrorNotice = ({ error, testId = 'error' }: { error: unknown; testId?: string }) => {
  const { t } = useT('problems');
  return error ? (
    <p role="alert" className="error" data-testid={testId}>
      {errorText(error, t)}
    </p>
  ) : null;
};
