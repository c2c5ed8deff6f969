import { errorText } from '../api/error-text';

/** A failure, announced to assistive technology, with the server's problem detail. */
export const ErrorNotice = ({ error, testId = 'error' }: { error: unknown; testId?: string }) =>
  error ? (
    <p role="alert" className="error" data-testid={testId}>
      {errorText(error)}
    </p>
  ) : null;
