import type { Logger } from 'pino';
import type { Database } from '../db/client';
import type { Config } from './config';

/** What services need from the running server; tests build one with their own clock. */
export type ServerContext = {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly now: () => Date;
};
