import { API } from '../../../shared/api/index';
import type { DirectoryProblem } from '../../../shared/directory/index';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DirectoryVerificationError } from '../../crypto/directory';

const KIND_TEXT: Readonly<Record<DirectoryProblem['kind'], string>> = {
  uncounted: 'The log does not count its key statements',
  withheld: 'Statements withheld',
  'not-in-log': 'Not in the log',
  'out-of-order': 'Out of order',
  refused: 'Breaks the rules',
  stale: 'Older than what this browser accepted',
};

/**
 * The key directory the server served cannot be trusted: a blocking warning that names, for each
 * problem, the person its statement is about (name, role, party) and why. Party names are the
 * server's labels, shown beside the party id the statement itself carries.
 */
export const DirectoryError = ({ error }: { error: unknown }) => {
  const [parties] = useQuery(() => api(API.listParties), []);
  if (!(error instanceof DirectoryVerificationError)) {
    return <ErrorNotice error={error} />;
  }
  const partyName = (id: string) =>
    (parties.status === 'ready' ? parties.data.parties.find((party) => party.id === id)?.name : undefined) ??
    `party ${id.slice(0, 8)}`;
  return (
    <section className="log-failure" role="alert" data-testid="directory-error">
      <h2>The key directory failed verification — nothing is sent</h2>
      <p>
        The server's list of keys does not match the log this browser verified: statements forged, moved, withheld or
        breaking the signed rules. Do not send anything or trust any safety number until the operator explains this.
      </p>
      <ul>
        {error.problems.map((problem, index) => (
          <li key={`${problem.kind}-${problem.position ?? ''}-${index}`} data-testid="directory-problem">
            <strong>{KIND_TEXT[problem.kind]}</strong>
            {problem.person ? (
              <>
                {' — '}
                <span data-testid="directory-problem-person">{problem.person.name}</span> ({problem.person.role},{' '}
                {partyName(problem.person.party)})
              </>
            ) : null}
            {problem.position === undefined ? '' : `, log position ${problem.position}`}: {problem.reason}
          </li>
        ))}
      </ul>
    </section>
  );
};
