/**
 * Where a child came from, how they were separated, and where they were last known to be.
 * Location is the most dangerous field (domain.md §5): it lives only in encrypted content, with
 * its own confidence, apart from identity.
 */
import { z } from 'zod';
import { CountryCode, MediumText, ShortText, YesNo, YesNoUnknown } from './content-text';
import { PlainDate } from './plain-date';

/** A place, as precisely as known. */
export const Place = z.strictObject({
  country: CountryCode.optional(),
  /** Oblast, region or province. */
  region: ShortText.optional(),
  settlement: ShortText.optional(),
  detail: ShortText.optional(),
});
export type Place = z.infer<typeof Place>;

/** Date, place and circumstances of separation or deportation. */
export const Separation = z.strictObject({
  date: PlainDate.optional(),
  /** `yes` when `date` is approximate. */
  dateApproximate: YesNo.optional(),
  place: Place.optional(),
  /** What lies between the child and their family now. */
  separatedBy: z.enum(['front_line', 'international_border']).optional(),
  circumstances: z
    .enum([
      'deportation',
      'evacuation',
      'transfer_from_institution',
      'detention_of_caregiver',
      'loss_of_caregiver',
      'other',
    ])
    .optional(),
  description: MediumText.optional(),
  institutionOfOrigin: ShortText.optional(),
  /** Orphan or otherwise deprived of parental care at separation. */
  deprivedOfParentalCare: YesNoUnknown.optional(),
});
export type Separation = z.infer<typeof Separation>;

/** Who has confirmed a location. */
export const LocationConfidence = z.enum(['unconfirmed', 'confirmed_by_holder', 'confirmed_by_intermediary']);
export type LocationConfidence = z.infer<typeof LocationConfidence>;

/** The kind of care a child is placed in. */
export const PlacementType = z.enum([
  'camp',
  'institution',
  'foster',
  'guardianship',
  'adoption',
  'family',
  'medical',
  'other',
]);

/** The last known location and placement, with how sure anyone is of it. */
export const LastKnownLocation = z.strictObject({
  place: Place.optional(),
  asOf: PlainDate.optional(),
  placement: PlacementType.optional(),
  facility: ShortText.optional(),
  confidence: LocationConfidence,
  source: ShortText.optional(),
  /** A listing in the holding side's database (name of the database and reference). */
  databaseListing: ShortText.optional(),
  /** Whether the child was given the holding state's citizenship, and when. */
  naturalised: YesNoUnknown.optional(),
  naturalisedOn: PlainDate.optional(),
});
export type LastKnownLocation = z.infer<typeof LastKnownLocation>;
