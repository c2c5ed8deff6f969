import { useState } from 'react';
import type { PersonView } from '../../../shared/schemas/identity';
import { useAction } from '../../api/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { LockedNotice } from '../../components/LockedNotice';
import { revokePerson } from '../../crypto/admin-actions';
import { useT } from '../../i18n/useT';
import { useIsUnlocked, useSignedIn } from '../../session/useSession';
import { useTrust } from '../../trust/useTrust';
import { RecoveryLink } from './RecoveryLink';

/**
 * Everyone, with their status; an admin revokes people of their own party only (the party the log
 * binds them to), never themselves: only a party's own admins act for it.
 */
export const ManagePeoplePage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT(['admin-screens', 'common']);
  const session = useSignedIn();
  const isUnlocked = useIsUnlocked();
  const { state, reload } = useTrust();
  const [revoking, setRevoking] = useState<PersonView | null>(null);
  const { busy, error, run } = useAction();
  if (!session) {
    return null;
  }
  const myParty = state.status === 'ready' ? state.directory.currentKey(session.person.id)?.party : undefined;
  // A pending person has no key yet: the server's word on their party is all there is, and the
  // server refuses to revoke them for another party's admin anyway.
  const partyOf = (person: PersonView) =>
    state.status === 'ready' ? (state.directory.currentKey(person.id)?.party ?? person.party.id) : person.party.id;
  const confirmRevoke = () => {
    const target = revoking;
    setRevoking(null);
    if (target && state.status === 'ready') {
      run(() => revokePerson(state.directory, session.person.id, target.id), reload);
    }
  };
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">{ts('managePeople.title')}</h1>
      {isUnlocked ? null : <LockedNotice action={t('manage.lockedAction')} />}
      <ErrorNotice error={error} />
      {state.status === 'loading' || state.status === 'idle' ? <Loading /> : null}
      <ErrorNotice error={state.status === 'error' ? state.error : null} />
      {state.status === 'ready' ? (
        <table data-testid="manage-people">
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('table.party')}</th>
              <th scope="col">{t('table.role')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.people.map((person) => (
              <tr key={person.id} data-testid="manage-row">
                <td dir="auto">{person.name}</td>
                <td dir="auto">{person.party.name}</td>
                <td>{t(`common:account.role.${person.role}`)}</td>
                <td data-testid="person-status">{t(`manage.status.${person.status}`)}</td>
                <td>
                  {person.status !== 'revoked' && person.id !== session.person.id && partyOf(person) === myParty ? (
                    <button
                      type="button"
                      className="danger"
                      disabled={busy || !isUnlocked}
                      onClick={() => setRevoking(person)}
                      aria-label={t('manage.revokeNamed', { name: person.name })}
                    >
                      {t('manage.revoke')}
                    </button>
                  ) : null}{' '}
                  {person.status === 'active' && person.id !== session.person.id && partyOf(person) === myParty ? (
                    <RecoveryLink person={person} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={t('manage.confirmTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('manage.revoke')}
        onCancel={() => setRevoking(null)}
        onConfirm={confirmRevoke}
      >
        <p>{t('manage.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
};
