/** Memory of a process at one moment: resident set and V8's breakdown, in bytes. */
export type MemorySample = {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
};

/**
 * Peaks since the last call: of the resident set (with V8's breakdown at that moment) and of
 * memory in use by JavaScript (heap used + external, which includes ArrayBuffers and WebAssembly
 * memories); and the usage right after, from which the next peaks are measured.
 */
export type PeakAndNow = { readonly peak: MemorySample; readonly peakInUse: number; readonly now: MemorySample };

const sampleNow = (): MemorySample => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
};

/** Heap used plus external memory. */
export const inUse = (sample: MemorySample): number => sample.heapUsed + sample.external;

/**
 * Tracks this process's peak memory by sampling every few milliseconds (the kernel's own
 * high-water mark cannot be reset between phases). RSS alone hides reuse of memory a process
 * already holds, so the peak of memory in use is kept too.
 */
export class PeakMemory {
  #peak: MemorySample = sampleNow();
  #peakInUse = inUse(this.#peak);
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 10) {
    this.#timer = setInterval(() => this.sample(), intervalMs);
    this.#timer.unref();
  }

  /** Takes a sample now. */
  sample(): void {
    const sample = sampleNow();
    if (sample.rss > this.#peak.rss) {
      this.#peak = sample;
    }
    this.#peakInUse = Math.max(this.#peakInUse, inUse(sample));
  }

  /** The peaks since the last call, then starts over (after a full GC when `--expose-gc` allows one). */
  takePeak(): PeakAndNow {
    this.sample();
    const [peak, peakInUse] = [this.#peak, this.#peakInUse];
    (globalThis as { gc?: () => void }).gc?.();
    this.#peak = sampleNow();
    this.#peakInUse = inUse(this.#peak);
    return { peak, peakInUse, now: this.#peak };
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
