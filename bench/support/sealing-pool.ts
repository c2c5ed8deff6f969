import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PortableSigner } from './sealing';

/** Whole cases to seal in one worker: a `case_open` then minutes, `entriesPerCase` in all per case. */
export type SealJob = {
  readonly signer: PortableSigner;
  readonly cases: number;
  readonly entriesPerCase: number;
  /** `hashes`: 32-byte entry hashes back to back; `entries`: one signed entry per line (JSON). */
  readonly format: 'hashes' | 'entries';
  readonly file: string;
};

const WORKER = fileURLToPath(new URL('./seal-worker.ts', import.meta.url));

const runOn = (child: ChildProcess, job: SealJob): Promise<void> =>
  new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a sealing worker exited with code ${code}`));
    child.once('exit', onExit);
    child.once('message', (reply: { done?: string; error?: string }) => {
      child.off('exit', onExit);
      reply.done ? resolve() : reject(new Error(`sealing ${job.file}: ${reply.error}`));
    });
    child.send(job);
  });

/** Runs the jobs on one forked worker per core; `onDone` hears of each finished file. */
export const sealInWorkers = async (jobs: readonly SealJob[], onDone: (job: SealJob) => void): Promise<void> => {
  const queue = [...jobs];
  const workers = Math.min(availableParallelism(), queue.length);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          await runOn(child, job);
          onDone(job);
        }
      } finally {
        child.kill();
      }
    }),
  );
};
