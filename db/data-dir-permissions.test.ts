import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { securePrivateDir } from './data-dir-permissions';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('securePrivateDir', () => {
  it('refuses a data directory that other users may write, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-perm-'));
    chmodSync(dir, 0o777);
    expect(() => securePrivateDir(dir, join(dir, 'pglite'))).toThrow(/writable by other users.*chmod 700/);
    chmodSync(dir, 0o775);
    expect(() => securePrivateDir(dir, join(dir, 'pglite'))).toThrow(/writable by other users/);
  });

  it('tightens an existing tree to 0700 directories and 0600 files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-perm-'));
    chmodSync(dir, 0o755);
    const database = join(dir, 'pglite');
    mkdirSync(join(database, 'base'), { recursive: true, mode: 0o755 });
    writeFileSync(join(database, 'base', '1259'), 'x', { mode: 0o666 });
    chmodSync(join(database, 'base', '1259'), 0o666);
    securePrivateDir(dir, database);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(database, 'base'))).toBe(0o700);
    expect(modeOf(join(database, 'base', '1259'))).toBe(0o600);
  });
});
