import { randomUUID } from 'node:crypto';
import { ParleyPerson } from '../client/sdk/parley-person';
import { healthRoutes } from '../shared/api/health';
import { logRoutes } from '../shared/api/log';
import { fromBase64url } from '../shared/encoding/bytes';
import { checkEntryInclusion } from '../shared/log/log-monitor';
import { verifyCheckpoint } from '../shared/log/verify-checkpoint';
import { checkConsistency } from '../shared/log/verify-consistency';
import type { DriverUnderTest } from '../test/helpers/databases';
import { driverLabel } from './support/driver-run';
import { benchLogEnv } from './support/log-identity';
import { profiled, shouldProfile } from './support/profiled';
import { say } from './support/progress';
import { type ProofLog, prepareProofLogs } from './support/proof-logs';
import { atMost, count, ms, type ProfileSummary, type Section } from './support/report';
import { BenchServer } from './support/server-child';
import type { Settings } from './support/settings';
import { median, percentile } from './support/stats';

type Trusted = { readonly treeSize: number; readonly rootHash: Uint8Array };
type Sampled = {
  readonly inclusion: number[][];
  readonly consistency: number[][];
  readonly floors: { readonly noWork: number[][]; readonly health: number[][] };
  hashes: number[];
  consistencyHashes: number[];
};

const randomBelow = (limit: number) => Math.floor(Math.random() * limit);

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

/** One inclusion proof of a random bulk leaf, served over HTTP and verified against the trusted root. */
const inclusionOnce = async (person: ParleyPerson, log: ProofLog, trusted: Trusted) => {
  const index = randomBelow(log.size);
  const [reply, latency] = await timed(() =>
    person.api(logRoutes.inclusionProof, { query: { index, treeSize: trusted.treeSize } }),
  );
  const proof = reply.proof.map(fromBase64url);
  if (!checkEntryInclusion(trusted, index, log.records.at(index), 'entry', proof).ok) {
    throw new Error(`the inclusion proof of leaf ${index} does not verify`);
  }
  return { latency, hashes: proof.length };
};

/** One consistency proof from a random checkpoint the builder signed to the latest, verified. */
const consistencyOnce = async (person: ParleyPerson, log: ProofLog, trusted: Trusted) => {
  const sizes = [...log.roots.keys()].filter((size) => size < trusted.treeSize);
  const from = sizes[randomBelow(sizes.length)] as number;
  const [reply, latency] = await timed(() =>
    person.api(logRoutes.consistencyProof, { query: { from, to: trusted.treeSize } }),
  );
  const proof = reply.proof.map(fromBase64url);
  if (!checkConsistency(from, trusted.treeSize, proof, log.roots.get(from) as Uint8Array, trusted.rootHash).ok) {
    throw new Error(`the consistency proof ${from} → ${trusted.treeSize} does not verify`);
  }
  return { latency, hashes: proof.length };
};

/**
 * The floors under any proof's latency on this machine, timed by the same client between proofs:
 * a request the server answers with a 404 problem and no work (no database, no session), and
 * `GET /api/health`, which answers after one small database query and no session.
 */
const floorsOnce = async (person: ParleyPerson, baseUrl: string) => {
  const [, noWork] = await timed(async () => {
    const reply = await fetch(new URL('/api/bench-no-such-route', baseUrl));
    await reply.arrayBuffer();
    if (reply.status !== 404) {
      throw new Error(`the no-work request answered ${reply.status}, not 404`);
    }
  });
  const [, health] = await timed(() => person.api(healthRoutes.health));
  return { noWork, health };
};

const measure = async (
  person: ParleyPerson,
  baseUrl: string,
  log: ProofLog,
  trusted: Trusted,
  settings: Settings,
): Promise<Sampled> => {
  const sampled: Sampled = {
    inclusion: [],
    consistency: [],
    floors: { noWork: [], health: [] },
    hashes: [],
    consistencyHashes: [],
  };
  for (let warmUp = 0; warmUp < 30; warmUp += 1) {
    await inclusionOnce(person, log, trusted);
    await consistencyOnce(person, log, trusted);
    await floorsOnce(person, baseUrl);
  }
  for (let round = 0; round < settings.runs; round += 1) {
    const inclusion: number[] = [];
    const consistency: number[] = [];
    const noWork: number[] = [];
    const health: number[] = [];
    for (let sample = 0; sample < settings.proofs.samples; sample += 1) {
      const included = await inclusionOnce(person, log, trusted);
      const consistent = await consistencyOnce(person, log, trusted);
      const floors = await floorsOnce(person, baseUrl);
      noWork.push(floors.noWork);
      health.push(floors.health);
      inclusion.push(included.latency);
      consistency.push(consistent.latency);
      sampled.hashes.push(included.hashes);
      sampled.consistencyHashes.push(consistent.hashes);
    }
    sampled.inclusion.push(inclusion);
    sampled.consistency.push(consistency);
    sampled.floors.noWork.push(noWork);
    sampled.floors.health.push(health);
  }
  return sampled;
};

/** Median over runs of one percentile of each run. */
const medianOf = (runs: readonly number[][], p: number) => median(runs.map((run) => percentile(run, p)));
const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Proof benchmark on one database: inclusion and consistency proofs served over HTTP (one client,
 * sequential requests, random leaves) from logs of growing size, each proof verified. The logs
 * are cached; see proof-logs.ts for how they are built.
 */
