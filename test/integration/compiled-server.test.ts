import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driversUnderTest } from '../helpers/databases';
import { freePort } from '../helpers/ports';

const BUNDLE = new URL('../../dist-server/main.js', import.meta.url).pathname;

/** Every module specifier the bundle imports. */
const importsOf = (code: string): string[] =>
  [...code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)].map((match) => match[1] as string);

describe('the server compiled ahead of time (issue 15, Must show 4)', () => {
  beforeAll(() => {
    const built = spawnSync('npm', ['run', 'build:server'], { encoding: 'utf8', timeout: 120_000 });
    expect(built.status, built.stderr).toBe(0);
  }, 180_000);

  it('is one ES module that loads no TypeScript loader and keeps packages in node_modules', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    const imported = importsOf(code);
    expect(imported).toContain('express');
    expect(imported.filter((specifier) => /^tsx(\/|$)/.test(specifier))).toEqual([]);
    expect(imported.filter((specifier) => specifier.startsWith('.'))).toEqual([]);
  });

  describe('run by plain node', () => {
    let child: ReturnType<typeof spawn> | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    afterAll(async () => {
      if (child?.exitCode === null) {
        child.kill('SIGKILL');
      }
      await cleanup?.();
    });

    it('starts on the configured database (its migrations found from dist-server/), serves health, exits 0 on SIGTERM', {
      timeout: 180_000,
    }, async () => {
      const port = await freePort();
      // PostgreSQL when the suite has one (a throwaway database), else the embedded default.
      const driver = driversUnderTest().at(-1);
      const database = await driver?.create();
      cleanup = database?.cleanup;
      child = spawn(process.execPath, [BUNDLE], {
        env: {
          PATH: process.env['PATH'] ?? '',
          PORT: String(port),
          DATA_DIR: database?.options.dataDir ?? '',
          ...(database?.options.databaseUrl ? { DATABASE_URL: database.options.databaseUrl } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      await new Promise<void>((resolve, reject) => {
        child?.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('"msg":"listening"')) {
            resolve();
          }
        });
        child?.stderr?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
        child?.once('exit', (code) => reject(new Error(`the compiled server exited with ${code}:\n${output}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    });
  });
});
