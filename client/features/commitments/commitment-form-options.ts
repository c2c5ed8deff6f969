/**
 * What the commitment form offers, from the verified streams: the thread's agreed minutes (with
 * their clauses and whether they are agreed), its letters and notes, the reader's party's cases
 * and their records for the cohort rule, and the entries a deadline can count from.
 */
import { agreedMinutesState } from '../../../shared/content/agreed-minutes-state';
import type { CohortCase } from '../../../shared/content/cohort-taken-as-minor-now-adult';
import type { EntryType } from '../../../shared/schemas/entry-type';
import { type CaseSummary, caseRecordView, caseSummary } from '../../entries/case-view';
import { partyName } from '../../entries/entry-view';
import type { ThreadDetail } from '../../entries/load-streams';

export type MinutesOption = {
  readonly hash: string;
  readonly label: string;
  readonly clauses: readonly { readonly number: number; readonly text: string }[];
};

export type CommitmentFormOptions = {
  readonly parties: readonly (readonly [string, string])[];
  readonly minutes: readonly MinutesOption[];
  readonly notes: readonly (readonly [string, string])[];
  readonly entries: readonly (readonly [string, string])[];
  readonly cases: readonly CaseSummary[];
  readonly cohortCases: readonly CohortCase[];
};

const NOTE_TYPES = new Set(['letter', 'note_verbale']);

/** How a version of agreed minutes stands, as its option says. */
export type MinutesStanding = 'superseded' | 'agreed' | 'awaiting';

/** The words of the options, in the language on screen (option-labels.ts). */
export type OptionLabels = {
  readonly minutes: (seq: number, title: string, version: number, standing: MinutesStanding) => string;
  readonly entry: (seq: number, type: EntryType, subject?: string) => string;
};

/** The form's options for the thread of `detail`, as of `now`, worded by `labels`. */
export const commitmentFormOptions = (detail: ThreadDetail, now: Date, labels: OptionLabels): CommitmentFormOptions => {
  const { streams, names } = detail.loaded;
  const thread = streams.find(({ stream }) => stream.id === detail.summary.id);
  const entries = thread?.entries.map(({ entry }) => entry) ?? [];
  const minutes = entries.flatMap((entry): MinutesOption[] => {
    const state = agreedMinutesState(entries, entry.entryHash)?.requested;
    if (entry.content?.type !== 'agreed_minutes' || !state) {
      return [];
    }
    const standing = state.supersededBy ? 'superseded' : state.isAgreed ? 'agreed' : 'awaiting';
    const label = labels.minutes(entry.header.seq, entry.content.title, state.version, standing);
    return [{ hash: entry.entryHash, label, clauses: entry.content.clauses }];
  });
  const ownCases = streams.filter(({ stream }) => stream.kind === 'case' && stream.isMember);
  return {
    parties: detail.summary.memberIds.map((id) => [id, partyName(names, id)] as const),
    minutes,
    notes: entries
      .filter((entry) => NOTE_TYPES.has(entry.header.type))
      .map((entry) => {
        const subject = entry.content && 'subject' in entry.content ? entry.content.subject : undefined;
        return [entry.entryHash, labels.entry(entry.header.seq, entry.header.type, subject)] as const;
      }),
    entries: entries.map((entry) => [entry.entryHash, labels.entry(entry.header.seq, entry.header.type)] as const),
    cases: ownCases.map((verified) => caseSummary(verified, names, now)),
    cohortCases: ownCases.flatMap((verified) => {
      const record = caseRecordView(verified);
      return record ? [{ caseId: verified.stream.id, record }] : [];
    }),
  };
};
