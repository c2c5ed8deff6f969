import pino from 'pino';
import { type Database, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { type Config, ConfigError, loadConfig } from '../config';
import type { ServerContext } from '../context';

/** A refusal a command reports as one line on stderr, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Runs a command: one clear line and a non-zero exit for any refusal, never a stack trace for bad input. */
export const runCli = async (main: () => Promise<void>): Promise<void> => {
  try {
    await main();
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error instanceof CliError ? error.exitCode : 2);
    }
    process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
};

/** The configured database, migrated, as a server context for services. */
export const openCliContext = async (): Promise<ServerContext & { database: Database; config: Config }> => {
  const config = loadConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  return { config, database, logger: pino({ level: 'silent' }), now: () => new Date() };
};
