/**
 * Collects witness cosignatures for the log's checkpoints (docs/PROTOCOL.md §9.3). After a
 * checkpoint is signed (a poke) and on a timer, each witness is sent the latest checkpoint with a
 * consistency proof from the size it last cosigned; a verified cosignature is stored and served
 * appended to that checkpoint. Appends never wait for this: a witness that is down only delays
 * its cosignatures, and the next round catches it up to the latest checkpoint in one request.
 */
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { appendSignatureLines, verifyCosignatures } from '../../shared/witness/cosignature';
import type { SignedCheckpoint, TransparencyLog } from '../log/transparency-log';
import { cosignatureLinesAt, insertCosignature, lastCosignedSize } from './cosignature-store';
import { submitCheckpoint } from './submit-checkpoint';
import type { WitnessTarget } from './witness-targets';

/** How often a round runs without a poke, and how long one witness call may take. */
export type CollectorTiming = { readonly intervalMs: number; readonly timeoutMs: number };

/** How long a round waits for a checkpoint the log announced to be committed. */
const COMMIT_WAIT_MS = 2_000;

const DEFAULT_TIMING: CollectorTiming = { intervalMs: 5_000, timeoutMs: 5_000 };

/** One witness's progress as the collector knows it. */
type Progress = {
  /** The size the witness last cosigned, as far as the collector knows. */
  size: number | undefined;
  /** The largest size whose cosignature by this witness is stored here. */
  cosigned: number | undefined;
  running: Promise<void> | undefined;
  again: boolean;
};

export class CosignatureCollector {
  readonly #progress = new Map<string, Progress>();
  #timer: NodeJS.Timeout | undefined;
  #awaitedSize = 0;

  constructor(
    readonly db: Db,
    readonly log: TransparencyLog,
    readonly targets: readonly WitnessTarget[],
    readonly logger: Logger,
    readonly timing: CollectorTiming = DEFAULT_TIMING,
  ) {
    for (const target of targets) {
      this.#progress.set(target.key.name, { size: undefined, cosigned: undefined, running: undefined, again: false });
    }
  }

  /** Starts the timer that retries witnesses that were down. */
  start(): void {
    if (this.targets.length > 0 && this.#timer === undefined) {
      this.#timer = setInterval(() => this.poke(), this.timing.intervalMs);
      this.#timer.unref();
      this.poke();
    }
  }

  /** Stops the timer and waits for the calls in flight. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.settled();
  }

  /**
   * Asks every witness to catch up with the latest checkpoint; returns at once. The log calls it
   * with the size it just signed, possibly before that transaction commits: a round that does not
   * see that size yet waits briefly for it (and gives up if the transaction rolled back).
   */
  poke(signedSize?: number): void {
    this.#awaitedSize = Math.max(this.#awaitedSize, signedSize ?? 0);
    for (const target of this.targets) {
      this.#run(target);
    }
  }

  /** Resolves once no round is running or queued (for tests and shutdown). */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.#progress.values()].map((progress) => progress.running).filter(Boolean);
      if (running.length === 0) {
        return;
      }
      await Promise.all(running);
    }
  }

  /** The checkpoint note with every cosignature stored for it appended. */
  async cosignedNote(checkpoint: SignedCheckpoint): Promise<string> {
    return appendSignatureLines(checkpoint.note, await cosignatureLinesAt(this.db, checkpoint.treeSize));
  }

  #run(target: WitnessTarget): void {
    const progress = this.#progress.get(target.key.name) as Progress;
    if (progress.running) {
      progress.again = true;
      return;
    }
    progress.running = (async () => {
      do {
        progress.again = false;
        await this.#catchUp(target, progress).catch((error: unknown) =>
          this.logger.warn({ err: error, witness: target.key.name }, 'cosigning round failed'),
        );
      } while (progress.again);
      progress.running = undefined;
    })();
  }

  async #latestCommitted(): Promise<SignedCheckpoint | null> {
    let latest = await this.log.latest(this.db);
    for (let waited = 0; (latest?.treeSize ?? 0) < this.#awaitedSize && waited < COMMIT_WAIT_MS; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      latest = await this.log.latest(this.db);
    }
    if ((latest?.treeSize ?? 0) < this.#awaitedSize) {
      this.#awaitedSize = latest?.treeSize ?? 0;
    }
    return latest;
  }

  async #catchUp(target: WitnessTarget, progress: Progress): Promise<void> {
    const latest = await this.#latestCommitted();
    if (latest === null || latest.treeSize === 0) {
      return;
    }
    progress.cosigned ??= await lastCosignedSize(this.db, target.key);
    progress.size ??= progress.cosigned;
    // A 409 tells the witness's size and the next attempt starts from it; a witness that keeps
    // answering 409 refuses this checkpoint (it cosigned another tree of its size): stop the round.
    for (let attempt = 0; attempt < 3 && progress.cosigned < latest.treeSize; attempt += 1) {
      const oldSize: number = progress.size;
      const proof =
        oldSize === 0 || oldSize === latest.treeSize
          ? []
          : await this.log.consistencyProof(this.db, oldSize, latest.treeSize);
      const reply = await submitCheckpoint(target, { oldSize, proof, checkpoint: latest.note }, this.timing.timeoutMs);
      if (reply.kind === 'cosigned') {
        await this.#store(target, latest, reply.lines);
        progress.size = latest.treeSize;
        progress.cosigned = latest.treeSize;
      } else if (reply.kind === 'conflict' && reply.witnessSize <= latest.treeSize && reply.witnessSize !== oldSize) {
        progress.size = reply.witnessSize;
      } else {
        const detail =
          reply.kind === 'conflict'
            ? `it has cosigned ${reply.witnessSize === oldSize ? 'another tree of' : 'a larger tree,'} size ${reply.witnessSize}`
            : reply.detail;
        this.logger.error(
          { witness: target.key.name, reply: reply.kind, detail },
          'witness did not cosign the checkpoint',
        );
        return;
      }
    }
  }

  async #store(target: WitnessTarget, checkpoint: SignedCheckpoint, lines: readonly string[]): Promise<void> {
    const checked = verifyCosignatures(appendSignatureLines(checkpoint.note, lines), [target.key]);
    const cosignature = checked.ok ? checked.cosignatures[0] : undefined;
    if (cosignature === undefined) {
      // Never publish a line clients would reject (a wrong key, a corrupted answer).
      throw new Error(
        `witness ${target.key.name} answered no valid cosignature: ${checked.ok ? 'none by its key' : checked.reason}`,
      );
    }
    const line = lines.find((candidate) => candidate.startsWith(`\u2014 ${target.key.name} `)) as string;
    await insertCosignature(this.db, {
      treeSize: checkpoint.treeSize,
      witness: target.key,
      line,
      cosignedAt: cosignature.timestamp,
    });
  }
}
