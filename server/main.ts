import { ConfigError, loadConfig } from './config';
import { installLastResortHandlers } from './last-resort';
import { createLogger } from './logger';
import { startServer } from './server';

const fail = (line: string, code: number): never => {
  process.stderr.write(`${line}\n`);
  process.exit(code);
};

const config = (() => {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return fail(error.message, 2);
    }
    throw error;
  }
})();
const logger = createLogger(config.logLevel);
installLastResortHandlers(logger);

const running = await startServer(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'start-up failed');
  return fail(`Parley could not start: ${error instanceof Error ? error.message : String(error)}`, 1);
});

/** A shutdown that has not finished by then (a hung connection or database) is cut short. */
const FORCED_EXIT_MS = 15_000;

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    setTimeout(() => {
      logger.error({ signal }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, FORCED_EXIT_MS).unref();
    logger.info({ signal }, 'signal received');
    running.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
