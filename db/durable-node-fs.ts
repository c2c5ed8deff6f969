import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
 *
 * A sync runs only when the write-ahead log was written since the last one: a read outside a
 * transaction writes no WAL, and without this it would stat and fsync the log all the same.
 */
export class DurableNodeFS extends NodeFS {
  readonly #walDir: string;
  readonly #hostDir: string;
  #lastSync = 0;
  #walFiles = new Set<string>();
  /** Set by every write into `pg_wal` (and at start, to sync once): cleared by a sync. */
  #walWritten = true;
  #walSyncs = 0;

  constructor(hostDir: string) {
    super(hostDir);
    this.#hostDir = hostDir;
    // Absolute, as NODEFS names the files it writes.
    this.#walDir = join(resolve(hostDir), 'pg_wal');
  }

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(...args);
    const watch = (module: { NODEFS: EmscriptenNodeFs }) => this.#watchWalWrites(module.NODEFS);
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), watch as never] } };
  }

  /** Every file of the mount shares NODEFS's `stream_ops`: wrapping its `write` sees each write. */
  #watchWalWrites(nodefs: EmscriptenNodeFs): void {
    const ops = nodefs.stream_ops;
    const write = ops.write;
    ops.write = (stream, ...rest) => {
      if (!this.#walWritten && nodefs.realPath(stream.node).startsWith(this.#walDir)) {
        this.#walWritten = true;
      }
      return write.call(ops, stream, ...rest);
    };
  }

  override async syncToFs(): Promise<void> {
    if (!this.#walWritten) {
      return;
    }
    // Cleared before the work: a write made while syncing sets it again for the next sync.
    this.#walWritten = false;
    try {
      this.#syncWal();
    } catch (error) {
      this.#walWritten = true;
      throw error;
    }
  }

  /** How many times the log was synced: what the tests watch. */
  get walSyncs(): number {
    return this.#walSyncs;
  }

  #syncWal(): void {
    this.#walSyncs += 1;
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

/** The part of Emscripten's NODEFS this file uses. */
type EmscriptenNodeFs = {
  realPath(node: unknown): string;
  stream_ops: { write: (stream: { node: unknown }, ...rest: unknown[]) => number };
};

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
