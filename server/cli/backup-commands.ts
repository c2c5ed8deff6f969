import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { loadConfig } from '../config';
import { attachmentDir } from '../services/entries/attachment-files';
import { readBackup, writeBackup } from './backup-archive';
import { CliError } from './cli-support';

export const BACKUP_USAGE = 'npm run admin -- backup --out <new file>';
export const RESTORE_USAGE = 'npm run admin -- restore --in <backup file>';

const optionOf = (args: string[], name: string, usage: string): string => {
  try {
    const { values } = parseArgs({ args, options: { [name]: { type: 'string' } }, strict: true });
    const value = values[name];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)} (usage: ${usage})`);
  }
  throw new CliError(`--${name} is required (usage: ${usage})`);
};

const embeddedOnly = (what: string) => {
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    throw new CliError(
      `${what} is for the embedded database; on PostgreSQL use pg_dump/pg_restore or pg_basebackup (docs/DEPLOYMENT.md)`,
    );
  }
  return config;
};

/** The embedded database's files live here; PG_VERSION is written first by initdb. */
const hasDatabase = (dataDir: string) => existsSync(join(dataDir, 'pglite', 'PG_VERSION'));

/**
 * Writes the embedded database and its attachment files to a new file as one gzipped tarball. Consistent: it holds the data
 * directory's lock, so no server writes meanwhile (a running one makes it refuse). The log key is
 * not in it, on purpose: a backup copied around must not sign checkpoints.
 */
export const backup = async (args: string[]): Promise<void> => {
  const out = optionOf(args, 'out', BACKUP_USAGE);
  const config = embeddedOnly('backup');
  if (existsSync(out)) {
    throw new CliError(`${out} exists: a backup is written to a new file, never over one`);
  }
  if (!hasDatabase(config.dataDir)) {
    throw new CliError(`There is no embedded database in ${config.dataDir} (DATA_DIR) to back up`);
  }
  const database = await openDatabase({ dataDir: config.dataDir }).catch((error: unknown) => {
    throw new CliError(error instanceof Error ? error.message : String(error));
  });
  let written: number;
  try {
    if (!database.dumpDataDir) {
      throw new Error('the embedded database cannot be dumped');
    }
    const bytes = new Uint8Array(await (await database.dumpDataDir()).arrayBuffer());
    // Still holding the data directory's lock: no server adds or collects a file meanwhile.
    written = await writeBackup(out, bytes, config.dataDir);
  } finally {
    await database.close();
  }
  process.stdout.write(
    `Backup of ${config.dataDir} written to ${out} (${written} bytes).\n` +
      `The log key is not in it: keep ${join(config.dataDir, 'log-key.json')} (or LOG_SIGNING_KEY) safe apart.\n`,
  );
};

/** Restores a backup into an empty data directory, and migrates it as a server would. */
export const restore = async (args: string[]): Promise<void> => {
  const input = optionOf(args, 'in', RESTORE_USAGE);
  const config = embeddedOnly('restore');
  if (!existsSync(input)) {
    throw new CliError(`${input} does not exist`);
  }
  if (hasDatabase(config.dataDir)) {
    throw new CliError(`${config.dataDir} (DATA_DIR) already holds a database: restore into an empty one`);
  }
  try {
    const backupFile = await readBackup(input, config.dataDir);
    const database = await openDatabase({ dataDir: config.dataDir, restoreFrom: backupFile });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    // Nothing was there before: leave nothing half-restored behind.
    rmSync(join(config.dataDir, 'pglite'), { recursive: true, force: true });
    rmSync(attachmentDir(config.dataDir), { recursive: true, force: true });
    throw new CliError(
      `${input} could not be restored (${error instanceof Error ? error.message : String(error)}): is it a backup from npm run admin -- backup?`,
    );
  }
  process.stdout.write(
    `Restored ${input} into ${config.dataDir}.\n` +
      'Put the log key back (log-key.json or LOG_SIGNING_KEY), then check it: npm run audit -- fsck --trusted-checkpoint <a checkpoint kept from before>\n',
  );
};
