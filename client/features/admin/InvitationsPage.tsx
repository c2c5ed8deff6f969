import { useState } from 'react';
import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { InvitationForm } from './InvitationForm';

type Withdrawal = { id: string; name: string };

/** Invitations: create (link shown once), list with status, withdraw unused ones. */
export const InvitationsPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT(['admin-screens', 'common']);
  const format = useFormat();
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
      <h2>{t('invitations.all')}</h2>
      <ErrorNotice error={error} />
      {invitations.status === 'loading' ? <Loading /> : null}
      <ErrorNotice error={invitations.status === 'error' ? invitations.error : null} />
      {invitations.status === 'ready' ? (
        <table data-testid="invitation-list">
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('table.party')}</th>
              <th scope="col">{t('table.role')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.invitations.map((invitation) => (
              <tr key={invitation.id} data-testid="invitation-row">
                <td dir="auto">{invitation.name}</td>
                <td dir="auto">{invitation.party.name}</td>
                <td>{t(`common:account.role.${invitation.role}`)}</td>
                <td data-testid="invitation-status">{t(`invitations.status.${invitation.status}`)}</td>
                <td>{format.dateTime(invitation.expiresAt)}</td>
                <td>
                  {invitation.status === 'open' ? (
                    <button
                      type="button"
                      onClick={() => setWithdrawing({ id: invitation.id, name: invitation.name })}
                      aria-label={t('invitations.withdrawNamed', { name: invitation.name })}
                    >
                      {t('invitations.withdraw')}
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
        title={t('invitations.confirmTitle')}
        confirmLabel={t('invitations.withdraw')}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => withdrawing && withdraw(withdrawing)}
      >
        <p>{t('invitations.confirmBody', { name: withdrawing?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
};
