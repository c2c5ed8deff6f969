import { useState } from 'react';
import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n/useT';
import { InvitationForm } from './InvitationForm';

type Withdrawal = { id: string; name: string };

/** Invitations: create (link shown once), list with status, withdraw unused ones. */
export const InvitationsPage = () => {
  const { t: ts } = useT('screens');
  const [invitations, reload] = useQuery(() => api(API.listInvitations), []);
  const [withdrawing, setWithdrawing] = useState<Withdrawal | null>(null);
  const { error, run } = useAction();
  const withdraw = (target: Withdrawal) => {
    setWithdrawing(null);
    run(() => api(API.revokeInvitation, { params: { invitationId: target.id } }), reload);
  };
  return (
    <section aria-labelledby="invitations-title">
      <h1 id="invitations-title">{ts('invitations.title')}</h1>
      <InvitationForm onCreated={reload} />
      <h2>All invitations</h2>
      <ErrorNotice error={error} />
      {invitations.status === 'loading' ? <Loading /> : null}
      <ErrorNotice error={invitations.status === 'error' ? invitations.error : null} />
      {invitations.status === 'ready' ? (
        <table data-testid="invitation-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Party</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.invitations.map((invitation) => (
              <tr key={invitation.id} data-testid="invitation-row">
                <td>{invitation.name}</td>
                <td>{invitation.party.name}</td>
                <td>{invitation.role}</td>
                <td data-testid="invitation-status">{invitation.status}</td>
                <td>{new Date(invitation.expiresAt).toLocaleString()}</td>
                <td>
                  {invitation.status === 'open' ? (
                    <button
                      type="button"
                      onClick={() => setWithdrawing({ id: invitation.id, name: invitation.name })}
                      aria-label={`Withdraw the invitation of ${invitation.name}`}
                    >
                      Withdraw
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmDialog
        open={withdrawing !== null}
        title="Withdraw this invitation?"
        confirmLabel="Withdraw"
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => withdrawing && withdraw(withdrawing)}
      >
        <p>The link sent to {withdrawing?.name} stops working at once.</p>
      </ConfirmDialog>
    </section>
  );
};
