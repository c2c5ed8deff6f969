/**
 * Filters over the case list, applied in the browser to what it decrypted: status, region,
 * children turning 18 within N days (who may then speak for themselves about a return), and cases
 * an overdue commitment still owes.
 */
import { hasTurned18 } from '../../../shared/content/age-on';
import type { CaseSummary } from '../../entries/case-view';

const DAY_MS = 86_400_000;

export type CaseFilters = {
  readonly status: string;
  readonly region: string;
  /** Whole days as typed; empty means no age filter. */
  readonly turning18Within: string;
  readonly owedOverdue: boolean;
};

export const NO_FILTERS: CaseFilters = { status: '', region: '', turning18Within: '', owedOverdue: false };

/** Whether a child not yet surely 18 on `now` surely is by `days` later. */
export const turns18Within = (summary: CaseSummary, days: number, now: Date): boolean =>
  summary.birth !== undefined &&
  !hasTurned18(summary.birth, now) &&
  hasTurned18(summary.birth, new Date(now.getTime() + days * DAY_MS));

/** The cases that pass every filter set. */
export const filterCases = (
  cases: readonly CaseSummary[],
  filters: CaseFilters,
  now: Date,
  owed: ReadonlySet<string> = new Set(),
): CaseSummary[] => {
  const days = Number(filters.turning18Within);
  const region = filters.region.trim().toLocaleLowerCase();
  return cases.filter(
    (summary) =>
      (filters.status === '' || summary.status === filters.status) &&
      (region === '' || (summary.region ?? '').toLocaleLowerCase().includes(region)) &&
      (filters.turning18Within === '' || (Number.isSafeInteger(days) && turns18Within(summary, days, now))) &&
      (!filters.owedOverdue || owed.has(summary.id)),
  );
};
