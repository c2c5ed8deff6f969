import { invitationRoutes, partyRoutes } from '../../shared/api/identity';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import { ProblemError } from '../problems';
import {
  createInvitation,
  invitationLink,
  invitationView,
  listInvitations,
  revokeInvitation,
} from '../services/invitations';
import type { KeyDirectory } from '../services/key-directory';
import { partiesVisibleTo, peopleVisibleTo } from '../services/pending-circle';
import { revokePerson } from '../services/revocation';
import { signedIn } from './vault';

export const directoryHandlers = (context: ServerContext, directory: KeyDirectory): Implementation[] => [
  implement(partyRoutes.listParties, async (_input, { caller }) => ({
    parties: await partiesVisibleTo(context.database.db, signedIn(caller)),
  })),
  implement(partyRoutes.listPeople, async (_input, { caller }) => ({
    people: await peopleVisibleTo(context.database.db, signedIn(caller)),
  })),
  implement(partyRoutes.revokePerson, ({ params, body }, { caller }) =>
    revokePerson(context, directory, signedIn(caller), params.personId, body.statement),
  ),
  implement(invitationRoutes.listInvitations, async (_input, { caller }) => ({
    invitations: await listInvitations(context, signedIn(caller).partyId),
  })),
  implement(invitationRoutes.createInvitation, async ({ body }, { caller }) => {
    const admin = signedIn(caller);
    if (body.partyId !== admin.partyId) {
      throw new ProblemError('forbidden', 'Admins invite people into their own party only');
    }
    const { token, invitation, party } = await context.database.transaction((tx) =>
      createInvitation(context, tx, { ...body, invitedBy: admin.personId }),
    );
    context.logger.info(
      { event: 'invitation.created', by: admin.personId, invitation: invitation.id },
      'invitation created',
    );
    return {
      invitation: invitationView({ ...invitation, usedAt: null, usedBy: null, revokedAt: null }, party, context.now()),
      link: invitationLink(context, token),
    };
  }),
  implement(invitationRoutes.revokeInvitation, async ({ params }, { caller }) => {
    await revokeInvitation(context, params.invitationId, signedIn(caller).partyId);
    return undefined;
  }),
];
