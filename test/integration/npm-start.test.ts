import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDataDir } from '../helpers/databases';
import { freePort } from '../helpers/ports';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let leftover: number[] = [];
let lockedDirs: string[] = [];
afterEach(() => {
  // Whatever the test reached: the server holds the lock of its data directory.
  for (const dir of lockedDirs) {
    const lock = join(dir, 'parley.lock');
    const pid = existsSync(lock) ? Number(readFileSync(lock, 'utf8')) : 0;
    if (pid > 0) {
      leftover.push(pid);
    }
  }
  lockedDirs = [];
  for (const pid of leftover) {
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
    }
  }
  leftover = [];
});

describe('npm start, as the README runs it', () => {
  it('builds, serves, and passes SIGTERM on: the server exits 0 and so does npm, within 10 s', {
    timeout: 300_000,
  }, async () => {
    const port = await freePort();
    const dataDir = freshDataDir();
    lockedDirs.push(dataDir);
    const npm = spawn('npm', ['start'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '/root',
        PORT: String(port),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    leftover.push(npm.pid ?? 0);
    let output = '';
    let found = false;
    const serverPid = await new Promise<number>((resolve, reject) => {
      npm.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (!found && output.includes('"msg":"listening"')) {
          found = true;
          // The server's pid, from the lock it holds on the embedded database.
          resolve(Number(readFileSync(join(dataDir, 'parley.lock'), 'utf8')));
        }
      });
      npm.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      npm.once('exit', (code) => reject(new Error(`npm start exited with ${code} before listening:\n${output}`)));
    });
    leftover.push(serverPid);
    expect(serverPid).not.toBe(npm.pid);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
    npm.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000)),
    ]);
    expect(code).toBe(0);
    expect(isAlive(serverPid)).toBe(false);
  });
});
