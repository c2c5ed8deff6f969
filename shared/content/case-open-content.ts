/**
 * The child record a caseworker writes when opening a case. Nothing a caseworker may not know yet
 * is required, except that the child is named or explicitly recorded as unnamed.
 */
import { z } from 'zod';
import { AttachmentRefs } from './attachment-ref';
import { Birth } from './child-birth';
import { IdentityVerification, NameVariant, Sex } from './child-identity';
import { Consent, Relative } from './child-relations';
import { LastKnownLocation, Place, Separation } from './child-whereabouts';
import { LongText, ShortText } from './content-text';
import { PlainDate } from './plain-date';

/** Content of a `case_open` entry: the child record. */
export const CaseOpenContent = z
  .strictObject({
    type: z.literal('case_open'),
    /** The opening organisation's own file number (`UA-2025-0147`): sealed, never in the clear header. */
    fileNumber: ShortText.optional(),
    /** Every known way of writing the child's name; empty only with `unknownName: 'yes'`. */
    names: z.array(NameVariant).max(32),
    unknownName: z.literal('yes').optional(),
    sex: Sex.optional(),
    birth: Birth.optional(),
    /** Where the child is from (oblast, settlement). */
    origin: Place.optional(),
    separation: Separation.optional(),
    lastKnownLocation: LastKnownLocation.optional(),
    relatives: z.array(Relative).max(64).optional(),
    identity: IdentityVerification.optional(),
    consent: Consent.optional(),
    photos: AttachmentRefs.optional(),
    notes: LongText.optional(),
    /** When the case's data keys are to be destroyed (crypto-shredding). */
    retainUntil: PlainDate.optional(),
  })
  .refine((record) => record.names.length > 0 !== (record.unknownName === 'yes'), {
    message: 'give at least one name variant, or unknownName "yes" and no names',
    path: ['names'],
  });
export type CaseOpenContent = z.infer<typeof CaseOpenContent>;
