import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDataDir } from '../helpers/databases';
import { freePort } from '../helpers/ports';

const startProcess = async (dataDir: string, port: number): Promise<ChildProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('"msg":"listening"')) {
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  return child;
};

let running: ChildProcess | undefined;
afterEach(() => {
  running?.kill('SIGKILL');
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request on SIGTERM, exits 0, and PGlite reopens cleanly', async () => {
    const dataDir = freshDataDir();
    const port = await freePort();
    running = await startProcess(dataDir, port);
    const server = running;

    // A request whose body is half sent: in flight when the signal arrives.
    const body = JSON.stringify({ token: 'A'.repeat(43) });
    const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/enrolment/options',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            origin: `http://localhost:${port}`,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));

    const answered = await reply;
    // The request ran to its end: a real answer (an unknown invitation), not a dropped connection.
    expect(answered.status).toBe(403);
    expect(JSON.parse(answered.body)).toMatchObject({ type: '/problems/invitation-invalid' });
    expect(await exited).toBe(0);

    running = await startProcess(dataDir, port);
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { database: string };
    expect(health.database).toBe('pglite');
    running.kill('SIGTERM');
    await new Promise((resolve) => running?.once('exit', resolve));
  });
});
