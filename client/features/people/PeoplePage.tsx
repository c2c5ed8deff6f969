import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { contactViews } from '../../trust/contact-view';
import { useTrust } from '../../trust/useTrust';
import { DirectoryError } from './DirectoryError';
import { useReloadOnMount } from './useReloadOnMount';
import { VerificationBadge } from './VerificationBadge';

/** Everyone enrolled, with the key the verified directory names and whether you verified it. */
export const PeoplePage = () => {
  const { state } = useTrust();
  useReloadOnMount();
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      {state.status === 'loading' || state.status === 'idle' ? <Loading what="Verifying the key directory" /> : null}
      {state.status === 'error' ? <DirectoryError error={state.error} /> : null}
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
                <td>{contact.partyName}</td>
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
    </section>
  );
};
