import type { ProfileSummary, Section, Table, TargetCheck } from './report';

/** A Markdown table with padded columns, readable as plain text too. */
export const renderTable = ({ columns, rows }: Table): string => {
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, index) => (cells[index] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
};

/** One line per target: met or missed, and by how much. */
export const renderTarget = (target: TargetCheck): string =>
  target.met
    ? `- met: ${target.target} (measured ${target.measured})`
    : `- **missed**: ${target.target}: ${target.gap}`;

const share = (ms: number, total: number) => `${((100 * ms) / Math.max(total, 1)).toFixed(1)}%`;

/** Where a profiled run spent its CPU time: areas, then the heaviest functions, by self time. */
export const renderProfile = (profile: ProfileSummary, functions = 10): string =>
  [
    `**${profile.label}**: ${(profile.sampledMs / 1000).toFixed(2)} s sampled; raw profile \`${profile.file}\``,
    '',
    renderTable({
      title: '',
      columns: ['Self time by area', 'ms', 'Share'],
      rows: profile.areas.map(({ area, ms }) => [area, ms.toFixed(0), share(ms, profile.sampledMs)]),
    }),
    '',
    renderTable({
      title: '',
      columns: ['Heaviest functions (self time)', 'Where', 'ms', 'Share'],
      rows: profile.functions
        .slice(0, functions)
        .map(({ name, where, ms }) => [`\`${name}\``, where, ms.toFixed(0), share(ms, profile.sampledMs)]),
    }),
  ].join('\n');

/** A benchmark's results as the terminal shows them. */
export const renderSectionText = (section: Section): string =>
  [
    `## ${section.title}`,
    ...section.tables.flatMap((table) => ['', `${table.title}:`, renderTable(table)]),
    '',
    ...section.targets.map(renderTarget),
    ...section.notes.map((note) => `- ${note}`),
    ...section.profiles.flatMap((profile) => ['', renderProfile(profile, 6)]),
    '',
  ].join('\n');
