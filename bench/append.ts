import { randomUUID } from 'node:crypto';
import { openDatabase } from '../db/client';
import { entryRoutes } from '../shared/api/entries';
import {
  type AppendClient,
  type AppendOutcome,
  appendContended,
  appendSpread,
  type Heads,
} from './support/append-clients';
import type { DriverRun } from './support/driver-run';
import { enrolTeam, type Team } from './support/people';
import { processCpuMs } from './support/process-cpu';
import { profiled, shouldProfile } from './support/profiled';
import { say } from './support/progress';
import { createRawTable, insertRaw } from './support/raw-inserts';
import { atLeast, atMost, megabytes, ms, percent, rate, type Section, type TargetCheck } from './support/report';
import { headAfter, sealCaseOpen, signerOf } from './support/sealing';
import { type LatencyRun, latencyRun, median, medianRun } from './support/stats';

type Measured = {
  appends: LatencyRun[];
  inserts: LatencyRun[];
  ratios: number[];
  conflictsPerAppend: number[];
  mostConflicts: number[];
  /** CPU time the server process spent per acknowledged append (refused races included in it). */
  serverCpuMs: number[];
};

const TARGET_CLIENTS = 8;

/** Opens `count` cases through the append route, as writers in turn. */
const openCases = async (clients: readonly AppendClient[], count: number, heads: Heads): Promise<string[]> => {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const client = clients[index % clients.length] as AppendClient;
    const sealed = sealCaseOpen(client.signer, randomUUID());
    await client.person.api(entryRoutes.appendEntry, { body: sealed.entry });
    heads.set(sealed.entry.header.stream, headAfter(sealed));
    ids.push(sealed.entry.header.stream);
  }
  return ids;
};

const rowOf = (label: string, cases: number, clients: number, measured: Measured): string[] => {
  const append = medianRun(measured.appends);
  const insert = medianRun(measured.inserts);
  return [
    label,
    String(cases),
    String(clients),
    rate(append.throughput),
    ms(append.p50),
    ms(append.p99),
    `${median(measured.conflictsPerAppend).toFixed(2)} (most ${Math.max(...measured.mostConflicts)})`,
    measured.serverCpuMs.length > 0 ? ms(median(measured.serverCpuMs)) : '—',
    rate(insert.throughput),
    ms(insert.p50),
    ms(insert.p99),
    percent(median(measured.ratios)),
  ];
};

/** Issue 13, Must show 1: spread over 100 cases, and all on one case, where only one entry per round can extend the chain. */
const TARGETS = { spread: { ratio: 0.6, p99Ms: 50 }, oneCase: { ratio: 0.25, p99Ms: 250 } };

const targetsOf = (label: string, cases: number, measured: Measured): TargetCheck[] => {
  const id = `append-${label.toLowerCase()}-${cases}-case${cases === 1 ? '' : 's'}`;
  const where = `${label}, ${cases} case${cases === 1 ? '' : 's'}`;
  const target = cases === 1 ? TARGETS.oneCase : TARGETS.spread;
  return [
    atLeast(
      `${id}-rate`,
      `Append at 8 clients ≥ ${percent(target.ratio)} of the raw INSERT rate (${where})`,
      median(measured.ratios),
      target.ratio,
      percent,
    ),
    atMost(
      `${id}-p99`,
      `Append p99 at 8 clients ≤ ${target.p99Ms} ms (${where})`,
      medianRun(measured.appends).p99,
      target.p99Ms,
      ms,
    ),
  ];
};

/** `count` clients over a team's writers, each writer behind every `writers`-th client. */
const clientsOf = async (team: Team, count: number): Promise<AppendClient[]> => {
  const signers = await Promise.all(team.writers.map((writer) => signerOf(writer, team.partyId)));
  return Array.from({ length: count }, (_, k) => ({
    person: team.writers[k % team.writers.length],
    signer: signers[k % signers.length],
  })) as AppendClient[];
};

/**
 * Append benchmark on one database: signed entries POSTed through the HTTP API by 1, 8 and 32
 * clients over 1 and 100 cases, each receipt (inclusion proof and checkpoint) verified; against
 * the same bytes as single-row INSERTs at the same concurrency. Also the server's peak RSS.
 */
