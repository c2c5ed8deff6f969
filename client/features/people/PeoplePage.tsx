import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n/useT';
import { contactViews } from '../../trust/contact-view';
import { useTrust } from '../../trust/useTrust';
import { PartyList } from '../parties/PartyList';
import { DirectoryError } from './DirectoryError';
import { PeopleConflicts } from './PeopleConflicts';
import { useReloadOnMount } from './useReloadOnMount';
import { VerificationBadge } from './VerificationBadge';

/**
 * Everyone the server lists, with the party, role and key the directory taken from the log names
 * and whether you verified them; the parties and their roots; and a blocking warning wherever the
 * server's list contradicts the log.
 */
export const PeoplePage = () => {
  const { t: ts } = useT('screens');
  const { state } = useTrust();
  useReloadOnMount();
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{ts('people.title')}</h1>
      {state.status === 'loading' || state.status === 'idle' ? <Loading what="Verifying the key directory" /> : null}
      {state.status === 'error' ? <DirectoryError error={state.error} /> : null}
      {state.status === 'ready' ? <PeopleConflicts data={state} /> : null}
      {state.status === 'ready' ? (
        <table data-testid="people-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Party</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Key</th>
              <th scope="col">Verification</th>
            </tr>
          </thead>
          <tbody>
            {contactViews(state).map((contact) => (
              <tr key={contact.id} data-testid="person-row">
                <td>
                  <Link to={`/people/${contact.id}`}>{contact.name}</Link>
                </td>
                <td>
                  <Link to={`/parties/${contact.partyId}`}>{contact.partyName}</Link>
                </td>
                <td>{contact.role}</td>
                <td>{contact.status}</td>
                <td>
                  <code>{contact.keyId ?? '—'}</code>
                </td>
                <td>
                  <VerificationBadge state={contact.verification} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <h2>Parties</h2>
          <p>
            Verify each party's root once, out of band: its party safety number is on its page. Sending to the people of
            a party whose root changed since you verified it is blocked.
          </p>
          <PartyList data={state} />
        </>
      ) : null}
    </section>
  );
};
