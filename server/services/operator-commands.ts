/**
 * What the operator's `npm run admin` commands do, shared by the command line (which opens the
 * database itself) and the running server's admin socket (server/admin-socket.ts), which answers
 * the same commands while the embedded database is held by the server.
 */
import { withLogPin } from '../../shared/log/log-pin-text';
import { PartyName } from '../../shared/schemas/identity';
import type { ServerContext } from '../context';
import type { LogSigner } from '../log/log-key';
import { TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';
import { createBootstrapInvitation } from './bootstrap';
import { readLegacyBefore } from './deployment-trust';
import { INVITATION_TTL_MS, invitationLink } from './invitations';
import { KeyDirectory } from './key-directory';

/** A bootstrap request as the operator typed it: checked here, whichever way it arrived. */
export type FirstAdminRequest = { readonly party?: unknown; readonly role?: unknown; readonly name?: unknown };

/** An operator's mistake: one line for the command line to print. */
export class OperatorCommandError extends Error {}

/** Checks a bootstrap request; throws `OperatorCommandError` naming what is wrong. */
export const parseFirstAdminRequest = (request: FirstAdminRequest): { partyName: string; name: string } => {
  const partyName = PartyName.safeParse(typeof request.party === 'string' ? request.party : '');
  if (!partyName.success) {
    throw new OperatorCommandError('--party must be a party name of 2 to 120 characters');
  }
  if (request.role !== 'admin') {
    throw new OperatorCommandError(
      "--role must be admin: the command line starts a party with its first admin, who invites the party's people in the app",
    );
  }
  const name = typeof request.name === 'string' ? request.name.trim() : '';
  if (name.length < 1 || name.length > 120) {
    throw new OperatorCommandError("--name must be the person's name, 1 to 120 characters");
  }
  return { partyName: partyName.data, name };
};

/** Starts a new party with an invitation for its first admin; answers the text the operator hands on. */
export const inviteFirstAdmin = async (
  context: ServerContext,
  signer: LogSigner,
  request: FirstAdminRequest,
): Promise<string> => {
  const invitation = parseFirstAdminRequest(request);
  const directory = new KeyDirectory(new TransparencyLog(signer));
  const { token, party } = await context.database
    .transaction((tx) => createBootstrapInvitation(context, directory, tx, invitation))
    .catch((error: unknown) => {
      throw error instanceof ProblemError ? new OperatorCommandError(error.detail ?? error.message) : error;
    });
  // The link travels out of band: it carries the log pin, so the new admin's browser pins the
  // log from it rather than trusting the server's word on first contact.
  const pin = {
    verifierKey: signer.verifierKey,
    origin: signer.name,
    legacyBefore: await readLegacyBefore(context.database.db),
  };
  return (
    `Invitation for ${invitation.name} (admin, ${party.name}), valid for ${INVITATION_TTL_MS / 3_600_000} hours, usable once:\n` +
    `${withLogPin(invitationLink(context, token), pin)}\n`
  );
};

/**
 * What clients and reviewers pin out of band: the log's verifier key and the deployment's legacy
 * boundary (docs/PROTOCOL.md §7.8; 0 unless the deployment predates party roots).
 */
export const logKeyText = async (context: ServerContext, signer: LogSigner): Promise<string> => {
  const legacyBefore = await readLegacyBefore(context.database.db);
  return `origin: ${signer.name}\nverifier key: ${signer.verifierKey}\nlegacy statements before: ${legacyBefore}\n`;
};
