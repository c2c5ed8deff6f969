import type { InvitationSummary as Invitation } from '../../crypto/enrolment';

/** Who is invited, into which party, with which role, and by whom. */
export const InvitationSummary = ({ invitation }: { invitation: Invitation }) => (
  <dl className="facts" data-testid="invitation">
    <dt>Name</dt>
    <dd data-testid="invitation-name">{invitation.name}</dd>
    <dt>Party</dt>
    <dd data-testid="invitation-party">{invitation.party.name}</dd>
    <dt>Role</dt>
    <dd data-testid="invitation-role">{invitation.role}</dd>
    <dt>Invited by</dt>
    <dd data-testid="invitation-inviter">{invitation.invitedBy?.name ?? 'operator bootstrap'}</dd>
    <dt>Valid until</dt>
    <dd>{new Date(invitation.expiresAt).toLocaleString()}</dd>
  </dl>
);
