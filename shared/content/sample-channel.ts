/**
 * The US channel of autumn 2025 as an invented, complete sample for tests and documentation only
 * (see sample-log.ts for what is a placeholder). Russia (obligor) returns children to Ukraine
 * (obligee) through the United States (intermediary): letters and receipts, eight cases with
 * biographies, agreed minutes in two versions (sample-agreement.ts), two commitments, and the
 * returns, confirmed, unconfirmed, disputed or retracted (sample-returns.ts).
 */

import { writeSampleAgreement } from './sample-agreement';
import { sampleChildren } from './sample-children';
import { createSampleLog, sampleUuid } from './sample-log';
import { at, MEMBERS, PEOPLE } from './sample-people';
import { writeSampleReturns } from './sample-returns';

/** Builds the whole channel in log order; the entries tests look at are returned by name. */
export const buildUsChannel = () => {
  const log = createSampleLog(Object.values(PEOPLE));
  const { append, acknowledge } = log;
  const { ruEnvoy, ruStaff, uaEnvoy, uaStaff, usEnvoy } = PEOPLE;
  const thread = sampleUuid('thread/us-channel');
  const inThread = { stream: thread, kind: 'thread' as const };
  const threadOpen = append({
    ...inThread,
    author: usEnvoy,
    at: at('10-01'),
    meta: { members: MEMBERS },
    content: { type: 'thread_open', subject: 'Return of children', partiesNote: 'The United States as intermediary' },
  });
  const letter = append({
    ...inThread,
    author: usEnvoy,
    at: at('10-02'),
    content: {
      type: 'letter',
      subject: 'An open channel',
      salutation: 'Your Excellency,',
      body: 'I have the honour to propose an open channel for the return of children to their families.',
      attachments: [],
    },
  });
  acknowledge(letter, ruEnvoy, at('10-03'));
  acknowledge(letter, uaEnvoy, at('10-03'));
  const children = sampleChildren();
  const caseIds = children.map((_, i) => sampleUuid(`case/${i}`));
  const openings = children.map((record, i) =>
    append({
      stream: caseIds[i] ?? '',
      kind: 'case',
      author: uaStaff,
      at: at('10-05'),
      meta: { members: MEMBERS, reference: `UA-2025-00${i + 1}` },
      content: record,
    }),
  );
  const reply = append({
    ...inThread,
    author: ruEnvoy,
    at: at('10-09'),
    content: { type: 'letter', subject: 'Reply', body: 'A biography of each child will follow.', attachments: [] },
  });
  acknowledge(reply, usEnvoy, at('10-10'));
  const biographies = caseIds.map((caseId) =>
    append({
      stream: caseId,
      kind: 'case',
      author: ruStaff,
      at: at('10-12'),
      content: { type: 'evidence', caseId, kind: 'biography', summary: 'Biography and photographs.', attachments: [] },
    }),
  );
  const [, , , artemBiography] = biographies;
  const earlyReceipt = artemBiography && acknowledge(artemBiography, uaStaff, at('10-13'));
  const ivanLocated = append({
    stream: caseIds[6] ?? '',
    kind: 'case',
    author: ruStaff,
    at: at('10-15'),
    content: { type: 'status_change', status: 'located', locationConfidence: 'confirmed_by_holder', note: '' },
  });
  const agreement = writeSampleAgreement(log, thread, caseIds, children);
  const returns = writeSampleReturns(log, caseIds, [agreement.eight, agreement.adults]);
  return {
    log,
    entries: log.entries,
    thread,
    threadOpen,
    caseIds,
    openings,
    letter,
    reply,
    earlyReceipt,
    ivanLocated,
    ...agreement,
    ...returns,
  };
};
