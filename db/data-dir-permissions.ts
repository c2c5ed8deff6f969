import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes the embedded database's directory private to this user: created 0700; refused when group
 * or others may write it (they could swap files under the database); its tree tightened to 0700
 * directories and 0600 files (PGlite's NodeFS creates files 0666, less the umask); and the process
 * umask set to 077 so that files PGlite creates later (WAL segments, relations) are 0600 too.
 */
export const securePrivateDir = (dataDir: string, databaseDir: string): void => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o022) !== 0) {
    throw new Error(
      `${dataDir} is writable by other users (mode ${mode.toString(8)}): run chmod 700 on it, then start again`,
    );
  }
  process.umask(0o077);
  chmodSync(dataDir, 0o700);
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  tightenTree(databaseDir);
};

/**
 * Directories 0700, files 0600, under `dir`. Run again once PGlite has unpacked a new cluster: it
 * writes those files with explicit modes (0666) that the umask does not narrow.
 */
export const tightenTree = (dir: string): void => {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      tightenTree(path);
    } else if (entry.isFile()) {
      chmodSync(path, 0o600);
    }
  }
};