export const benchAppend = async (run: DriverRun): Promise<Section[]> => {
  const { settings, server, team, pin, label } = run;
  const {
    clients: clientCounts,
    cases: caseCounts,
    perRun,
    contendedPerRun,
    contenders: contenderCount,
  } = settings.append;
  const clients = await clientsOf(team, Math.max(...clientCounts));
  say(`${label}: append: enrolling ${contenderCount} writers of another party for the contended case`);
  const contenders = await clientsOf(
    await enrolTeam(server, contenderCount, 'Delegation of the contended case (bench)'),
    Math.max(...clientCounts),
  );
  // The baseline database first: opening PGlite blocks this process's event loop for seconds, long
  // enough for the server to close the clients' idle keep-alive sockets under them.
  const baseline = await run.driver.create();
  const database = await openDatabase(baseline.options);
  try {
    await createRawTable(database);
    const heads: Heads = new Map();
    say(`${label}: append: opening ${Math.max(...caseCounts)} cases`);
    const caseIds = await openCases(clients, Math.max(...caseCounts), heads);
    run.spread = { caseIds, heads };
    const [contendedId] = (await openCases(contenders, 1, heads)) as [string];
    const once = (cases: number, clientCount: number): Promise<AppendOutcome> =>
      cases === 1
        ? appendContended(contenders.slice(0, clientCount), contendedId, heads, contendedPerRun, pin)
        : appendSpread(clients.slice(0, clientCount), caseIds.slice(0, cases), heads, perRun, pin);
    await insertRaw(database, (await once(100, 1)).bodies.slice(0, 30), 1); // warm-up of both paths
    await server.takePeakMemory();
    const measured = new Map<string, Measured>();
    for (let round = 1; round <= settings.runs; round += 1) {
      for (const cases of caseCounts) {
        for (const clientCount of clientCounts) {
          say(`${label}: append run ${round}/${settings.runs}: ${clientCount} clients over ${cases} case(s)`);
          const cpuBefore = processCpuMs(server.pid);
          const appended = await once(cases, clientCount);
          const cpuAfter = processCpuMs(server.pid);
          const inserted = await insertRaw(database, appended.bodies, clientCount);
          const key = `${cases}/${clientCount}`;
          const known = measured.get(key) ?? {
            appends: [],
            inserts: [],
            ratios: [],
            conflictsPerAppend: [],
            mostConflicts: [],
            serverCpuMs: [],
          };
          if (cpuBefore !== undefined && cpuAfter !== undefined) {
            known.serverCpuMs.push((cpuAfter - cpuBefore) / appended.latenciesMs.length);
          }
          const append = latencyRun(appended.latenciesMs, appended.seconds);
          const insert = latencyRun(inserted.latenciesMs, inserted.seconds);
          known.appends.push(append);
          known.inserts.push(insert);
          known.ratios.push(append.throughput / insert.throughput);
          known.conflictsPerAppend.push(appended.conflicts / appended.latenciesMs.length);
          known.mostConflicts.push(appended.mostConflicts);
          measured.set(key, known);
        }
      }
    }
    const { peak } = await server.takePeakMemory();
    const at = (cases: number, clientCount: number) => measured.get(`${cases}/${clientCount}`) as Measured;
    const targets = caseCounts.flatMap((cases) => targetsOf(label, cases, at(cases, TARGET_CLIENTS)));
    const profiles = shouldProfile(settings, targets)
      ? await profiled(`append ${label} ${TARGET_CLIENTS} clients over 100 cases`, server, () =>
          once(100, TARGET_CLIENTS),
        )
      : [];
    const append: Section = {
      id: 'append',
      title: 'Append',
      method: [
        `Each client POSTs signed, sealed \`minutes\` to \`/api/entries\` and verifies the receipt (checkpoint signature, inclusion proof) before its next append; latency is the POST round trip.`,
        `Over 100 cases each client writes to cases of its own, sealed before the clock starts (${perRun} appends per run); the clients are ${team.writers.length} staff of one party, each entry sealed to ${clients[0]?.signer.recipients.length} recipients.`,
        `On 1 case all clients write on one chain (${contendedPerRun} appends per run): ${contenderCount} staff of another party, one per client up to ${contenderCount} (turns on a stream are per person), each entry sealed to ${contenders[0]?.signer.recipients.length} recipients. The server gives writers turns in arrival order; a 409 is re-sealed at the head it names and sent again at once (the SDK and the browser re-read the stream instead, also without a pause), and latency includes the resends.`,
        'Baseline: the exact bytes of the same run, one `INSERT` per transaction into a table of (id, bytea), at the same concurrency, through the same driver and pool (`db/client.ts` `transaction`, with its PGlite WAL sync).',
        `The server runs in its own process on the same machine; clients, sealing and the baseline run in the benchmark process. Medians of ${settings.runs} interleaved runs; the ratio is the median of per-run ratios.`,
        "Server CPU per append: user + system CPU time of the server process (Linux /proc) over the run, divided by the appends acknowledged; it includes the work on refused races, and on PostgreSQL not the database's own processes. Unlike rates, it hardly moves with the load of the machine.",
      ],
      tables: [
        {
          title: 'Append through the HTTP API against raw INSERTs',
          columns: [
            'Database',
            'Cases',
            'Clients',
            'Appends/s',
            'p50',
            'p99',
            'Lost races per append (most by one)',
            'Server CPU per append',
            'INSERTs/s',
            'INSERT p50',
            'INSERT p99',
            'Append ÷ INSERT',
          ],
          rows: caseCounts.flatMap((cases) =>
            clientCounts.map((clientCount) => rowOf(label, cases, clientCount, at(cases, clientCount))),
          ),
        },
      ],
      targets,
      profiles,
      notes: [],
    };
    const memory: Section = {
      id: 'memory',
      title: 'Server memory',
      method: [
        'Peak resident set size of the server process, sampled every 10 ms from the start of the first measured append run to the end of the last (PGlite runs inside the server process; PostgreSQL in its own).',
      ],
      tables: [
        {
          title: 'Server peak RSS during the append benchmark',
          columns: ['Database', 'Peak RSS', 'V8 heap used', 'External', 'ArrayBuffers'],
          rows: [
            [
              label,
              megabytes(peak.rss),
              megabytes(peak.heapUsed),
              megabytes(peak.external),
              megabytes(peak.arrayBuffers),
            ],
          ],
        },
      ],
      targets: [
        atMost(
          `server-rss-${label.toLowerCase()}`,
          `Server RSS ≤ 250 MB (${label})`,
          peak.rss / 1e6,
          250,
          (value) => `${value.toFixed(0)} MB`,
        ),
      ],
      profiles: [],
      notes: [],
    };
    return [append, memory];
  } finally {
    await database.close();
    await baseline.cleanup();
  }
};
