import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../../shared/content/plain-date';
import { everyWeek, MAX_WEEKS, mondayOf } from './reunified-weeks';

describe('reunified weeks', () => {
  it('finds the Monday of ISO weeks, across year ends', () => {
    expect(mondayOf('2025-W45')).toBe('2025-11-03');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(mondayOf('2020-W53')).toBe('2020-12-28');
    for (const week of ['2024-W01', '2024-W52', '2025-W01', '2026-W53']) {
      expect(isoWeek(mondayOf(week))).toBe(week);
    }
  });

  it('charts the weeks without a reunification between the first and last as zero', () => {
    expect(
      everyWeek([
        { week: '2025-W51', count: 2 },
        { week: '2026-W02', count: 1 },
      ]),
    ).toEqual([
      { week: '2025-W51', count: 2 },
      { week: '2025-W52', count: 0 },
      { week: '2026-W01', count: 0 },
      { week: '2026-W02', count: 1 },
    ]);
    expect(everyWeek([])).toEqual([]);
  });

  it('keeps only the latest weeks of a long run', () => {
    const weeks = everyWeek([
      { week: '2023-W01', count: 1 },
      { week: '2025-W01', count: 3 },
    ]);
    expect(weeks).toHaveLength(MAX_WEEKS);
    expect(weeks.at(-1)).toEqual({ week: '2025-W01', count: 3 });
  });
});
