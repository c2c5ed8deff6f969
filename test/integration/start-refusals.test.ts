import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const startWith = (env: Record<string, string>) => {
  const dataDir = join(tmpdir(), `parley-never-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { ...result, dataDir };
};

describe('starting with invalid configuration', () => {
  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'nonsense'],
    ['PUBLIC_ORIGIN', 'parley.example.org'],
    ['LOG_LEVEL', 'chatty'],
  ])('%s=%s prints one line naming it, exits 2 and creates nothing', (variable, value) => {
    const { status, stdout, stderr, dataDir } = startWith({ [variable]: value });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(existsSync(dataDir)).toBe(false);
  });
});
