// `npm run admin -- invite --party "…" --role admin --name "…"`: starts a new party with its root admin;
// `log-key` prints the log pin; `backup`/`restore` copy the embedded database.
import { parseArgs } from 'node:util';
import { withLogPin } from '../../shared/log/log-pin-text';
import { PartyName } from '../../shared/schemas/identity';
import { loadConfig } from '../config';
import { loadLogSigner } from '../log/log-key';
import { TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';
import { createBootstrapInvitation } from '../services/bootstrap';
import { readLegacyBefore } from '../services/deployment-trust';
import { INVITATION_TTL_MS, invitationLink } from '../services/invitations';
import { KeyDirectory } from '../services/key-directory';
import { BACKUP_USAGE, backup, RESTORE_USAGE, restore } from './backup-commands';
import { CliError, openCliContext, runCli } from './cli-support';

const INVITE_USAGE = 'npm run admin -- invite --party "<new party name>" --role admin --name "<person name>"';
const USAGE = `usage: ${INVITE_USAGE} | npm run admin -- log-key | ${BACKUP_USAGE} | ${RESTORE_USAGE}`;

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
    throw new CliError(
      "--role must be admin: the command line starts a party with its first admin, who invites the party's people in the app",
    );
  }
  const name = (values.name ?? '').trim();
  if (name.length < 1 || name.length > 120) {
    throw new CliError(`--name must be the person's name, 1 to 120 characters (usage: ${INVITE_USAGE})`);
  }
  const context = await openCliContext();
  try {
    const signer = loadLogSigner(context.config);
    const directory = new KeyDirectory(new TransparencyLog(signer));
    const { token, party } = await context.database
      .transaction((tx) => createBootstrapInvitation(context, directory, tx, { partyName: partyName.data, name }))
      .catch((error: unknown) => {
        throw error instanceof ProblemError ? new CliError(error.detail ?? error.message) : error;
      });
    // The link travels out of band: it carries the log pin, so the new admin's browser pins the
    // log from it rather than trusting the server's word on first contact.
    const pin = {
      verifierKey: signer.verifierKey,
      origin: signer.name,
      legacyBefore: await readLegacyBefore(context.database.db),
    };
    process.stdout.write(
      `Invitation for ${name} (admin, ${party.name}), valid for ${INVITATION_TTL_MS / 3_600_000} hours, usable once:\n` +
        `${withLogPin(invitationLink(context, token), pin)}\n`,
    );
  } finally {
    await context.database.close();
  }
};

/**
 * Prints what clients and reviewers pin out of band: the log's verifier key and the deployment's
 * legacy boundary (docs/PROTOCOL.md §7.8; 0 unless the deployment predates party roots).
 */
const logKey = async () => {
  const signer = loadLogSigner(loadConfig(process.env));
  const context = await openCliContext();
  try {
    const legacyBefore = await readLegacyBefore(context.database.db);
    process.stdout.write(
      `origin: ${signer.name}\nverifier key: ${signer.verifierKey}\nlegacy statements before: ${legacyBefore}\n`,
    );
  } finally {
    await context.database.close();
  }
};

await runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'invite') {
    await invite(rest);
    return;
  }
  if (command === 'log-key') {
    await logKey();
    return;
  }
  if (command === 'backup') {
    await backup(rest);
    return;
  }
  if (command === 'restore') {
    await restore(rest);
    return;
  }
  throw new CliError(command ? `unknown command "${command}" (${USAGE})` : USAGE);
});
