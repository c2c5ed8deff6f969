/**
 * The "record a commitment" form's state and its conversion into content. A cohort scope is
 * frozen here: the case ids the rule selected today are signed as a list, so the cohort cannot
 * drift as people have birthdays.
 */
import type { CommitmentContent } from '../../../shared/content/commitment-content';

export type CommitmentDraft = {
  obligor: string;
  obligee: string;
  intermediary: string;
  text: string;
  sourceKind: 'agreed_minutes' | 'exchange_of_notes';
  /** Agreed minutes entry hash, and the clause number as typed. */
  minutes: string;
  clause: string;
  notes: [string, string];
  scopeKind: 'cases' | 'cohort' | 'count';
  caseIds: string[];
  /** How many children, as spoken ("8"). */
  count: string;
  cohortAsOf: string;
  madeAt: string;
  dueKind: 'date' | 'at' | 'within_days' | 'within_hours';
  dueDate: string;
  /** `YYYY-MM-DDTHH:MM` on the wall clock of `dueZone`. */
  dueAt: string;
  dueZone: string;
  dueDays: string;
  dueHours: string;
  dueOf: string;
  publicStatement: string;
};

/** An empty draft made on `today`; a time of day is read in `zone` (the browser's by default). */
export const emptyCommitmentDraft = (today: string, zone = 'UTC'): CommitmentDraft => ({
  obligor: '',
  obligee: '',
  intermediary: '',
  text: '',
  sourceKind: 'agreed_minutes',
  minutes: '',
  clause: '',
  notes: ['', ''],
  scopeKind: 'cases',
  caseIds: [],
  count: '',
  cohortAsOf: today,
  madeAt: today,
  dueKind: 'date',
  dueDate: '',
  dueAt: '',
  dueZone: zone,
  dueDays: '',
  dueHours: '',
  dueOf: '',
  publicStatement: '',
});

const scopeOf = (draft: CommitmentDraft, cohortCaseIds: readonly string[]): CommitmentContent['scope'] => {
  switch (draft.scopeKind) {
    case 'cases':
      return { kind: 'cases', caseIds: [...draft.caseIds] };
    case 'cohort':
      return {
        kind: 'cohort',
        cohort: { rule: 'taken_as_minor_now_adult', asOf: draft.cohortAsOf },
        caseIds: [...cohortCaseIds],
      };
    case 'count':
      return { kind: 'count', count: Number(draft.count) };
  }
};

// Numbers as typed: "0.5" stays 0.5 so that the schema refuses it by name, never rounded here.
const dueOf = (draft: CommitmentDraft): CommitmentContent['due'] => {
  switch (draft.dueKind) {
    case 'date':
      return { kind: 'date', date: draft.dueDate };
    case 'at':
      return { kind: 'at', at: draft.dueAt, zone: draft.dueZone };
    case 'within_days':
      return { kind: 'within_days', days: Number(draft.dueDays), of: draft.dueOf };
    case 'within_hours':
      return { kind: 'within_hours', hours: Number(draft.dueHours), of: draft.dueOf };
  }
};

/**
 * The content to seal. `cohortCaseIds` is what the cohort rule selected for `cohortAsOf` (used
 * only for a cohort scope). The schema is checked when the entry is sealed.
 */
export const toCommitmentContent = (
  draft: CommitmentDraft,
  commitmentId: string,
  cohortCaseIds: readonly string[],
): CommitmentContent => {
  const statement = draft.publicStatement.trim();
  return {
    type: 'commitment',
    commitmentId,
    source:
      draft.sourceKind === 'agreed_minutes'
        ? { kind: 'agreed_minutes', entry: draft.minutes, clause: Number(draft.clause) }
        : { kind: 'exchange_of_notes', notes: [...draft.notes] },
    obligor: draft.obligor,
    obligee: draft.obligee,
    ...(draft.intermediary ? { intermediary: draft.intermediary } : {}),
    text: draft.text.trim(),
    scope: scopeOf(draft, cohortCaseIds),
    madeAt: draft.madeAt,
    due: dueOf(draft),
    ...(statement ? { publicStatement: statement } : {}),
  };
};
