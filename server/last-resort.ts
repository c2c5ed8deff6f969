import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/connection-errors';

/**
 * The process-wide handlers for what escaped every other one. A rejected promise nobody awaited
 * left no state half-changed (its work already failed), so it is logged and the server goes on. A
 * thrown exception may have left anything half-done, so the process exits, unless it is a
 * database connection dropping: the pool discards that connection and the next request
 * reconnects.
 */
export const installLastResortHandlers = (logger: Logger, exit: (code: number) => void = process.exit): void => {
  process.on('unhandledRejection', (reason) => handleUnhandledRejection(logger, reason));
  process.on('uncaughtException', (error) => handleUncaughtException(logger, error, exit));
};

export const handleUnhandledRejection = (logger: Logger, reason: unknown): void => {
  logger.error({ err: reason }, 'unhandled promise rejection: logged, server continues');
};

export const handleUncaughtException = (logger: Logger, error: unknown, exit: (code: number) => void): void => {
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: error }, 'database connection error escaped its handler: server continues');
    return;
  }
  logger.fatal({ err: error }, 'uncaught exception: state unknown, exiting');
  exit(1);
};
