/**
 * The sample channel's returns (tests and documentation only). Olena, Maksym and Daryna are
 * returned and Ukraine confirms; Artem's handover is claimed under both commitments and
 * confirmed; Sofiia's return is recorded but never confirmed; Ukraine disputes Bohdan's with a
 * counter-claim; Ivan's "in transit" is retracted; of Anna nothing is heard, and Russia
 * counter-claims that she was never in its care.
 */
import type { DecryptedEntry } from './decrypted-entry';
import type { SampleLog, SamplePerson } from './sample-log';
import { at, PEOPLE } from './sample-people';
import type { StatusChangeContent } from './status-change-content';

type Change = Omit<StatusChangeContent, 'type' | 'note'>;

/** Writes the returns into the case streams `caseIds`, answering the two commitments. */
export const writeSampleReturns = (
  { append, acknowledge }: SampleLog,
  caseIds: readonly string[],
  commitments: readonly DecryptedEntry[],
) => {
  const { ruEnvoy, ruStaff, uaStaff } = PEOPLE;
  const inCase = (i: number) => ({ stream: caseIds[i] ?? '', kind: 'case' as const });
  const status = (i: number, by: SamplePerson, day: string, change: Change) =>
    append({ ...inCase(i), author: by, at: at(day), content: { type: 'status_change', note: '', ...change } });
  const [eight] = commitments;
  const commitmentRef = eight?.entryHash;

  const ivanInTransit = status(6, ruStaff, '11-03', { status: 'in_transit' });
  const retraction = append({
    ...inCase(6),
    author: ruStaff,
    at: at('11-04'),
    refs: [ivanInTransit],
    content: { type: 'retraction', reason: 'Entered in error: the transfer was postponed.' },
  });
  for (const [i, day, reunitedOn] of [
    [0, '11-05', '2025-11-06'],
    [1, '11-05', '2025-11-06'],
    [2, '11-12', '2025-11-13'],
  ] as const) {
    const returned = status(i, ruStaff, day, { status: 'returned', ...(commitmentRef ? { commitmentRef } : {}) });
    acknowledge(returned, uaStaff, at(day, '18:00'));
    status(i, uaStaff, day, {
      status: 'reunified',
      effectiveDate: reunitedOn,
      reunifiedWith: [{ relation: 'mother' }],
    });
  }
  const handover = append({
    ...inCase(3),
    author: ruStaff,
    at: at('11-14'),
    content: {
      type: 'evidence',
      caseId: caseIds[3] ?? '',
      kind: 'handover_record',
      summary: 'Handed over at the border crossing.',
      attachments: [],
    },
  });
  for (const commitment of commitments) {
    const fulfilment = { caseId: caseIds[3] ?? '', evidenceEntry: handover.entryHash };
    append({
      stream: commitment.header.stream,
      kind: 'thread',
      author: ruEnvoy,
      at: at('11-14', '10:00'),
      refs: [commitment],
      content: { type: 'commitment_update', fulfilment, note: 'Artem Melnyk was handed over.' },
    });
  }
  acknowledge(handover, uaStaff, at('11-15'));
  const sofiiaReturned = status(4, ruStaff, '11-18', { status: 'returned' });
  const bohdanReturned = status(5, ruStaff, '11-18', { status: 'returned' });
  const caseCounterClaim = append({
    ...inCase(5),
    author: uaStaff,
    at: at('11-19'),
    refs: [bohdanReturned],
    content: {
      type: 'dispute',
      reasons: ['The young man handed over is not Bohdan Kravets.'],
      evidence: { entries: [], attachments: [] },
      counterClaim: 'Bohdan Kravets has not been returned: the documents do not match the person handed over.',
    },
  });
  const commitmentCounterClaim = eight
    ? append({
        stream: eight.header.stream,
        kind: 'thread',
        author: ruEnvoy,
        at: at('11-20'),
        refs: [eight],
        content: {
          type: 'dispute',
          reasons: ['No child named Anna Lysenko has been in the care of the Russian side.'],
          evidence: { entries: [], attachments: [] },
          counterClaim: 'Seven of the eight children are accounted for.',
        },
      })
    : undefined;
  return {
    ivanInTransit,
    retraction,
    handover,
    sofiiaReturned,
    bohdanReturned,
    caseCounterClaim,
    commitmentCounterClaim,
  };
};
