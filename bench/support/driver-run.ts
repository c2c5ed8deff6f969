import type { PinnedLog } from '../../client/sdk/log-checker';
import { logRoutes } from '../../shared/api/log';
import type { DriverUnderTest } from '../../test/helpers/databases';
import type { Heads } from './append-clients';
import { enrolTeam, type Team } from './people';
import { say } from './progress';
import { BenchServer } from './server-child';
import type { Settings } from './settings';

/** The server, team and log pin that the append, timeline and attachment benchmarks share on one database. */
export type DriverRun = {
  readonly driver: DriverUnderTest;
  readonly label: string;
  readonly server: BenchServer;
  readonly team: Team;
  readonly pin: PinnedLog;
  readonly settings: Settings;
  /** Cases written for reading, by entry count: the browser and timeline benchmarks share one. */
  readonly cases: Map<number, string>;
  /** The cases the append benchmark opened for its spread runs, and their heads: the live benchmark writes on. */
  spread?: { readonly caseIds: readonly string[]; readonly heads: Heads };
  stop(): Promise<void>;
};

/** How a database is named in tables. */
export const driverLabel = (name: DriverUnderTest['name']): string => (name === 'pglite' ? 'PGlite' : 'PostgreSQL');

/** A throwaway database, the server on it in a child process, and a team enrolled through the SDK. */
export const startDriverRun = async (driver: DriverUnderTest, settings: Settings): Promise<DriverRun> => {
  const label = driverLabel(driver.name);
  say(`${label}: starting a server on a fresh database and enrolling ${settings.append.writers + 1} people`);
  const database = await driver.create();
  // The live-streams benchmark holds 200 event streams on the writers' few sessions.
  const server = await BenchServer.start({ ...database.options, env: { LIVE_STREAMS_PER_SESSION: '256' } }).catch(
    async (error: unknown) => {
      await database.cleanup();
      throw error;
    },
  );
  try {
    say(`${label}: server up`);
    const team = await enrolTeam(server, settings.append.writers);
    const identity = await team.admin.api(logRoutes.logIdentity);
    return {
      driver,
      label,
      server,
      team,
      pin: { origin: identity.origin, verifierKey: identity.verifierKey },
      settings,
      cases: new Map(),
      stop: async () => {
        await server.stop();
        await database.cleanup();
      },
    };
  } catch (error) {
    await server.stop();
    await database.cleanup();
    throw error;
  }
};
