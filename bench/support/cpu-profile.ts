import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileSummary } from './report';

type CallFrame = { readonly functionName: string; readonly url: string; readonly lineNumber: number };
type ProfileNode = { readonly id: number; readonly callFrame: CallFrame; readonly children?: readonly number[] };
/** A V8 `.cpuprofile` (the Profiler domain's `Profile`), as much of it as is read here. */
export type CpuProfile = {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOP_FUNCTIONS = 12;
const TOP_AREAS = 10;

const pathOf = (url: string): string => (url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url);

/** Native bindings that are file-system calls: fsync and friends deserve their own line. */
const FILE_SYSTEM_CALLS = new Set([
  'fsync',
  'fdatasync',
  'stat',
  'lstat',
  'fstat',
  'readdir',
  'open',
  'close',
  'ftruncate',
  'rename',
  'unlink',
  'mkdir',
  'existsSync',
]);

/** The package, project folder or runtime part a frame belongs to. */
const areaOf = ({ functionName, url }: CallFrame): string => {
  if (url === '') {
    if (FILE_SYSTEM_CALLS.has(functionName)) {
      return 'native file-system calls (fsync, stat, readdir, …)';
    }
    return functionName.startsWith('(') ? functionName : 'other native builtins (JSON, sockets, crypto, …)';
  }
  if (url.startsWith('wasm://')) {
    return 'WebAssembly (libsodium; PGlite in a PGlite server)';
  }
  if (url.startsWith('node:')) {
    return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  }
  const path = pathOf(url);
  const inModules = path.split('node_modules/').at(-1) ?? path;
  if (path.includes('node_modules/')) {
    const [scope, name] = inModules.split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? path);
  }
  return dirname(path);
};

/**
 * The nodes under this module's own frames: the first sample of a profile lands in the inspector
 * call that starts it, with the time until then (up to a few hundred ms), which is not the phase's.
 */
const profilerNodes = (profile: CpuProfile): Set<number> => {
  const own = new Set<number>();
  const mark = (node: ProfileNode | undefined, under: boolean, byId: Map<number, ProfileNode>) => {
    if (!node) {
      return;
    }
    const inside = under || node.callFrame.url === import.meta.url;
    if (inside) {
      own.add(node.id);
    }
    for (const child of node.children ?? []) {
      mark(byId.get(child), inside, byId);
    }
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  mark(profile.nodes[0], false, byId);
  return own;
};

/** Self time per function and per area, heaviest first. */
export const summariseProfile = (profile: CpuProfile, label: string, file: string): ProfileSummary => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const profilers = profilerNodes(profile);
  const self = new Map<CallFrame, number>();
  const samples = profile.samples ?? [];
  samples.forEach((id, index) => {
    const frame = byId.get(id);
    if (frame && !profilers.has(id)) {
      self.set(frame, (self.get(frame) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
    }
  });
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  const areas = new Map<string, number>();
  for (const [frame, ms] of self) {
    const where = frame.url === '' ? '' : `${pathOf(frame.url)}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName}@${where}`;
    const known = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, ms: 0 };
    functions.set(key, { ...known, ms: known.ms + ms });
    areas.set(areaOf(frame), (areas.get(areaOf(frame)) ?? 0) + ms);
  }
  return {
    label,
    sampledMs: [...self.values()].reduce((sum, ms) => sum + ms, 0),
    areas: [...areas]
      .map(([area, ms]) => ({ area, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, TOP_AREAS),
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, TOP_FUNCTIONS),
    file: pathOf(`file://${file}`),
  };
};

/** A CPU profiler on this process (V8's inspector), started and stopped around a phase. */
export class Profiler {
  readonly #session = new Session();

  async start(): Promise<void> {
    this.#session.connect();
    await this.#session.post('Profiler.enable');
    await this.#session.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.#session.post('Profiler.start');
  }

  /** Stops, writes the raw profile to `file` and summarises it. */
  async stop(label: string, file: string): Promise<ProfileSummary> {
    const { profile } = await this.#session.post('Profiler.stop');
    this.#session.disconnect();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    return summariseProfile(profile as CpuProfile, label, file);
  }
}
