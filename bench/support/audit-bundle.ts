import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { bundleChunks, planBundle } from '../../server/audit/export-bundle';
import { TransparencyLog } from '../../server/log/transparency-log';
import { readSealedLines, storeEntries } from './bulk-load';
import { benchLogEnv, benchLogSigner } from './log-identity';
import { cachePath } from './paths';
import { enrolTeam } from './people';
import { say } from './progress';
import { portable, type Signer, signerOf } from './sealing';
import { sealInWorkers } from './sealing-pool';
import { BenchServer } from './server-child';

/** A cached audit bundle of the whole log, and the verifier key it must be checked with. */
export type CachedBundle = {
  readonly file: string;
  readonly logKey: string;
  readonly entries: number;
  readonly how: string;
};

type Meta = { readonly logKey: string; readonly entries: number; readonly seconds: number };

const STORE_BATCH = 1_000;

const writeBundle = async (file: string, chunks: AsyncIterable<string>) => {
  const out = createWriteStream(`${file}.partial`);
  for await (const chunk of chunks) {
    if (!out.write(chunk)) {
      await once(out, 'drain');
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(`${file}.partial`, file);
};

/**
 * Builds a log of `entries` entries: an admin and a staff writer enrolled through the SDK on a
 * real server, then cases of entries sealed and signed with the writer's keys (the SDK's
 * `sealDraft`, in forked workers) and stored as `appendEntry` stores them, then exported with the
 * server's own exporter. Returns the verifier key.
 */
const build = async (file: string, entries: number, entriesPerCase: number): Promise<string> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-bundle-'));
  const parts: string[] = [];
  try {
    const server = await BenchServer.start({ dataDir, env: benchLogEnv() });
    let signer: Signer;
    try {
      const team = await enrolTeam(server, 1);
      signer = await signerOf(team.writers[0] as ParleyPerson, team.partyId);
    } finally {
      await server.stop();
    }
    const casesPerJob = Math.max(1, Math.floor(10_000 / entriesPerCase));
    const cases = Math.ceil(entries / entriesPerCase);
    const jobs = Array.from({ length: Math.ceil(cases / casesPerJob) }, (_, index) => ({
      signer: portable(signer),
      cases: Math.min(casesPerJob, cases - index * casesPerJob),
      entriesPerCase,
      format: 'entries' as const,
      file: join(dataDir, `part-${index}.ndjson`),
    }));
    say(`sealing and signing ${entries.toLocaleString('en-GB')} entries for the audit bundle (cached)`);
    await sealInWorkers(jobs, (job) => parts.push(job.file));
    const database = await openDatabase({ dataDir });
    await migrateDatabase(database);
    const log = new TransparencyLog(benchLogSigner(dataDir));
    try {
      for (const job of jobs) {
        const lines = readSealedLines(job.file);
        for (let start = 0; start < lines.length; start += STORE_BATCH) {
          await storeEntries(database, log, lines.slice(start, start + STORE_BATCH));
        }
        rmSync(job.file);
      }
      say("exporting the audit bundle with the server's exporter");
      const plan = await planBundle(database.db, log, { scope: { kind: 'log' }, ciphertext: false });
      await writeBundle(file, bundleChunks(database.db, plan));
      return log.signer.verifierKey;
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** The audit bundle of `entries` entries, built once and kept in bench/.cache. */
export const prepareBundle = async (entries: number, entriesPerCase: number, fresh: boolean): Promise<CachedBundle> => {
  const file = cachePath(`audit-bundle-${entries}.json`);
  const metaFile = `${file}.meta`;
  if (!fresh && existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    return {
      file,
      logKey: meta.logKey,
      entries,
      how: `reused from bench/.cache (built in ${meta.seconds.toFixed(0)} s by an earlier run)`,
    };
  }
  const started = performance.now();
  const logKey = await build(file, entries, entriesPerCase);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(metaFile, JSON.stringify({ logKey, entries, seconds } satisfies Meta));
  return { file, logKey, entries, how: `built by this run in ${seconds.toFixed(0)} s` };
};
