import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client';
import { parties } from '../../db/schema/index';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { createInvitation } from './invitations';
import type { KeyDirectory } from './key-directory';
import { findPartyByName } from './parties';

/**
 * The operator's bootstrap (docs/PROTOCOL.md §7.3): an invitation for the first admin of a new
 * party, who becomes its root. The command line may only start a party: once a party has a root,
 * only its own admins add people to it. A party without a root (created by an earlier bootstrap
 * whose invitation was never redeemed, or, in an upgraded deployment, one that never had an admin)
 * may still be bootstrapped.
 */
export const createBootstrapInvitation = async (
  context: ServerContext,
  directory: KeyDirectory,
  tx: Tx,
  invitation: { partyName: string; name: string },
) => {
  const existing = await findPartyByName(tx, invitation.partyName);
  if (existing && (await directory.state(tx)).partyRecord(existing.id)) {
    throw new ProblemError(
      'conflict',
      `Party "${invitation.partyName}" already has its root admin: only its own admins can add people to it`,
    );
  }
  const partyId = existing?.id ?? randomUUID();
  if (!existing) {
    await tx.insert(parties).values({ id: partyId, name: invitation.partyName });
  }
  return createInvitation(context, tx, { partyId, role: 'admin', name: invitation.name, invitedBy: null });
};
