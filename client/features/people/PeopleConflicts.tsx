import type { TrustData } from '../../trust/trust-context';

/** The server's people list contradicts the log about these people: a blocking warning naming each. */
export const PeopleConflicts = ({ data }: { data: TrustData }) =>
  data.conflicts.length === 0 ? null : (
    <section className="log-failure" role="alert" data-testid="people-conflicts">
      <h2>The server describes people otherwise than the signed log — nothing is sent while it does</h2>
      <p>
        Who reads what is decided by the log alone; what the server says about people is only shown. It now contradicts
        the log about:
      </p>
      <ul>
        {data.conflicts.map((conflict) => (
          <li key={conflict.person} data-testid="people-conflict" data-person={conflict.person}>
            <strong data-testid="people-conflict-name">{conflict.name}</strong>: {conflict.reason}
          </li>
        ))}
      </ul>
    </section>
  );
