import { Temporal } from 'temporal-polyfill';
import type { MinutesContent } from '../../../shared/content/minutes-content';
import { opt } from './case-draft';
import type { ParticipantDraft } from './ParticipantsFieldset';

export type MinutesDraft = {
  kind: 'meeting' | 'call';
  date: string;
  where: string;
  subject: string;
  text: string;
  participants: ParticipantDraft[];
};

export const emptyMinutesDraft = (): MinutesDraft => ({
  kind: 'meeting',
  // Today where the person is: at 01:00 on the 6th in Kyiv it is still the 5th in UTC.
  date: Temporal.Now.plainDateISO().toString(),
  where: '',
  subject: '',
  text: '',
  participants: [{ name: '', party: '', role: '' }],
});

/** The minutes to seal, without files (added once uploaded): a meeting has a place, a call a medium. */
export const toMinutesContent = (draft: MinutesDraft): MinutesContent => ({
  type: 'minutes',
  kind: draft.kind,
  date: draft.date,
  ...opt(draft.kind === 'meeting' ? 'place' : 'medium', draft.where),
  participants: draft.participants.map((participant) => ({
    name: participant.name.trim(),
    ...opt('party', participant.party),
    ...opt('role', participant.role),
  })),
  subject: draft.subject.trim(),
  text: draft.text,
  attachments: [],
});
