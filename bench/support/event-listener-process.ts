// Forked by `openEventListeners`: holds event streams open in a process of its own, as clients
// on other machines would, so that reading them does not slow the benchmark's writers. Counts
// the `entry` events it hears and reports them over IPC when asked, then closes everything.
import { request } from 'node:http';

type Plan = { readonly url: string; readonly headers: readonly Record<string, string>[] };

const plan = JSON.parse(process.env['PARLEY_BENCH_LISTENERS'] ?? '{}') as Plan;
let heard = 0;
const open: { destroy(): void }[] = [];

await Promise.all(
  plan.headers.map(
    (headers) =>
      new Promise<void>((resolve, reject) => {
        const req = request(plan.url, { headers }, (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`event stream refused with ${res.statusCode}`));
            return;
          }
          res.setEncoding('utf8');
          res.on('data', (text: string) => {
            heard += text.split('event: entry').length - 1;
          });
          resolve();
        });
        req.on('error', reject);
        req.end();
        open.push(req);
      }),
  ),
);
process.send?.({ ready: open.length });
process.on('message', () => {
  for (const req of open) {
    req.destroy();
  }
  process.send?.({ heard }, () => process.exit(0));
});
