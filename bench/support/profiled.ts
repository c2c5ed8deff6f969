import { Profiler } from './cpu-profile';
import { profilePath } from './paths';
import { say } from './progress';
import type { ProfileSummary, TargetCheck } from './report';
import type { BenchServer } from './server-child';
import type { Settings } from './settings';

/** Whether to spend one more run on a profile: always, never, or when a target was missed. */
export const shouldProfile = (settings: Settings, targets: readonly TargetCheck[]): boolean =>
  settings.profile === 'always' || (settings.profile === 'missed' && targets.some((target) => !target.met));

/**
 * Runs `work` once more under the CPU profiler, in this process (the client side) and, when given,
 * in the server's process; returns where each spent its time.
 */
export const profiled = async (
  label: string,
  server: BenchServer | undefined,
  work: () => Promise<unknown>,
): Promise<ProfileSummary[]> => {
  say(`${label}: profiling one more run`);
  const local = new Profiler();
  await server?.startProfile();
  await local.start();
  await work();
  const client = await local.stop(`${label}: benchmark process`, profilePath(`${label} client`));
  const serverSide = await server?.stopProfile(`${label}: server process`, profilePath(`${label} server`));
  return serverSide ? [serverSide, client] : [client];
};
