// Entry signatures of an audit bundle checked on worker threads, one per core, before the
// single-threaded verifier runs: what makes `npm run verify` use every core. The verdicts go to
// `verifyBundle`, which uses each only for the exact triple it was computed for.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type EntrySignatureVerdict, EntrySignatureVerdicts } from '../../shared/audit/signature-verdicts';
import type { SignatureJob } from './signature-worker';

/** Entries handed to a worker at a time: large enough to amortise a message, small enough to balance. */
const CHUNK_ENTRIES = 500;

/** The members of a bundle value the pool reads, before any schema has checked them. */
type UncheckedBundle = { readonly entries?: unknown; readonly statements?: unknown } | null | undefined;

const WORKER_FILE = new URL('./signature-worker.ts', import.meta.url);

// The CLI runs its TypeScript through tsx (`node --import tsx`), whose loader a worker thread
// does not inherit on Node 20: the worker registers it before importing its own module.
const WORKER_ENTRY = new URL(
  `data:text/javascript,${encodeURIComponent(
    `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});\n` +
      `register();\nawait import(${JSON.stringify(WORKER_FILE.href)});\n`,
  )}`,
);

/** A pool of signature workers; `close()` it when done, or the process stays alive. */
export class SignaturePool {
  readonly threads: number;
  readonly #workers: Worker[];
  readonly #ready: Promise<void>;

  constructor(threads = availableParallelism()) {
    this.threads = Math.max(1, threads);
    this.#workers = Array.from({ length: this.threads }, () => new Worker(WORKER_ENTRY));
    this.#ready = Promise.all(this.#workers.map((worker, at) => this.#nextMessage(worker, at))).then(() => undefined);
    // A start-up failure is reported by the first verification; until then it must not go unhandled.
    this.#ready.catch(() => undefined);
  }

  /** The next message of one worker, or a rejection if it fails or exits first. */
  #nextMessage(worker: Worker, at: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (message: unknown) => {
        done();
        resolve(message);
      };
      const onError = (error: Error) => {
        done();
        reject(new Error(`signature worker ${at + 1} of ${this.threads} failed: ${error.message}`));
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`signature worker ${at + 1} of ${this.threads} stopped with exit code ${code}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  /**
   * Checks the entry signatures of a bundle value (not yet verified: anything malformed is left to
   * the verifier). Rejects if any worker fails, so a crash can never pass for a verdict.
   */
  async verifyEntrySignatures(bundle: unknown): Promise<EntrySignatureVerdicts> {
    await this.#ready;
    const unchecked = (typeof bundle === 'object' ? bundle : undefined) as UncheckedBundle;
    const entries: unknown[] = Array.isArray(unchecked?.entries) ? unchecked.entries : [];
    const statements = unchecked?.statements;
    const verdicts: EntrySignatureVerdict[][] = [];
    let next = 0;
    const drain = async (worker: Worker, at: number): Promise<void> => {
      while (next < entries.length) {
        const start = next;
        next += CHUNK_ENTRIES;
        const job: SignatureJob = { entries: entries.slice(start, next), statements };
        worker.postMessage(job);
        verdicts.push((await this.#nextMessage(worker, at)) as EntrySignatureVerdict[]);
      }
    };
    await Promise.all(this.#workers.map(drain));
    return new EntrySignatureVerdicts(verdicts.flat());
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
