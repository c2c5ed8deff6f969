import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What the built client depends on: its sources, the shared code, the build config and lockfile. */
export const CLIENT_INPUTS = ['client', 'shared', 'vite.config.ts', 'package-lock.json'] as const;

const SKIPPED = new Set(['dist', 'node_modules']);

const filesUnder = (root: string, path: string): string[] => {
  const full = join(root, path);
  if (!statSync(full, { throwIfNoEntry: false })) {
    return [];
  }
  if (!statSync(full).isDirectory()) {
    return [path];
  }
  return readdirSync(full)
    .filter((name) => !SKIPPED.has(name) && !name.endsWith('.test.ts') && !name.endsWith('.test.tsx'))
    .flatMap((name) => filesUnder(root, join(path, name)));
};

/**
 * A SHA-256 over every input file's path and bytes (sorted) and the build-time settings baked into
 * the bundle (the log pin): equal fingerprints mean the last build is still the right one.
 */
export const clientFingerprint = (root: string, settings: Readonly<Record<string, string>>): string => {
  const hash = createHash('sha256');
  const files = CLIENT_INPUTS.flatMap((input) => filesUnder(root, input)).sort();
  for (const file of files) {
    const name = relative(root, join(root, file)).split(sep).join('/');
    hash.update(`${name}\0${readFileSync(join(root, file)).length}\0`);
    hash.update(readFileSync(join(root, file)));
  }
  for (const key of Object.keys(settings).sort()) {
    hash.update(`${key}=${settings[key]}\0`);
  }
  return hash.digest('hex');
};
