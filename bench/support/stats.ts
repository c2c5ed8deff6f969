/** Sorted copy, ascending. */
const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (the "R-7" method of
 * numpy and spreadsheets). Throws on an empty list: a benchmark that measured nothing is a bug.
 */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) {
    throw new RangeError('percentile of no values');
  }
  const ordered = sorted(values);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (ordered.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = ordered[low] as number;
  return lowValue + ((ordered[high] as number) - lowValue) * (rank - low);
};

/** The median (50th percentile). */
export const median = (values: readonly number[]): number => percentile(values, 50);

/** What one run of a latency benchmark measured. */
export type LatencyRun = { readonly throughput: number; readonly p50: number; readonly p99: number };

/** Throughput (operations per second) and latency percentiles (ms) of one run. */
export const latencyRun = (latenciesMs: readonly number[], seconds: number): LatencyRun => ({
  throughput: latenciesMs.length / seconds,
  p50: percentile(latenciesMs, 50),
  p99: percentile(latenciesMs, 99),
});

/** The median of each field over several runs. */
export const medianRun = (runs: readonly LatencyRun[]): LatencyRun => ({
  throughput: median(runs.map((run) => run.throughput)),
  p50: median(runs.map((run) => run.p50)),
  p99: median(runs.map((run) => run.p99)),
});

/** Milliseconds since `start` (a `performance.now()` reading). */
export const elapsedMs = (start: number): number => performance.now() - start;
