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
  const { t } = useT(['people-screens', 'common']);
  const { state } = useTrust();
  useReloadOnMount();
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{ts('people.title')}</h1>
      {state.status === 'loading' || state.status === 'idle' ? <Loading what={t('verifyingDirectory')} /> : null}
      {state.status === 'error' ? <DirectoryError error={state.error} /> : null}
      {state.status === 'ready' ? <PeopleConflicts data={state} /> : null}
      {state.status === 'ready' ? (
        <table data-testid="people-list">
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.party')}</th>
              <th scope="col">{t('list.role')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.key')}</th>
              <th scope="col">{t('list.verification')}</th>
            </tr>
          </thead>
          <tbody>
            {contactViews(state).map((contact) => (
              <tr key={contact.id} data-testid="person-row">
                <td>
                  <Link to={`/people/${contact.id}`} dir="auto">
                    {contact.name}
                  </Link>
                </td>
                <td>
                  <Link to={`/parties/${contact.partyId}`} dir="auto">
                    {contact.partyName}
                  </Link>
                </td>
                <td>{t(`common:account.role.${contact.role}`)}</td>
                <td>{t(`status.${contact.status}`)}</td>
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
          <h2>{t('list.parties')}</h2>
          <p>{t('list.partiesIntro')}</p>
          <PartyList data={state} />
        </>
      ) : null}
    </section>
  );
};
