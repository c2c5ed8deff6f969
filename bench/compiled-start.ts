// `npm run bench:start`: how long the server takes from `node` to listening, compiled ahead of
// time (dist-server/main.js, plain node) and through tsx, on PostgreSQL when DATABASE_URL is set
// (a throwaway database), else on the embedded default (its first start, which creates the
// database, not counted). Target (issue 15): the compiled server starts in under 2 s.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const RUNS = 3;
const TARGET_MS = 2_000;

const startOnce = (args: string[], env: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"listening"')) {
        const elapsed = performance.now() - started;
        child.once('exit', () => resolve(elapsed));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      if (!output.includes('"msg":"listening"')) {
        reject(new Error(`exited with ${code} before listening: ${output}`));
      }
    });
  });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const built = spawnSync('npm', ['run', 'build:server'], { encoding: 'utf8' });
if (built.status !== 0) {
  throw new Error(`npm run build:server failed: ${built.stderr}`);
}
const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-start-'));
const env: Record<string, string> = { DATA_DIR: dataDir, PORT: '0' };
const adminUrl = process.env['DATABASE_URL'];
const database = `parley_bench_start_${Date.now().toString(36)}`;
if (adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  env['DATABASE_URL'] = url.toString();
}
try {
  // The first start creates and migrates the database: not what a restart costs.
  await startOnce(['dist-server/main.js'], env);
  const rows: [string, number][] = [];
  for (const [name, args] of [
    ['compiled (node dist-server/main.js)', ['dist-server/main.js']],
    ['tsx (node --import tsx server/main.ts)', ['--import', 'tsx', 'server/main.ts']],
  ] as const) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      times.push(await startOnce([...args], env));
    }
    rows.push([name, median(times)]);
  }
  const driver = adminUrl ? 'PostgreSQL' : 'PGlite';
  process.stdout.write(`Start to listening on ${driver}, median of ${RUNS}:\n`);
  for (const [name, ms] of rows) {
    process.stdout.write(`  ${name}: ${ms.toFixed(0)} ms\n`);
  }
  const compiled = rows[0]?.[1] ?? Number.NaN;
  process.stdout.write(
    `Target: compiled start < ${TARGET_MS} ms: ${compiled < TARGET_MS ? 'met' : 'missed'} (load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)})\n`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}
