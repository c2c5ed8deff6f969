/**
 * What the commitment form offers, from the verified streams: the thread's agreed minutes (with
 * their clauses and whether they are agreed), its letters and notes, the reader's party's cases
 * and their records for the cohort rule, and the entries a deadline can count from.
 */
import { agreedMinutesState } from '../../../shared/content/agreed-minutes-state';
import type { CohortCase } from '../../../shared/content/cohort-taken-as-minor-now-adult';
import { type CaseSummary, caseRecordView, caseSummary } from '../../entries/case-view';
import { partyName } from '../../entries/entry-view';
import type { ThreadDetail } from '../../entries/load-streams';
import { ENTRY_TYPE_LABELS } from '../timeline/labels';

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

/** The form's options for the thread of `detail`, as of `now`. */
export const commitmentFormOptions = (detail: ThreadDetail, now: Date): CommitmentFormOptions => {
  const { streams, names } = detail.loaded;
  const thread = streams.find(({ stream }) => stream.id === detail.summary.id);
  const entries = thread?.entries.map(({ entry }) => entry) ?? [];
  const minutes = entries.flatMap((entry): MinutesOption[] => {
    const state = agreedMinutesState(entries, entry.entryHash)?.requested;
    if (entry.content?.type !== 'agreed_minutes' || !state) {
      return [];
    }
    const standing = state.supersededBy ? 'superseded' : state.isAgreed ? 'agreed' : 'awaiting countersignatures';
    const label = `#${entry.header.seq} ${entry.content.title}, version ${state.version} (${standing})`;
    return [{ hash: entry.entryHash, label, clauses: entry.content.clauses }];
  });
  const ownCases = streams.filter(({ stream }) => stream.kind === 'case' && stream.isMember);
  return {
    parties: detail.summary.memberIds.map((id) => [id, partyName(names, id)] as const),
    minutes,
    notes: entries
      .filter((entry) => NOTE_TYPES.has(entry.header.type))
      .map((entry) => {
        const subject = entry.content && 'subject' in entry.content ? `: ${entry.content.subject}` : '';
        return [entry.entryHash, `#${entry.header.seq} ${ENTRY_TYPE_LABELS[entry.header.type]}${subject}`] as const;
      }),
    entries: entries.map(
      (entry) => [entry.entryHash, `#${entry.header.seq} ${ENTRY_TYPE_LABELS[entry.header.type]}`] as const,
    ),
    cases: ownCases.map((verified) => caseSummary(verified, names, now)),
    cohortCases: ownCases.flatMap((verified) => {
      const record = caseRecordView(verified);
      return record ? [{ caseId: verified.stream.id, record }] : [];
    }),
  };
};
