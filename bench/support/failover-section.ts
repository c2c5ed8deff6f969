import { existsSync, readFileSync } from 'node:fs';

const TEST_REPORT = new URL('../../test-results/failover.md', import.meta.url).pathname;
const SECTION = /<!-- failover:begin[\s\S]*?<!-- failover:end -->/;

/**
 * The failover section (issue 15), which the failover test measures and `npm run bench` does not:
 * the one the test last wrote to test-results/failover.md, else the one the previous results file
 * carried, so that rewriting RESULTS.md never drops it.
 */
export const failoverSection = (previousResults: string): string | undefined => {
  for (const file of [TEST_REPORT, previousResults]) {
    const section = existsSync(file) ? readFileSync(file, 'utf8').match(SECTION)?.[0] : undefined;
    if (section) {
      return section;
    }
  }
  return undefined;
};
