import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { failoverSection } from './failover-section';
import type { Machine } from './machine';
import { renderProfile, renderTable, renderTarget } from './render';
import type { Section, TargetCheck } from './report';
import type { Settings } from './settings';

const PLACEHOLDER = '_To be written from the profile above: what bounds it, and what would close it._';
const BLOCK = /<!-- analysis:([\w.-]+) -->\n([\s\S]*?)\n<!-- \/analysis:\1 -->/g;

/** Hand-written analysis kept from the previous RESULTS.md, by target id. */
const keptAnalysis = (file: string): Map<string, string> => {
  const kept = new Map<string, string>();
  if (existsSync(file)) {
    for (const [, id, text] of readFileSync(file, 'utf8').matchAll(BLOCK)) {
      if (id && text !== undefined && text.trim() !== PLACEHOLDER) {
        kept.set(id, text);
      }
    }
  }
  return kept;
};

const analysisBlock = (id: string, kept: Map<string, string>, placeholder = PLACEHOLDER) =>
  `<!-- analysis:${id} -->\n${kept.get(id) ?? placeholder}\n<!-- /analysis:${id} -->`;

const machineTable = (machine: Machine) =>
  renderTable({
    title: 'Machine',
    columns: ['', ''],
    rows: [
      ['Date', machine.date],
      ['Commit', machine.commit],
      ['CPU', `${machine.cpu}, ${machine.cores} cores`],
      ['RAM', `${machine.ramGb.toFixed(1)} GB`],
      ['OS', machine.os],
      ['Node.js', machine.node],
      ...machine.databases.map(({ name, version }) => [name, version]),
      ['Load average (1 min) at start, end', machine.load],
    ],
  });

const summaryTable = (targets: readonly TargetCheck[]) =>
  renderTable({
    title: 'Targets',
    columns: ['Target', 'Measured', 'Result'],
    rows: targets.map((target) => [target.target, target.measured, target.met ? 'met' : `missed: ${target.gap}`]),
  });

const sectionText = (section: Section, kept: Map<string, string>): string => {
  const missed = section.targets.filter((target) => !target.met);
  return [
    `## ${section.title}`,
    '',
    ...section.method.map((line) => `- ${line}`),
    ...section.tables.flatMap((table) => ['', `**${table.title}**`, '', renderTable(table)]),
    '',
    ...section.targets.map(renderTarget),
    ...section.notes.map((note) => `- ${note}`),
    ...(section.profiles.length > 0 ? ['', `### Profile of ${section.title.toLowerCase()}`, ''] : []),
    ...section.profiles.flatMap((profile) => [renderProfile(profile), '']),
    ...missed.flatMap((target) => ['', `### Analysis: ${target.target}`, '', analysisBlock(target.id, kept)]),
    '',
  ].join('\n');
};

/**
 * Writes RESULTS.md: the machine and versions, every target, and each benchmark's method,
 * medians, baselines and ratios, with an analysis block under each missed target. Text written by
 * hand inside an analysis block survives the next run, and so does the failover test's section.
 */
export const writeResults = (
  file: string,
  machine: Machine,
  settings: Settings,
  sections: readonly Section[],
  command: string,
): void => {
  const kept = keptAnalysis(file);
  const failover = failoverSection(file);
  const targets = sections.flatMap((section) => section.targets);
  const text = [
    '# Benchmark results',
    '',
    `Written by \`${command}\` (${settings.quick ? 'quick' : 'full'} mode, ${settings.runs} measured runs per benchmark, medians). Every number below comes from this one run; see "How the large logs were built" in each section.`,
    '',
    machineTable(machine),
    '',
    '## Targets',
    '',
    summaryTable(targets),
    '',
    '### About this run',
    '',
    analysisBlock('general', kept, '_Conditions of the run (was the machine quiet?) and the overall reading._'),
    '',
    ...sections.map((section) => sectionText(section, kept)),
    ...(failover ? [failover, ''] : []),
  ].join('\n');
  writeFileSync(file, text);
};
