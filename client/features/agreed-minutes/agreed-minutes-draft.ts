/**
 * The "circulate agreed minutes" form's state and its conversion into content. A new version
 * starts from the text of the one it supersedes and must say what changed.
 */
import type { AgreedMinutesContent } from '../../../shared/content/minutes-content';
import { opt } from '../cases/case-draft';
import type { ParticipantDraft } from '../cases/ParticipantsFieldset';

export type AgreedMinutesDraft = {
  title: string;
  date: string;
  place: string;
  participants: ParticipantDraft[];
  /** Clause texts; clause numbers are their positions, from 1. */
  clauses: string[];
  changes: string;
};

/** An empty draft dated `today`. */
export const emptyAgreedMinutesDraft = (today: string): AgreedMinutesDraft => ({
  title: '',
  date: today,
  place: '',
  participants: [{ name: '', party: '', role: '' }],
  clauses: [''],
  changes: '',
});

/** A draft for the version after `previous`: its text, its clauses renumbered, no changes stated yet. */
export const draftSuperseding = (previous: Omit<AgreedMinutesContent, 'attachments'>): AgreedMinutesDraft => ({
  title: previous.title,
  date: previous.date,
  place: previous.place ?? '',
  participants: previous.participants.map((participant) => ({
    name: participant.name,
    party: participant.party ?? '',
    role: participant.role ?? '',
  })),
  clauses: [...previous.clauses].sort((a, b) => a.number - b.number).map((clause) => clause.text),
  changes: '',
});

/** The content to seal (without files); empty clauses are left out, the rest numbered 1, 2, … */
export const toAgreedMinutesContent = (draft: AgreedMinutesDraft): AgreedMinutesContent => ({
  type: 'agreed_minutes',
  title: draft.title.trim(),
  date: draft.date,
  ...opt('place', draft.place),
  participants: draft.participants.map((participant) => ({
    name: participant.name.trim(),
    ...opt('party', participant.party),
    ...opt('role', participant.role),
  })),
  clauses: draft.clauses
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text, index) => ({ number: index + 1, text })),
  ...opt('changes', draft.changes),
  attachments: [],
});
