/**
 * Commitments as first-class objects (domain.md "Commitment fields"), and the updates each party
 * posts about them. Status, deadlines and fulfilment are derived on the client (commitment-state.ts).
 */
import { z } from 'zod';
import { Hash32, Uuid } from '../schemas/common';
import { isUniqueBy, LongText, MediumText } from './content-text';
import { LocalDateTime, TimeZoneName } from './local-time';
import { PlainDate } from './plain-date';

/** Where a commitment comes from: a clause of agreed minutes, or an exchange of two notes. */
export const CommitmentSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agreed_minutes'), entry: Hash32, clause: z.number().int().min(1).max(9999) }),
  z.strictObject({
    kind: z.literal('exchange_of_notes'),
    notes: z.tuple([Hash32, Hash32]).refine(([a, b]) => a !== b, 'an exchange is two different notes'),
  }),
]);
export type CommitmentSource = z.infer<typeof CommitmentSource>;

const CaseIds = z
  .array(Uuid)
  .min(1)
  .max(1000)
  .refine((items) => isUniqueBy(items, (id) => id), 'each case is listed once');

/** A rule that selects cases; evaluated on the client, then frozen as a list of case ids. */
export const CohortRule = z.strictObject({
  /** Persons separated while under 18 who are 18 or over on `asOf` (cohort-taken-as-minor-now-adult.ts). */
  rule: z.literal('taken_as_minor_now_adult'),
  asOf: PlainDate,
});
export type CohortRule = z.infer<typeof CohortRule>;

/**
 * Which cases a commitment covers: listed, selected by a rule and materialised so it cannot drift,
 * or a number of children as spoken ("8 children"), counted by the receiving party's confirmations.
 */
export const CommitmentScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cases'), caseIds: CaseIds }),
  z.strictObject({ kind: z.literal('cohort'), cohort: CohortRule, caseIds: CaseIds }),
  z.strictObject({ kind: z.literal('count'), count: z.number().int().min(1).max(100_000) }),
]);
export type CommitmentScope = z.infer<typeof CommitmentScope>;

/** The cases a scope names (none for a count). */
export const scopeCaseIds = (scope: CommitmentScope): readonly string[] =>
  scope.kind === 'count' ? [] : scope.caseIds;

/**
 * When a commitment is due: on a date (end of that day, UTC, as older entries say), at a time of
 * day in a named zone, or N days or hours after an entry was logged.
 */
export const CommitmentDue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: PlainDate }),
  z.strictObject({ kind: z.literal('at'), at: LocalDateTime, zone: TimeZoneName }),
  z.strictObject({ kind: z.literal('within_days'), days: z.number().int().min(1).max(3650), of: Hash32 }),
  z.strictObject({ kind: z.literal('within_hours'), hours: z.number().int().min(1).max(87_600), of: Hash32 }),
]);
export type CommitmentDue = z.infer<typeof CommitmentDue>;

/** Content of a `commitment` entry. */
export const CommitmentContent = z
  .strictObject({
    type: z.literal('commitment'),
    /** Stable id across superseding versions. */
    commitmentId: Uuid,
    source: CommitmentSource,
    /** The party that must act. */
    obligor: Uuid,
    /** The receiving party: only its acknowledgement makes a case count as fulfilled. */
    obligee: Uuid,
    intermediary: Uuid.optional(),
    /** The commitment's words, verbatim from its source. */
    text: LongText,
    scope: CommitmentScope,
    /** A commitment this one is conditional on or reciprocated by. */
    reciprocity: z.strictObject({ commitment: Hash32, note: MediumText.optional() }).optional(),
    madeAt: PlainDate,
    due: CommitmentDue,
    /** What may be announced publicly. */
    publicStatement: MediumText.optional(),
  })
  .refine((commitment) => commitment.obligor !== commitment.obligee, {
    message: 'obligor and obligee are different parties',
    path: ['obligee'],
  })
  .refine(
    (commitment) =>
      commitment.intermediary === undefined ||
      (commitment.intermediary !== commitment.obligor && commitment.intermediary !== commitment.obligee),
    { message: 'the intermediary is neither obligor nor obligee', path: ['intermediary'] },
  );
export type CommitmentContent = z.infer<typeof CommitmentContent>;

/** What a party says about a commitment it has seen. */
export const CommitmentStance = z.enum(['accepted', 'in_progress', 'withdrawn', 'superseded', 'disputed']);
export type CommitmentStance = z.infer<typeof CommitmentStance>;

/** Content of a `commitment_update` (`refs[0]` is the commitment): a stance, a fulfilment claim, or both. */
export const CommitmentUpdateContent = z
  .strictObject({
    type: z.literal('commitment_update'),
    status: CommitmentStance.optional(),
    /** The obligor (or intermediary) says a case is done, pointing at the evidence. */
    fulfilment: z.strictObject({ caseId: Uuid, evidenceEntry: Hash32 }).optional(),
    /** `superseded`: the commitment entry that replaces this one. */
    supersededBy: Hash32.optional(),
    /**
     * The receiving party confirms children returned under this commitment: how many, and which
     * cases where it knows them. Only the obligee's confirmations count.
     */
    returnConfirmed: z
      .strictObject({
        count: z.number().int().min(1).max(100_000),
        caseIds: CaseIds.optional(),
      })
      .refine((confirmed) => (confirmed.caseIds?.length ?? confirmed.count) === confirmed.count, {
        message: 'the cases listed are the children confirmed',
        path: ['caseIds'],
      })
      .optional(),
    note: z.string().max(4000),
  })
  .refine((update) => update.status !== undefined || update.fulfilment !== undefined || update.returnConfirmed, {
    message: 'an update states a status, a fulfilment, a confirmed return, or some of these',
    path: ['status'],
  })
  .refine((update) => update.supersededBy === undefined || update.status === 'superseded', {
    message: 'supersededBy belongs to status superseded only',
    path: ['supersededBy'],
  });
export type CommitmentUpdateContent = z.infer<typeof CommitmentUpdateContent>;
