import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './ports';

/** HAProxy (Debian) on 127.0.0.1 in front of Parley servers, checking each one's /api/health. */
export type LoadBalancer = { readonly url: string; readonly port: number; stop(): Promise<void> };

/**
 * The test topology's load balancer, configured as docs/DEPLOYMENT.md describes: a server whose
 * health answers other than 200 (its database unavailable) gets no requests, and no request that
 * reached a server is retried elsewhere (it may have committed).
 */
export const startLoadBalancer = async (backends: readonly string[], port?: number): Promise<LoadBalancer> => {
  const listen = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'parley-haproxy-'));
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 2000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 120s',
      '  timeout server 120s',
      // Without it a check must answer within `inter` (500 ms): on a loaded test machine both
      // servers could fail it while they answer every request.
      '  timeout check 2s',
      'frontend parley',
      `  bind 127.0.0.1:${listen}`,
      '  default_backend parley_servers',
      'backend parley_servers',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      '  http-check expect status 200',
      '  default-server inter 500ms fall 2 rise 1',
      ...backends.map((backend, index) => `  server parley${index + 1} ${new URL(backend).host} check`),
      '',
    ].join('\n'),
  );
  const child = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${listen}`;
  for (let attempt = 0; ; attempt += 1) {
    const health = await fetch(`${url}/api/health`).catch(() => undefined);
    if (health?.status === 200) {
      break;
    }
    if (attempt > 100 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`HAProxy did not start: ${stderr}`);
    }
    await sleep(100);
  }
  return {
    url,
    port: listen,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
