import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `bench/`. */
export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** `bench/.cache/`: built logs, bundles and profiles that later runs reuse (gitignored). */
export const CACHE_DIR = join(BENCH_DIR, '.cache');

/** A path under the cache, its folder created. */
export const cachePath = (...parts: string[]): string => {
  const path = join(CACHE_DIR, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  return path;
};

/** Where a profiled run's raw `.cpuprofile` goes. */
export const profilePath = (label: string): string =>
  cachePath('profiles', `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.cpuprofile`);
