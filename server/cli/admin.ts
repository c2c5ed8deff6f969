// `npm run admin -- invite --party "…" --role admin --name "…"`: starts a new party with its root admin;
// `log-key` prints the log pin; `backup`/`restore` copy the embedded database. `invite` and `log-key`
// work while the server runs on the embedded database: they ask it through its admin socket.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirInUseError } from '../../db/data-dir-lock';
import { ADMIN_SOCKET } from '../admin-socket';
import { loadConfig } from '../config';
import { loadLogSigner } from '../log/log-key';
import {
  inviteFirstAdmin,
  logKeyText,
  OperatorCommandError,
  parseFirstAdminRequest,
} from '../services/operator-commands';
import { askRunningServer } from './ask-running-server';
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
  try {
    parseFirstAdminRequest(values);
  } catch (error) {
    throw error instanceof OperatorCommandError ? new CliError(`${error.message} (usage: ${INVITE_USAGE})`) : error;
  }
  process.stdout.write(
    await viaServerOrDatabase(
      (context) => inviteFirstAdmin(context, loadLogSigner(context.config), values),
      (socket) => askRunningServer(socket, 'POST', '/invite', values),
    ),
  );
};

/** Prints what clients and reviewers pin out of band (docs/PROTOCOL.md §7.8). */
const logKey = async () => {
  process.stdout.write(
    await viaServerOrDatabase(
      (context) => logKeyText(context, loadLogSigner(context.config)),
      (socket) => askRunningServer(socket, 'GET', '/log-key'),
    ),
  );
};

/**
 * Runs a command on the database, or, when a running server holds the embedded one, asks that
 * server through its admin socket to run it.
 */
const viaServerOrDatabase = async (
  onDatabase: (context: Awaited<ReturnType<typeof openCliContext>>) => Promise<string>,
  onServer: (socket: string) => Promise<string>,
): Promise<string> => {
  let context: Awaited<ReturnType<typeof openCliContext>>;
  try {
    context = await openCliContext();
  } catch (error) {
    const socket = join(loadConfig(process.env).dataDir, ADMIN_SOCKET);
    if (error instanceof DataDirInUseError && existsSync(socket)) {
      return onServer(socket);
    }
    throw error;
  }
  try {
    return await onDatabase(context).catch((error: unknown) => {
      throw error instanceof OperatorCommandError ? new CliError(error.message) : error;
    });
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
