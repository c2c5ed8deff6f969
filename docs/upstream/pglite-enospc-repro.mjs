// Minimal reproduction: PGlite (NodeFS) hangs at 100% CPU once PostgreSQL cannot create a new WAL
// segment (ENOSPC), instead of failing the statement. (Extending a table on a full disk fails
// cleanly with SQLSTATE 53100; the WAL path does not.) Run as root on Linux:
//   mkdir -p /tmp/small && mount -t tmpfs -o size=96m tmpfs /tmp/small
//   node pglite-enospc-repro.mjs /tmp/small
// It leaves ~8 MiB free (less than one 16 MiB WAL segment), then commits small rows.
// Expected: a statement fails with "could not write to file ... No space left on device" (PANIC or ERROR).
// Observed: the query promise never settles, the process spins at 100% CPU, SIGTERM is ignored
// (the event loop is blocked), and freeing space on the filesystem does not help.
import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2] ?? '/tmp/small';
const db = await PGlite.create(join(dir, 'db'));
await db.exec('create table filler (payload text)');
const { bavail, bsize } = statfsSync(dir);
const ballast = Number(bavail) * Number(bsize) - 8 * 1024 * 1024;
execFileSync('fallocate', ['-l', String(ballast), join(dir, 'ballast')]);
process.stdout.write(
  `free after ballast: ${(Number(statfsSync(dir).bavail) * Number(statfsSync(dir).bsize)) >> 20} MiB\n`,
);
for (let round = 1; ; round += 1) {
  const started = Date.now();
  await db.query("insert into filler select repeat('x', 200) from generate_series(1, 200)");
  if (round % 100 === 0) {
    process.stdout.write(`round ${round} done in ${Date.now() - started} ms\n`);
  }
}
