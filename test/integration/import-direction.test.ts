import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIGS = [
  'tsconfig.base.json',
  'shared/tsconfig.json',
  'db/tsconfig.json',
  'server/tsconfig.json',
  'client/core/tsconfig.json',
  'client/tsconfig.json',
];

let sandbox: string | undefined;
afterEach(() => {
  if (sandbox) {
    rmSync(sandbox, { recursive: true, force: true });
  }
});

/**
 * Builds a copy of the project's real tsconfig files around a few tiny modules, then runs
 * `tsc -b` on one folder: the project references alone must reject a wrong-way import.
 */
const typecheck = (folder: string, files: Record<string, string>) => {
  sandbox = mkdtempSync(join(tmpdir(), 'parley-imports-'));
  symlinkSync(join(ROOT, 'node_modules'), join(sandbox, 'node_modules'));
  for (const config of CONFIGS) {
    mkdirSync(dirname(join(sandbox, config)), { recursive: true });
    copyFileSync(join(ROOT, config), join(sandbox, config));
  }
  const modules = {
    'shared/value.ts': 'export const sharedValue = 1;\n',
    'db/value.ts': 'export const dbValue = 2;\n',
    'server/value.ts': 'export const serverValue = 3;\n',
    'client/value.ts': 'export const clientValue = 4;\n',
    'client/core/value.ts': 'export const coreValue = 5;\n',
    ...files,
  };
  for (const [path, text] of Object.entries(modules)) {
    writeFileSync(join(sandbox, path), text);
  }
  return spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-b', folder], { cwd: sandbox, encoding: 'utf8' });
};

describe('npm run typecheck rejects imports against the layering', () => {
  it.each([
    ['shared', 'server'],
    ['shared', 'db'],
    ['shared', 'client'],
    ['client', 'server'],
    ['client', 'db'],
  ])('%s/ importing from %s/ fails', (from, to) => {
    const result = typecheck(from, {
      [`${from}/wrong.ts`]: `import { ${to}Value } from '../${to}/value';\nexport const wrong = ${to}Value;\n`,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('TS6307');
  });

  it.each([
    ['server', 'shared'],
    ['server', 'db'],
    ['client', 'shared'],
    ['db', 'shared'],
  ])('%s/ importing from %s/ passes', (from, to) => {
    const result = typecheck(from, {
      [`${from}/right.ts`]: `import { ${to}Value } from '../${to}/value';\nexport const right = ${to}Value;\n`,
    });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('the client core (shared by the browser and the SDK) imports neither the browser app nor the server', () => {
    for (const [path, target] of [
      ['client/core/wrong.ts', '../value'],
      ['client/core/wrong.ts', '../../server/value'],
    ] as const) {
      const result = typecheck('client/core', {
        [path]: `import { clientValue } from '${target}';\nexport const w = clientValue;\n`,
      });
      expect(result.status).not.toBe(0);
      expect(result.stdout).toContain('TS6307');
    }
    const fromApp = typecheck('client', {
      'client/right.ts': "import { coreValue } from './core/value';\nexport const right = coreValue;\n",
    });
    expect(fromApp.stdout).toBe('');
    expect(fromApp.status).toBe(0);
  });

  it('shared/ cannot use Node or DOM globals', () => {
    const result = typecheck('shared', { 'shared/buffer.ts': "export const bytes = Buffer.from('x');\n" });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain("Cannot find name 'Buffer'");
  });
});
