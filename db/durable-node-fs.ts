import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite starts Postgres with fsync off (`-F`) and its NodeFS neither fsyncs nor implements
 * `syncToFs`. A commit is therefore written to the host page cache (it survives the process
 * being killed) but not forced to disk (it may not survive an OS crash or power loss).
 *
 * PGlite calls `syncToFs()` after every statement it runs outside a transaction, and `Database`
 * calls it after every transaction commits. Here that forces the write-ahead log to disk before
 * the write is acknowledged: the WAL segments written since the last sync, and the `pg_wal`
 * directory when segments were added. Data pages still reach the disk only through the page
 * cache; `syncAll()` forces them at a clean shutdown.
 */
export class DurableNodeFS extends NodeFS {
  readonly #walDir: string;
  readonly #hostDir: string;
  #lastSync = 0;
  #walFiles = new Set<string>();

  constructor(hostDir: string) {
    super(hostDir);
    this.#hostDir = hostDir;
    this.#walDir = join(hostDir, 'pg_wal');
  }

  override async syncToFs(): Promise<void> {
    const startedAt = Date.now();
    let names: string[];
    try {
      names = readdirSync(this.#walDir);
    } catch {
      return; // before initdb has created the cluster there is nothing to sync
    }
    let added = false;
    for (const name of names) {
      const path = join(this.#walDir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) {
        continue;
      }
      if (!this.#walFiles.has(name)) {
        this.#walFiles.add(name);
        added = true;
      }
      // mtime has coarse granularity on some filesystems: a one-second margin errs towards syncing
      if (stat.mtimeMs >= this.#lastSync - 1000) {
        fsyncPath(path);
      }
    }
    if (added) {
      fsyncPath(this.#walDir);
    }
    this.#lastSync = startedAt;
  }

  /** Forces every file of the cluster to disk; called once PGlite has shut down cleanly. */
  syncAll(): void {
    fsyncTree(this.#hostDir);
  }
}

const fsyncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

const fsyncTree = (dir: string): void => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      fsyncTree(path);
    } else if (entry.isFile()) {
      fsyncPath(path);
    }
  }
  fsyncPath(dir);
};
