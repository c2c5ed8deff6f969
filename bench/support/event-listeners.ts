import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./event-listener-process.ts', import.meta.url));

/** Open event streams in another process; `close` ends them and says how many notices they heard. */
export type EventListeners = { close(): Promise<number> };

/** Opens one `GET /api/events` stream per header set (a session's cookie) in a child process. */
export const openEventListeners = async (
  url: string,
  headers: readonly Record<string, string>[],
): Promise<EventListeners> => {
  const child = fork(SCRIPT, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PARLEY_BENCH_LISTENERS: JSON.stringify({ url, headers }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the event listeners exited with code ${code}`)));
    child.once('message', () => resolve());
  });
  return {
    close: () =>
      new Promise<number>((resolve) => {
        child.removeAllListeners('exit');
        child.once('message', (reply: { heard: number }) => resolve(reply.heard));
        child.send('stop');
      }),
  };
};
