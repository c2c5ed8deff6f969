import { addDays, dayNumber, isoWeek } from '../../../shared/content/plain-date';

/** At most this many weeks are charted: the latest ones. */
export const MAX_WEEKS = 52;

/** The Monday of an ISO week (`2025-W45`): week 1 is the one holding 4 January. */
export const mondayOf = (week: string): string => {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  const january4 = `${String(year).padStart(4, '0')}-01-04`;
  const weekday = (((dayNumber(january4) + 3) % 7) + 7) % 7; // Monday = 0 (1970-01-01 was a Thursday)
  return addDays(january4, -weekday + (number - 1) * 7);
};

/**
 * Counts per week from the first week with a reunification to the last, the weeks between with
 * none included as zero (a chart that skipped them would make the pace look steadier than it is).
 */
export const everyWeek = (
  counts: readonly { readonly week: string; readonly count: number }[],
): { week: string; count: number }[] => {
  const first = counts[0];
  const last = counts.at(-1);
  if (!first || !last) {
    return [];
  }
  const byWeek = new Map(counts.map((item) => [item.week, item.count]));
  const weeks: { week: string; count: number }[] = [];
  for (let monday = mondayOf(first.week); monday <= mondayOf(last.week); monday = addDays(monday, 7)) {
    const week = isoWeek(monday);
    weeks.push({ week, count: byWeek.get(week) ?? 0 });
  }
  return weeks.slice(-MAX_WEEKS);
};
