import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { parties } from '../../db/schema/index';
import type { ServerContext } from '../../server/context';
import { createInvitation, invitationLink } from '../../server/services/invitations';
import type { TestServer } from './test-server';

/**
 * What `npm run admin -- invite` does, against a running test server's database: creates a party
 * and an operator invitation (no inviting admin) for its first admin. Returns the invitation link
 * and the party id.
 */
export const bootstrapAdminInvitation = async (
  server: TestServer,
  partyName: string,
  name: string,
): Promise<{ link: string; partyId: string }> => {
  const context: ServerContext = {
    config: server.config,
    database: server.database,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  };
  const partyId = randomUUID();
  const { token } = await server.database.transaction(async (tx) => {
    await tx.insert(parties).values({ id: partyId, name: partyName });
    return createInvitation(context, tx, { partyId, role: 'admin', name, invitedBy: null });
  });
  return { link: invitationLink(context, token), partyId };
};
