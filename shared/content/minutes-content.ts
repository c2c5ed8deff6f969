/**
 * Records of meetings and calls: one side's own `minutes` (memcon, telcon), and `agreed_minutes`
 * that become binding only when every listed party countersigns the same hash.
 */
import { z } from 'zod';
import { Uuid } from '../schemas/common';
import { AttachmentRefs } from './attachment-ref';
import { isUniqueBy, LongText, MediumText, ShortText } from './content-text';
import { PlainDate } from './plain-date';

/** Someone present at a meeting or on a call. */
export const Participant = z.strictObject({
  name: ShortText,
  /** Their party (delegation), when they belong to one. */
  party: Uuid.optional(),
  role: ShortText.optional(),
});
export type Participant = z.infer<typeof Participant>;

const Participants = z.array(Participant).min(1).max(128);

/** Content of `minutes`: a memorandum of conversation (meeting) or telcon (call). */
export const MinutesContent = z
  .strictObject({
    type: z.literal('minutes'),
    kind: z.enum(['meeting', 'call']),
    date: PlainDate,
    /** Meetings: where. */
    place: ShortText.optional(),
    /** Calls: how (`secure video`, `telephone`). */
    medium: ShortText.optional(),
    participants: Participants,
    subject: ShortText,
    text: LongText,
    attachments: AttachmentRefs,
  })
  .refine((minutes) => minutes.kind === 'meeting' || minutes.place === undefined, {
    message: 'a call has a medium, not a place',
    path: ['place'],
  })
  .refine((minutes) => minutes.kind === 'call' || minutes.medium === undefined, {
    message: 'a meeting has a place, not a medium',
    path: ['medium'],
  });
export type MinutesContent = z.infer<typeof MinutesContent>;

/** A numbered clause of agreed minutes; commitments cite it by number. */
export const Clause = z.strictObject({
  number: z.number().int().min(1).max(9999),
  text: LongText,
});
export type Clause = z.infer<typeof Clause>;

/**
 * Content of `agreed_minutes`. The parties that must countersign are in the header
 * (`meta.parties`); a correction is a new version whose `refs[0]` is the version it supersedes.
 */
export const AgreedMinutesContent = z.strictObject({
  type: z.literal('agreed_minutes'),
  title: ShortText,
  date: PlainDate,
  place: ShortText.optional(),
  participants: Participants,
  clauses: z
    .array(Clause)
    .min(1)
    .max(500)
    .refine((items) => isUniqueBy(items, (clause) => clause.number), 'clause numbers are unique'),
  /** For a new version: what changed from the one it supersedes. */
  changes: MediumText.optional(),
  attachments: AttachmentRefs,
});
export type AgreedMinutesContent = z.infer<typeof AgreedMinutesContent>;
