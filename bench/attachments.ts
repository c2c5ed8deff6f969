import { randomBytes } from 'node:crypto';
import type { ParleyPerson } from '../client/sdk/parley-person';
import type { DriverRun } from './support/driver-run';
import { inUse, type MemorySample, type PeakAndNow, PeakMemory } from './support/memory';
import { processCpuMs } from './support/process-cpu';
import { profiled, shouldProfile } from './support/profiled';
import { say } from './support/progress';
import { atLeast, atMost, mbPerSecond, mebibytes, megabytes, ms, percent, type Section } from './support/report';
import { repeatedFile, secretstreamRates } from './support/secretstream-baseline';
import { median } from './support/stats';

const MIB = 1024 * 1024;
const TRANSFERS = ['upload', 'download'] as const;
const MEASURES = ['client RSS', 'client in use', 'server RSS', 'server in use'] as const;

/**
 * One transfer: plaintext bytes per second; per measure, the peak above the level before; and the
 * CPU time each process spent on it, which moves far less with the machine's load than the rate.
 */
type Transfer = {
  readonly bytesPerSecond: number;
  readonly memory: readonly number[];
  readonly clientCpuMs: number;
  readonly serverCpuMs: number;
};
type Trip = { readonly upload: Transfer; readonly download: Transfer; readonly push: number; readonly pull: number };

const above = (peaks: PeakAndNow, base: MemorySample) => [peaks.peak.rss - base.rss, peaks.peakInUse - inUse(base)];

/** One upload and download of `size` bytes, with both processes' memory peaks. */
const roundTrip = async (run: DriverRun, writer: ParleyPerson, local: PeakMemory, size: number, piece: Uint8Array) => {
  const transfer = async (work: () => Promise<unknown>): Promise<Transfer> => {
    const [clientBase, serverBase] = [local.takePeak().now, (await run.server.takePeakMemory()).now];
    const [clientCpu, serverCpu] = [process.cpuUsage(), processCpuMs(run.server.pid) ?? Number.NaN];
    const started = performance.now();
    await work();
    const bytesPerSecond = size / ((performance.now() - started) / 1000);
    const clientUsage = process.cpuUsage(clientCpu);
    const serverCpuMs = (processCpuMs(run.server.pid) ?? Number.NaN) - serverCpu;
    const [client, server] = [local.takePeak(), await run.server.takePeakMemory()];
    return {
      bytesPerSecond,
      memory: [...above(client, clientBase), ...above(server, serverBase)],
      clientCpuMs: (clientUsage.user + clientUsage.system) / 1000,
      serverCpuMs,
    };
  };
  let ref: Awaited<ReturnType<ParleyPerson['uploadAttachment']>> | undefined;
  const upload = await transfer(async () => {
    ref = await writer.uploadAttachment(repeatedFile(size, piece), { name: 'scan.tiff', mediaType: 'image/tiff' });
  });
  let received = 0;
  const count = (plain: Uint8Array) => {
    received += plain.length;
  };
  const download = await transfer(() => writer.downloadAttachment(ref as NonNullable<typeof ref>, count));
  if (received !== size) {
    throw new Error(`downloaded ${received} bytes of ${size}`);
  }
  return { upload, download };
};

/**
 * Attachment benchmark on one database: encrypting and uploading a file through the SDK, and
 * downloading and decrypting it, in MB/s against raw libsodium secretstream, with each process's
 * peak memory for a small and a large file.
 */
