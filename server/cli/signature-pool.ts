// Entry signatures of an audit bundle checked on worker threads, one per core, while the main
// thread runs the rest of the verifier: what makes `npm run verify` use every core. The verdicts
// go to `verifyBundle`, which uses each only for the exact triple it was computed for.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EntrySignatureVerdicts } from '../../shared/audit/signature-verdicts';
import { type PackedVerdicts, type SignatureJob, unpackVerdicts } from './signature-messages';

const WORKER_FILE = new URL('./signature-worker.ts', import.meta.url);

// The CLI runs its TypeScript through tsx (`node --import tsx`), whose loader a worker thread
// does not inherit on Node 20: the worker registers it before importing its own module.
const WORKER_ENTRY = new URL(
  `data:text/javascript,${encodeURIComponent(
    `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});\n` +
      `register();\nawait import(${JSON.stringify(WORKER_FILE.href)});\n`,
  )}`,
);

/** One worker and the replies it owes: each message it sends settles the oldest. */
type Slot = {
  readonly worker: Worker;
  readonly waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void }[];
  failure?: Error;
};

/** A pool of signature workers; `close()` it when done, or the process stays alive. */
export class SignaturePool {
  readonly threads: number;
  readonly #slots: Slot[];
  readonly #ready: Promise<unknown>;

  constructor(threads = availableParallelism()) {
    this.threads = Math.max(1, threads);
    this.#slots = Array.from({ length: this.threads }, (_, at) => this.#start(at));
    this.#ready = Promise.all(this.#slots.map((slot) => this.#reply(slot)));
    // A start-up failure is reported by the first verification; until then it must not go unhandled.
    this.#ready.catch(() => undefined);
  }

  #start(at: number): Slot {
    const slot: Slot = { worker: new Worker(WORKER_ENTRY), waiting: [] };
    const fail = (error: Error) => {
      slot.failure ??= error;
      for (const waiting of slot.waiting.splice(0)) {
        waiting.reject(slot.failure);
      }
    };
    slot.worker.on('message', (message: unknown) => slot.waiting.shift()?.resolve(message));
    slot.worker.on('error', (error) =>
      fail(new Error(`signature worker ${at + 1} of ${this.threads} failed: ${error.message}`)),
    );
    slot.worker.on('exit', (code) =>
      fail(new Error(`signature worker ${at + 1} of ${this.threads} stopped with exit code ${code}`)),
    );
    return slot;
  }

  /** The worker's next reply, or a rejection if it fails or exits first. */
  #reply(slot: Slot): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (slot.failure) {
        reject(slot.failure);
      } else {
        slot.waiting.push({ resolve, reject });
      }
    });
  }

  /**
   * Starts checking the entry signatures of a bundle's text (not yet verified: anything malformed
   * is left to the verifier) and returns at once: each worker parses the text and takes its part of
   * the entries. The promise rejects if any worker fails, so a crash can never pass for a verdict.
   */
  verifyEntrySignatures(text: string): Promise<EntrySignatureVerdicts> {
    const bytes = new TextEncoder().encode(text);
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    const replies = this.#slots.map((slot, part) => {
      const job: SignatureJob = { text: shared, length: bytes.length, part, parts: this.#slots.length };
      slot.worker.postMessage(job);
      return this.#reply(slot);
    });
    // Every reply is awaited at once: a worker's failure rejects this promise, never goes unhandled.
    const all = Promise.all([this.#ready, Promise.all(replies)]).then(([, parts]) => parts);
    return all.then(
      (parts) => new EntrySignatureVerdicts((parts as PackedVerdicts[]).flatMap((part) => [...unpackVerdicts(part)])),
    );
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#slots.map(({ worker }) => worker.terminate()));
  }
}
