import { invitationRoutes, partyRoutes } from '../../shared/api/identity';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import {
  createInvitation,
  invitationLink,
  invitationView,
  listInvitations,
  revokeInvitation,
} from '../services/invitations';
import type { KeyDirectory } from '../services/key-directory';
import { createParty } from '../services/parties';
import { partiesVisibleTo, peopleVisibleTo } from '../services/pending-circle';
import { revokePerson } from '../services/revocation';
import { signedIn } from './vault';

export const directoryHandlers = (context: ServerContext, directory: KeyDirectory): Implementation[] => [
  implement(partyRoutes.listParties, async (_input, { caller }) => ({
    parties: await partiesVisibleTo(context.database.db, signedIn(caller)),
  })),
  implement(partyRoutes.createParty, ({ body }) => createParty(context, body.name)),
  implement(partyRoutes.listPeople, async (_input, { caller }) => ({
    people: await peopleVisibleTo(context.database.db, signedIn(caller)),
  })),
  implement(partyRoutes.revokePerson, ({ params, body }, { caller }) =>
    revokePerson(context, directory, signedIn(caller), params.personId, body.statement),
  ),
  implement(invitationRoutes.listInvitations, async () => ({ invitations: await listInvitations(context) })),
  implement(invitationRoutes.createInvitation, async ({ body }, { caller }) => {
    const admin = signedIn(caller);
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
  implement(invitationRoutes.revokeInvitation, async ({ params }) => {
    await revokeInvitation(context, params.invitationId);
    return undefined;
  }),
];
