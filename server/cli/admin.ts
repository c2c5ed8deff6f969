// `npm run admin -- invite --party "…" --role admin --name "…"`: bootstraps admins from the command line.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { parties } from '../../db/schema/index';
import { PartyName } from '../../shared/schemas/identity';
import { loadConfig } from '../config';
import { loadLogSigner } from '../log/log-key';
import { createInvitation, INVITATION_TTL_MS, invitationLink } from '../services/invitations';
import { findPartyByName } from '../services/parties';
import { CliError, openCliContext, runCli } from './cli-support';

const INVITE_USAGE = 'npm run admin -- invite --party "<party name>" --role admin --name "<person name>"';
const USAGE = `usage: ${INVITE_USAGE} | npm run admin -- log-key`;

const invite = async (args: string[]) => {
  const { values } = (() => {
    try {
      return parseArgs({
        args,
        options: { party: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
        strict: true,
      });
    } catch (error) {
      throw new CliError(`${error instanceof Error ? error.message : String(error)} (usage: ${INVITE_USAGE})`);
    }
  })();
  const partyName = PartyName.safeParse(values.party ?? '');
  if (!partyName.success) {
    throw new CliError(`--party must be a party name of 2 to 120 characters (usage: ${INVITE_USAGE})`);
  }
  if (values.role !== 'admin') {
    throw new CliError('--role must be admin: the command line bootstraps admins, who invite everyone else in the app');
  }
  const name = (values.name ?? '').trim();
  if (name.length < 1 || name.length > 120) {
    throw new CliError(`--name must be the person's name, 1 to 120 characters (usage: ${INVITE_USAGE})`);
  }
  const context = await openCliContext();
  try {
    const { token, party } = await context.database.transaction(async (tx) => {
      const existing = await findPartyByName(tx, partyName.data);
      const partyId = existing?.id ?? randomUUID();
      if (!existing) {
        await tx.insert(parties).values({ id: partyId, name: partyName.data });
      }
      return createInvitation(context, tx, { partyId, role: 'admin', name, invitedBy: null });
    });
    process.stdout.write(
      `Invitation for ${name} (admin, ${party.name}), valid for ${INVITATION_TTL_MS / 3_600_000} hours, usable once:\n` +
        `${invitationLink(context, token)}\n`,
    );
  } finally {
    await context.database.close();
  }
};

/** Prints the log's verifier key, for clients and reviewers to pin out of band. */
const logKey = () => {
  const signer = loadLogSigner(loadConfig(process.env));
  process.stdout.write(`origin: ${signer.name}\nverifier key: ${signer.verifierKey}\n`);
};

await runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'invite') {
    await invite(rest);
    return;
  }
  if (command === 'log-key') {
    logKey();
    return;
  }
  throw new CliError(command ? `unknown command "${command}" (${USAGE})` : USAGE);
});
