import { mkdirSync, writeFileSync } from 'node:fs';

const RESULTS_DIR = new URL('../../test-results/', import.meta.url).pathname;
const BEGIN = '<!-- failover:begin (written by test/integration/failover.test.ts) -->';
const END = '<!-- failover:end -->';

/** What the failover test measured. */
export type FailoverResult = {
  readonly date: string;
  readonly writers: number;
  readonly synchronousStandbyNames: string;
  readonly acknowledgedBeforeKill: number;
  readonly acknowledged: number;
  readonly acknowledgedLost: number;
  readonly failedRequests: number;
  readonly failedByKind: Record<string, number>;
  /** Lost answers after which the SDK sent the same signed entry again, by kind. */
  readonly resentByKind: Record<string, number>;
  /** Reads repeated after the load balancer answered 503 once the writers stopped. */
  readonly readsRepeated: number;
  /** From the SIGKILL to the monitor reporting the standby as primary. */
  readonly promotedAfterMs: number | null;
  /** From the SIGKILL to the first acknowledged append (through the load balancer) begun after it. */
  readonly timeToRecoverMs: number;
  readonly fsckClean: boolean;
};

/**
 * Writes test-results/failover.json and test-results/failover.md, the section that the next
 * `npm run bench -- --out bench/RESULTS.md` carries into RESULTS.md. A test run never writes a
 * tracked file.
 */
export const writeFailoverReport = (result: FailoverResult): void => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${RESULTS_DIR}failover.json`, `${JSON.stringify(result, null, 2)}\n`);
  const byKind = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([kind, count]) => `${count} × ${kind}`)
      .join('; ');
  const failures = byKind(result.failedByKind);
  const resent = byKind(result.resentByKind);
  const resends = Object.values(result.resentByKind).reduce((sum, count) => sum + count, 0);
  const section = [
    BEGIN,
    '## Failover (issue 15; written by the failover test, not by `npm run bench`)',
    '',
    `pg_auto_failover (Debian) monitor, primary and synchronous standby (\`synchronous_standby_names\` = \`${result.synchronousStandbyNames}\`), two Parley servers on the multi-host URL with \`target_session_attrs=read-write\`, HAProxy in front checking \`/api/health\`; ${result.writers} writers through HAProxy; the primary's keeper and postgres killed with \`kill -9\`. Monitor timings lowered for the test (docs/DEPLOYMENT.md).`,
    '',
    '| Measure | Value |',
    '| --- | --- |',
    `| Date | ${result.date} |`,
    `| Acknowledged appends (before the kill / in all) | ${result.acknowledgedBeforeKill} / ${result.acknowledged} |`,
    `| Acknowledged appends lost | ${result.acknowledgedLost} |`,
    `| Lost answers, after which the SDK sent the same signed entry again | ${resends}${resent ? ` (${resent})` : ''} |`,
    `| Failed append calls (each writer pauses 200 ms after one) | ${result.failedRequests}${failures ? ` (${failures})` : ''} |`,
    `| Reads repeated after a 503 once the writers stopped | ${result.readsRepeated} |`,
    `| Standby promoted after the kill | ${result.promotedAfterMs === null ? 'not observed' : `${(result.promotedAfterMs / 1000).toFixed(1)} s`} |`,
    `| Time to recover (kill to the first acknowledged append begun after it) | ${(result.timeToRecoverMs / 1000).toFixed(1)} s (target ≤ 30 s) |`,
    `| \`npm run audit -- fsck\` on the new primary | ${result.fsckClean ? 'clean' : 'FAILED'} |`,
    END,
  ].join('\n');
  writeFileSync(`${RESULTS_DIR}failover.md`, `${section}\n`);
};