export const benchProofs = async (driver: DriverUnderTest, settings: Settings): Promise<Section> => {
  const label = driverLabel(driver.name);
  const rows: string[][] = [];
  const floorRows: string[][] = [];
  const builds: string[] = [];
  const profiles: ProfileSummary[] = [];
  let targets: Section['targets'] = [];
  let smallest: { size: number; p50: number } | undefined;
  const logs = await prepareProofLogs(driver.name, settings.proofs.sizes, settings.fresh);
  for (const size of settings.proofs.sizes) {
    const log = logs.get(size) as ProofLog;
    builds.push(`${label}, ${count(size)} leaves: ${log.how}.`);
    const server = await BenchServer.start({ ...log.server, env: benchLogEnv() });
    try {
      const { link } = await server.inviteAdmin(`Proof readers ${randomUUID().slice(0, 8)}`, 'Proof Reader');
      const person = await ParleyPerson.enrol(server.address.baseUrl, link, { origin: server.address.origin });
      const { note } = await person.api(logRoutes.latestCheckpoint);
      const { origin, verifierKey } = await person.api(logRoutes.logIdentity);
      const verified = verifyCheckpoint(note, verifierKey, origin);
      if (!verified.ok) {
        throw new Error(`the latest checkpoint does not verify: ${verified.reason}`);
      }
      const trusted = verified.checkpoint;
      say(`${label}: proofs at ${count(size)} leaves (tree size ${count(trusted.treeSize)})`);
      const sampled = await measure(person, server.address.baseUrl, log, trusted, settings);
      const p50 = medianOf(sampled.inclusion, 50);
      smallest ??= { size, p50 };
      rows.push([
        label,
        count(size),
        ms(p50),
        ms(medianOf(sampled.inclusion, 99)),
        average(sampled.hashes).toFixed(1),
        ms(medianOf(sampled.consistency, 50)),
        ms(medianOf(sampled.consistency, 99)),
        average(sampled.consistencyHashes).toFixed(1),
        `${(p50 / smallest.p50).toFixed(2)}× (log₂ ${(Math.log2(size) / Math.log2(smallest.size)).toFixed(2)}×)`,
      ]);
      floorRows.push([
        label,
        count(size),
        ms(medianOf(sampled.floors.noWork, 50)),
        ms(medianOf(sampled.floors.noWork, 99)),
        ms(medianOf(sampled.floors.health, 50)),
        ms(medianOf(sampled.floors.health, 99)),
        ms(medianOf(sampled.inclusion, 99)),
      ]);
      if (size === settings.proofs.sizes.at(-1)) {
        const target = `Inclusion proof p99 ≤ 5 ms at ${count(size)} leaves (${label}${size < 1_000_000 ? '; the target is set at 1,000,000' : ''})`;
        targets = [atMost(`proofs-${driver.name}-p99`, target, medianOf(sampled.inclusion, 99), 5, ms)];
        if (shouldProfile(settings, targets)) {
          profiles.push(
            ...(await profiled(`proofs ${label} ${count(size)} leaves`, server, () =>
              measure(person, server.address.baseUrl, log, trusted, { ...settings, runs: 1 }),
            )),
          );
        }
      }
    } finally {
      await server.stop();
    }
  }
  return {
    id: 'proofs',
    title: 'Proofs',
    method: [
      `One client asks for ${settings.proofs.samples} inclusion proofs (\`GET /api/log/inclusion?index=&treeSize=\`, random leaf) and as many consistency proofs (\`GET /api/log/consistency\`, from a random earlier checkpoint to the latest) per run, one request at a time, and verifies each against the checkpoint; latency is the HTTP round trip, session check included. Baselines in the same run, timed by the same client after each pair: a request the server answers with a 404 problem and no work (no database, no session), and \`GET /api/health\`, one small database query and no session: the least any request, and any request that reads the database, costs on this machine. Medians over ${settings.runs} runs of each run's percentile.`,
      "How the large logs were built: the leaves are the entry hashes of real entries, each sealed and signed by the SDK's `sealDraft` (meeting minutes, one recipient, chained 1,000 per case) under a generated identity in forked workers, cached in `bench/.cache/proof-records`. They are appended through the server's own `TransparencyLog.append` (leaf and node hashes, consistency check, signed checkpoint) in transactions of up to 10,000 leaves, one log per size and database, cached in `bench/.cache/proof-logs` (PGlite) or as the database `parley_bench_proofs_<size>` (PostgreSQL). The entries themselves are not stored: proofs read only `log_leaves`, `log_nodes` and `checkpoints`. Each run enrols one reader through the SDK, which adds its key statements as the last few leaves.",
    ],
    tables: [
      {
        title: 'Proof latency by log size',
        columns: [
          'Database',
          'Leaves',
          'Inclusion p50',
          'Inclusion p99',
          'Hashes',
          'Consistency p50',
          'Consistency p99',
          'Hashes',
          'Inclusion p50 growth',
        ],
        rows,
      },
      {
        title: 'Round-trip floors in the same runs',
        columns: ['Database', 'Leaves', 'No work p50', 'No work p99', 'Health p50', 'Health p99', 'Inclusion p99'],
        rows: floorRows,
      },
    ],
    targets,
    profiles,
    notes: builds,
  };
};
