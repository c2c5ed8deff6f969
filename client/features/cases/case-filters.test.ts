import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../entries/case-view';
import { filterCases, NO_FILTERS } from './case-filters';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const summary = (id: string, extra: Partial<CaseSummary>): CaseSummary => ({
  id,
  reference: `C-${id}`,
  partyNames: [],
  memberIds: [],
  lastActivity: null,
  isMember: true,
  access: 'decrypted',
  nameVariants: [],
  isIntact: true,
  ...extra,
});
const CASES = [
  summary('a', { status: 'reported', region: 'Kherson Oblast', birth: { dobEstimated: 'no', date: '2008-12-20' } }),
  summary('b', { status: 'located', region: 'Zaporizhzhia Oblast', birth: { dobEstimated: 'no', date: '2012-01-01' } }),
  summary('c', { status: 'reported', birth: { dobEstimated: 'no', date: '2008-11-01' } }),
];
const ids = (filters: Partial<typeof NO_FILTERS>) =>
  filterCases(CASES, { ...NO_FILTERS, ...filters }, NOW).map((item) => item.id);

describe('filterCases', () => {
  it('keeps everything with no filter, and filters by status and by region', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ status: 'reported' })).toEqual(['a', 'c']);
    expect(ids({ region: 'kherson' })).toEqual(['a']);
  });

  it('finds children turning 18 within N days, not those already 18', () => {
    expect(ids({ turning18Within: '30' })).toEqual(['a']);
    expect(ids({ turning18Within: '10' })).toEqual([]);
  });

  it('keeps only the cases an overdue commitment still owes, when asked', () => {
    const owed = new Set(['b', 'c']);
    expect(filterCases(CASES, { ...NO_FILTERS, owedOverdue: true }, NOW, owed).map((item) => item.id)).toEqual([
      'b',
      'c',
    ]);
    expect(
      filterCases(CASES, { ...NO_FILTERS, owedOverdue: true, status: 'reported' }, NOW, owed).map((item) => item.id),
    ).toEqual(['c']);
    expect(filterCases(CASES, NO_FILTERS, NOW, owed)).toHaveLength(3);
  });
});
