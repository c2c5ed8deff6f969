/**
 * The sample channel's agreement (tests and documentation only): agreed minutes whose first
 * version Ukraine never countersigned, a corrected second version all three signed, and the two
 * commitments it sources, accepted by both bound parties.
 */

import type { CaseOpenContent } from './case-open-content';
import { cohortTakenAsMinorNowAdult } from './cohort-taken-as-minor-now-adult';
import type { CommitmentContent } from './commitment-content';
import type { DecryptedEntry } from './decrypted-entry';
import type { SampleLog, SamplePerson } from './sample-log';
import { sampleUuid } from './sample-log';
import { at, MEMBERS, PARTIES, PEOPLE } from './sample-people';

const CLAUSE_1 = 'The eight children listed will be returned by 30 November 2025.';
const CLAUSE_2 = 'Those taken as minors who have since turned 18 will be returned within 30 days.';

/** Writes the agreement into `thread`, for the cases `caseIds` whose records are `children`. */
export const writeSampleAgreement = (
  { append }: SampleLog,
  thread: string,
  caseIds: readonly string[],
  children: readonly CaseOpenContent[],
) => {
  const inThread = { stream: thread, kind: 'thread' as const };
  const minutes = (refs: DecryptedEntry[], day: string, clause2: string) =>
    append({
      ...inThread,
      author: PEOPLE.usEnvoy,
      at: at(day),
      refs,
      meta: { parties: MEMBERS },
      content: {
        type: 'agreed_minutes',
        title: 'Agreed minutes of the joint check',
        date: `2025-${day}`,
        participants: [{ name: 'Special envoy', party: PARTIES.US.id, role: 'chair' }],
        clauses: [
          { number: 1, text: CLAUSE_1 },
          { number: 2, text: clause2 },
        ],
        attachments: [],
      },
    });
  const countersign = (of: DecryptedEntry, by: SamplePerson, intent: 'approve' | 'ad_referendum' | 'authenticate') =>
    append({
      ...inThread,
      author: by,
      at: at(of.receivedAt.slice(5, 10), '15:00'),
      refs: [of],
      meta: { intent },
      content: { type: 'countersignature' },
    });
  const minutesV1 = minutes([], '10-20', 'Those taken as minors will be returned.');
  countersign(minutesV1, PEOPLE.usEnvoy, 'approve');
  countersign(minutesV1, PEOPLE.ruEnvoy, 'ad_referendum');
  const minutesV2 = minutes([minutesV1], '10-24', CLAUSE_2);
  countersign(minutesV2, PEOPLE.usEnvoy, 'approve');
  countersign(minutesV2, PEOPLE.ruEnvoy, 'approve');
  countersign(minutesV2, PEOPLE.uaEnvoy, 'authenticate');

  const cohort = cohortTakenAsMinorNowAdult(
    children.map((record, i) => ({ caseId: caseIds[i] ?? '', record })),
    '2025-10-24',
  );
  const promise = (clause: number, text: string, scope: CommitmentContent['scope'], due: CommitmentContent['due']) =>
    append({
      ...inThread,
      author: PEOPLE.usEnvoy,
      at: at('10-25'),
      content: {
        type: 'commitment',
        commitmentId: sampleUuid(`commitment/${clause}`),
        source: { kind: 'agreed_minutes', entry: minutesV2.entryHash, clause },
        obligor: PARTIES.RU.id,
        obligee: PARTIES.UA.id,
        intermediary: PARTIES.US.id,
        text,
        scope,
        madeAt: '2025-10-24',
        due,
      },
    });
  const eight = promise(1, CLAUSE_1, { kind: 'cases', caseIds: [...caseIds] }, { kind: 'date', date: '2025-11-30' });
  const adults = promise(
    2,
    CLAUSE_2,
    { kind: 'cohort', cohort: { rule: 'taken_as_minor_now_adult', asOf: '2025-10-24' }, caseIds: [...cohort.caseIds] },
    { kind: 'within_days', days: 30, of: minutesV2.entryHash },
  );
  for (const commitment of [eight, adults]) {
    for (const by of [PEOPLE.ruEnvoy, PEOPLE.uaEnvoy]) {
      append({
        ...inThread,
        author: by,
        at: at('10-27'),
        refs: [commitment],
        content: { type: 'commitment_update', status: 'accepted', note: '' },
      });
    }
  }
  return { minutesV1, minutesV2, cohort, eight, adults };
};
