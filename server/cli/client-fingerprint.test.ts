import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFingerprint } from './client-fingerprint';

describe('clientFingerprint', () => {
  let root = '';
  const project = () => {
    root = mkdtempSync(join(tmpdir(), 'parley-fingerprint-'));
    mkdirSync(join(root, 'client', 'dist'), { recursive: true });
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'client', 'App.tsx'), 'export const App = 1;');
    writeFileSync(join(root, 'shared', 'a.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'vite.config.ts'), 'export default {};');
    return root;
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stays the same when nothing changed, and ignores the bundle and tests', () => {
    const dir = project();
    const first = clientFingerprint(dir, {});
    writeFileSync(join(dir, 'client', 'dist', 'index.html'), '<html></html>');
    writeFileSync(join(dir, 'client', 'App.test.tsx'), 'test');
    expect(clientFingerprint(dir, {})).toBe(first);
  });

  it('changes with a source file, a shared file, a new file or a build setting', () => {
    const dir = project();
    const first = clientFingerprint(dir, {});
    writeFileSync(join(dir, 'client', 'App.tsx'), 'export const App = 2;');
    const second = clientFingerprint(dir, {});
    expect(second).not.toBe(first);
    writeFileSync(join(dir, 'shared', 'b.ts'), '');
    const third = clientFingerprint(dir, {});
    expect(third).not.toBe(second);
    expect(clientFingerprint(dir, { PARLEY_LOG_KEY: 'k' })).not.toBe(third);
  });
});
