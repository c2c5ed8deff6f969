/**
 * A child's birth: an exact date, or an estimated age. Estimates are kept as a range of completed
 * years on a stated date, so that age-dependent decisions can be taken conservatively
 * (see age-on.ts).
 */
import { z } from 'zod';
import { ShortText } from './content-text';
import { PlainDate } from './plain-date';

const Years = z.number().int().min(0).max(120);

/** A known date of birth. */
export const ExactBirth = z.strictObject({
  dobEstimated: z.literal('no'),
  date: PlainDate,
});
export type ExactBirth = z.infer<typeof ExactBirth>;

/**
 * An estimated age: between `ageMin` and `ageMax` completed years on `asOf`. A known year of birth
 * only is `{ ageMin: n, ageMax: n, asOf: '<that year + n>-12-31' }`.
 */
export const EstimatedBirth = z
  .strictObject({
    dobEstimated: z.literal('yes'),
    ageMin: Years,
    ageMax: Years,
    asOf: PlainDate,
    /** What the estimate rests on: `medical assessment`, `holder's statement`. */
    basis: ShortText.optional(),
  })
  .refine((birth) => birth.ageMin <= birth.ageMax, { message: 'ageMin is at most ageMax', path: ['ageMax'] });
export type EstimatedBirth = z.infer<typeof EstimatedBirth>;

/** Date of birth, or estimated age with `dobEstimated: 'yes'`. */
export const Birth = z.discriminatedUnion('dobEstimated', [ExactBirth, EstimatedBirth]);
export type Birth = z.infer<typeof Birth>;
