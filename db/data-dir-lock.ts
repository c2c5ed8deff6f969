import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The data directory is held by another live process (a running server). */
export class DataDirInUseError extends Error {}

/**
 * PGlite has no locking of its own: two processes opening one data directory would corrupt it.
 * Takes `parley.lock` (holding this process id) or refuses while a live process holds it; a lock
 * left by a dead process is taken over. Returns the release function.
 */
export const lockDataDir = (dataDir: string): (() => void) => {
  const path = join(dataDir, 'parley.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isSafeInteger(holder) && isAlive(holder)) {
        throw new DataDirInUseError(
          `The embedded database in ${dataDir} is in use by process ${holder}: stop that Parley first, or use PostgreSQL (DATABASE_URL)`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
};
