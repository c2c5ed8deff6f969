import { ErrorNotice } from '../../components/ErrorNotice';
import { DirectoryVerificationError } from '../../crypto/directory';

/** The key directory did not verify: nothing it says about keys can be used. */
export const DirectoryError = ({ error }: { error: unknown }) =>
  error instanceof DirectoryVerificationError ? (
    <section className="log-failure" role="alert" data-testid="directory-error">
      <h2>The key directory failed verification</h2>
      <p>
        The server's list of keys contains statements that do not follow the signed rules. Do not send anything or trust
        any safety number until the operator explains this.
      </p>
      <ul>
        {error.failures.map((failure) => (
          <li key={`${failure.position}-${failure.statementHash}`}>
            Log position {failure.position} ({failure.statementHash}): {failure.reason}
          </li>
        ))}
      </ul>
    </section>
  ) : (
    <ErrorNotice error={error} />
  );
