import type { InvitationSummary as Invitation } from '../../crypto/enrolment';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';

/** Who is invited, into which party, with which role, and by whom. */
export const InvitationSummary = ({ invitation }: { invitation: Invitation }) => {
  const { t } = useT('enrol');
  const format = useFormat();
  return (
    <dl className="facts" data-testid="invitation">
      <dt>{t('invitation.name')}</dt>
      <dd data-testid="invitation-name" dir="auto">
        {invitation.name}
      </dd>
      <dt>{t('invitation.party')}</dt>
      <dd data-testid="invitation-party" dir="auto">
        {invitation.party.name}
      </dd>
      <dt>{t('invitation.role')}</dt>
      <dd data-testid="invitation-role">{t(`common:account.role.${invitation.role}`)}</dd>
      <dt>{t('invitation.invitedBy')}</dt>
      <dd data-testid="invitation-inviter" dir="auto">
        {invitation.invitedBy?.name ?? t('invitation.bootstrap')}
      </dd>
      <dt>{t('invitation.validUntil')}</dt>
      <dd>{format.dateTime(invitation.expiresAt)}</dd>
    </dl>
  );
};
