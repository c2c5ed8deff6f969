import pino from 'pino';
import type { ServerContext } from '../../server/context';
import { loadLogSigner } from '../../server/log/log-key';
import { TransparencyLog } from '../../server/log/transparency-log';
import { createBootstrapInvitation } from '../../server/services/bootstrap';
import { invitationLink } from '../../server/services/invitations';
import { KeyDirectory } from '../../server/services/key-directory';
import type { TestServer } from './test-server';

/**
 * What `npm run admin -- invite` does, against a running test server's database: starts a new
 * party (or a party without a root yet) with an operator invitation for its first admin, its root.
 * Returns the invitation link and the party id.
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
  const directory = new KeyDirectory(new TransparencyLog(loadLogSigner(server.config)));
  const { token, party } = await server.database.transaction((tx) =>
    createBootstrapInvitation(context, directory, tx, { partyName, name }),
  );
  return { link: invitationLink(context, token), partyId: party.id };
};
