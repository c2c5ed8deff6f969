// `npx tsx bench/pglite-bytea.ts`: PGlite's own bytea codec against the native one that
// db/pglite-bytea.ts installs, on 1,000 rows of a 2 KiB ciphertext and a 32-byte hash (about an
// entry's): inserting them one statement each, then reading them all back five times, in
// in-memory clusters, three rounds alternating. Prints wall time and this process's CPU time.

import { randomBytes } from 'node:crypto';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PGLITE_BYTEA_CODEC } from '../db/pglite-bytea';

const ROWS = 1000;
const ciphertexts = Array.from({ length: ROWS }, () => new Uint8Array(randomBytes(2048)));
const hashes = Array.from({ length: ROWS }, () => new Uint8Array(randomBytes(32)));
const codecs: [string, PGliteOptions][] = [
  ["PGlite's", {}],
  ['native', PGLITE_BYTEA_CODEC],
];

const ms = (value: number) => `${value.toFixed(0)} ms`;

for (const round of [1, 2, 3]) {
  for (const [name, options] of codecs) {
    const db = await PGlite.create(options);
    await db.exec('create table t (id int, data bytea, hash bytea)');
    const cpuBefore = process.cpuUsage();
    let started = performance.now();
    for (const [index, data] of ciphertexts.entries()) {
      await db.query('insert into t values ($1, $2, $3)', [index, data, hashes[index]]);
    }
    const inserting = performance.now() - started;
    started = performance.now();
    for (let read = 0; read < 5; read += 1) {
      await db.query('select data, hash from t');
    }
    const reading = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    process.stdout.write(
      `round ${round}, ${name} codec: ${ROWS} inserts ${ms(inserting)}, 5 reads of all ${ms(reading)}, CPU ${ms((cpu.user + cpu.system) / 1000)}\n`,
    );
    await db.close();
  }
}