export const benchAttachments = async (run: DriverRun): Promise<Section> => {
  const { settings, label, server } = run;
  const writer = run.team.writers[0] as ParleyPerson;
  const piece = randomBytes(MIB);
  const local = new PeakMemory();
  const trips = new Map<number, Trip[]>();
  try {
    for (const size of settings.attachments.sizes) {
      for (let round = 1; round <= settings.runs; round += 1) {
        say(`${label}: attachments run ${round}/${settings.runs}: ${mebibytes(size)}`);
        const trip = { ...(await roundTrip(run, writer, local, size, piece)), ...secretstreamRates(size, piece) };
        trips.set(size, [...(trips.get(size) ?? []), trip]);
      }
    }
  } finally {
    local.stop();
  }
  const [small, large] = settings.attachments.sizes;
  const of = (size: number, pick: (trip: Trip) => number) => median((trips.get(size) ?? []).map(pick));
  const memoryOf = (size: number, transfer: (typeof TRANSFERS)[number], index: number) =>
    of(size, (trip) => trip[transfer].memory[index] ?? 0);
  // Judged on RSS, what the operating system must provide: memory in use also counts garbage
  // not yet collected, which a larger file leaves more of between collections.
  const growths = TRANSFERS.flatMap((transfer) =>
    MEASURES.map((measure, index) => ({
      what: `${transfer}, ${measure}`,
      bytes: memoryOf(large, transfer, index) - memoryOf(small, transfer, index),
    })).filter((growth) => growth.what.endsWith('RSS')),
  ).sort((a, b) => b.bytes - a.bytes);
  const worst = growths[0] ?? { what: '', bytes: 0 };
  const id = `attachments-${run.driver.name}`;
  const at = `${label}, ${mebibytes(large)}`;
  // The targets: 70% on PostgreSQL, 50% on the embedded default.
  const rateTarget = run.driver.name === 'pglite' ? 0.5 : 0.7;
  const rateText = percent(rateTarget);
  const targets = [
    atLeast(
      `${id}-upload`,
      `Attachment encrypt + upload ≥ ${rateText} of raw secretstream push (${at})`,
      of(large, (trip) => trip.upload.bytesPerSecond / trip.push),
      rateTarget,
      percent,
    ),
    atLeast(
      `${id}-download`,
      `Attachment download + decrypt ≥ ${rateText} of raw secretstream pull (${at})`,
      of(large, (trip) => trip.download.bytesPerSecond / trip.pull),
      rateTarget,
      percent,
    ),
    atMost(
      `${id}-memory`,
      `Memory does not grow with file size: peak RSS growth from ${mebibytes(small)} to ${mebibytes(large)} ≤ 25% of the difference (${label}; largest: ${worst.what})`,
      worst.bytes,
      0.25 * (large - small),
      megabytes,
    ),
  ];
  const profiles = shouldProfile(settings, targets)
    ? await profiled(`attachments ${at}`, server, () => roundTrip(run, writer, new PeakMemory(), large, piece))
    : [];
  return {
    id: 'attachments',
    title: 'Attachments',
    method: [
      "The SDK's `uploadAttachment` encrypts a file chunk by chunk (secretstream, 64 KiB) and streams it to `PUT /api/attachments`; `downloadAttachment` streams it back and decrypts it into a counting sink; both check the digest and size. The file is one random MiB repeated, so producing it costs nothing. MB/s are 10^6 bytes of plaintext per second.",
      'Baseline: libsodium `crypto_secretstream_xchacha20poly1305` push, then pull, of the same bytes in the same chunks, in memory.',
      'Memory: the peak during each transfer above the level just before it (after a full GC), sampled every 10 ms, as RSS and as memory in use by JavaScript (V8 heap used + external, which holds ArrayBuffers and WebAssembly memories). The client is the benchmark process; the server its own process, with PGlite inside it. A small and a large file show whether memory grows with file size.',
    ],
    tables: [
      {
        title: 'Attachment throughput against raw secretstream',
        columns: [
          'Database',
          'File',
          'Encrypt + upload',
          'Download + decrypt',
          'secretstream push',
          'secretstream pull',
          'Upload ÷ push',
          'Download ÷ pull',
        ],
        rows: settings.attachments.sizes.map((size) => [
          label,
          mebibytes(size),
          mbPerSecond(of(size, (trip) => trip.upload.bytesPerSecond)),
          mbPerSecond(of(size, (trip) => trip.download.bytesPerSecond)),
          mbPerSecond(of(size, (trip) => trip.push)),
          mbPerSecond(of(size, (trip) => trip.pull)),
          percent(of(size, (trip) => trip.upload.bytesPerSecond / trip.push)),
          percent(of(size, (trip) => trip.download.bytesPerSecond / trip.pull)),
        ]),
      },
      {
        title: 'CPU time per transfer against raw secretstream on one core',
        columns: ['Database', 'File', 'Transfer', 'Client CPU', 'Server CPU', 'Raw secretstream', 'Client ÷ raw'],
        rows: settings.attachments.sizes.flatMap((size) =>
          TRANSFERS.map((transfer) => {
            const raw = of(size, (trip) => size / (transfer === 'upload' ? trip.push : trip.pull)) * 1000;
            const client = of(size, (trip) => trip[transfer].clientCpuMs);
            const server = of(size, (trip) => trip[transfer].serverCpuMs);
            return [
              label,
              mebibytes(size),
              transfer,
              ms(client),
              Number.isNaN(server) ? '—' : ms(server),
              ms(raw),
              `${(client / raw).toFixed(1)}×`,
            ];
          }),
        ),
      },
      {
        title: 'Peak memory above the level before each transfer',
        columns: [
          'Database',
          'File',
          'Transfer',
          ...MEASURES.map((measure) => measure[0]?.toUpperCase() + measure.slice(1)),
        ],
        rows: settings.attachments.sizes.flatMap((size) =>
          TRANSFERS.map((transfer) => [
            label,
            mebibytes(size),
            transfer,
            ...MEASURES.map((_, index) => megabytes(memoryOf(size, transfer, index))),
          ]),
        ),
      },
    ],
    targets,
    profiles,
    notes: [],
  };
};
