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
  scopeKind: 'cases' | 'cohort';
  caseIds: string[];
  cohortAsOf: string;
  madeAt: string;
  dueKind: 'date' | 'within_days';
  dueDate: string;
  dueDays: string;
  dueOf: string;
  publicStatement: string;
};

/** An empty draft made on `today`. */
export const emptyCommitmentDraft = (today: string): CommitmentDraft => ({
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
  cohortAsOf: today,
  madeAt: today,
  dueKind: 'date',
  dueDate: '',
  dueDays: '',
  dueOf: '',
  publicStatement: '',
});

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
    scope:
      draft.scopeKind === 'cases'
        ? { kind: 'cases', caseIds: [...draft.caseIds] }
        : {
            kind: 'cohort',
            cohort: { rule: 'taken_as_minor_now_adult', asOf: draft.cohortAsOf },
            caseIds: [...cohortCaseIds],
          },
    madeAt: draft.madeAt,
    due:
      draft.dueKind === 'date'
        ? { kind: 'date', date: draft.dueDate }
        : { kind: 'within_days', days: Number(draft.dueDays), of: draft.dueOf },
    ...(statement ? { publicStatement: statement } : {}),
  };
};
