// `npm run bench [-- --quick]`: every benchmark on PGlite and, when DATABASE_URL is set, on
// PostgreSQL, against raw baselines; prints tables and every ratio, and (full mode) writes
// bench/RESULTS.md. See `--help` and bench/support/settings.ts.

import { initCrypto } from '../shared/crypto/sodium';
import { driversUnderTest } from '../test/helpers/databases';
import { benchAppend } from './append';
import { benchAttachments } from './attachments';
import { benchBrowser } from './browser';
import { benchLiveStreams } from './live-streams';
import { benchProofs } from './proofs';
import { startDriverRun } from './support/driver-run';
import { describeMachine, noteEndLoad } from './support/machine';
import { say } from './support/progress';
import { renderSectionText, renderTable } from './support/render';
import { mergeSections, type Section } from './support/report';
import { writeResults } from './support/results-file';
import { parseSettings, type Settings, USAGE } from './support/settings';
import { benchTimeline } from './timeline';
import { benchVerify } from './verify';

const onDatabases = async (settings: Settings): Promise<Section[]> => {
  const sections: Section[] = [];
  for (const driver of driversUnderTest().filter((candidate) => settings.drivers.includes(candidate.name))) {
    if ((['append', 'live', 'browser', 'timeline', 'attachments'] as const).some((id) => settings.only.has(id))) {
      const run = await startDriverRun(driver, settings);
      try {
        // First: the browser's reader enrols before the case it and the timeline read is written, and
        // while the party has no other case for the page to read in the background.
        if (settings.only.has('browser')) {
          const section = await benchBrowser(run);
          if (section) {
            sections.push(section);
          }
        }
        if (settings.only.has('timeline')) {
          sections.push(await benchTimeline(run));
        }
        if (settings.only.has('append')) {
          sections.push(...(await benchAppend(run)));
        }
        if (settings.only.has('live')) {
          sections.push(await benchLiveStreams(run));
        }
        if (settings.only.has('attachments')) {
          sections.push(await benchAttachments(run));
        }
      } finally {
        await run.stop();
      }
    }
    if (settings.only.has('proofs')) {
      sections.push(await benchProofs(driver, settings));
    }
  }
  return sections;
};

const main = async (argv: readonly string[]): Promise<number> => {
  const settings = parseSettings(argv, process.env);
  if (settings === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  await initCrypto();
  const drivers = driversUnderTest().filter((driver) => settings.drivers.includes(driver.name));
  // The database versions (a throwaway database each, seconds on PGlite) are only written to a results file.
  const machine = await describeMachine(settings.out ? drivers : []);
  say(
    `${settings.quick ? 'quick' : 'full'} run on ${settings.drivers.join(' and ')}: ${[...settings.only].join(', ')} (load average ${machine.load})`,
  );
  const sections = await onDatabases(settings);
  if (settings.only.has('verify')) {
    sections.push(await benchVerify(settings));
  }
  noteEndLoad(machine);
  say(`done (load average at the start and the end: ${machine.load})`);
  const merged = mergeSections(sections);
  process.stdout.write(`\n${merged.map(renderSectionText).join('\n')}\n`);
  const targets = merged.flatMap((section) => section.targets);
  process.stdout.write(
    `${renderTable({
      title: 'Targets',
      columns: ['Target', 'Measured', 'Result'],
      rows: targets.map((target) => [target.target, target.measured, target.met ? 'met' : 'MISSED']),
    })}\n`,
  );
  if (settings.out) {
    writeResults(settings.out, machine, settings, merged, `npm run bench -- ${argv.join(' ')}`.trim());
    say(`wrote ${settings.out}`);
  }
  return 0;
};

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const cause = error instanceof Error && error.cause instanceof Error ? `\ncaused by: ${error.cause.message}` : '';
  // A failed query's message repeats the whole SQL: its first line and the cause say what went wrong.
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`bench: ${message.length > 2000 ? `${message.slice(0, 2000)}…` : message}${cause}\n`);
  process.exitCode = 1;
}
