/**
 * The people around a child (parents, guardians, siblings) and the consent and legal basis under
 * which the case is processed. At 18 the person becomes the one who consents (domain.md §5).
 */
import { z } from 'zod';
import { Uuid } from '../schemas/common';
import { MediumText, ShortText, YesNo } from './content-text';
import { PlainDate } from './plain-date';

/** How someone is related to the child. */
export const Relation = z.enum([
  'mother',
  'father',
  'sibling',
  'grandparent',
  'aunt_uncle',
  'legal_guardian',
  'foster_carer',
  'other',
]);
export type Relation = z.infer<typeof Relation>;

/** A parent, guardian or sibling, with where contact and consent stand. */
export const Relative = z.strictObject({
  relation: Relation,
  name: ShortText.optional(),
  isLegalGuardian: YesNo.optional(),
  /** A sibling's own case. */
  linkedCase: Uuid.optional(),
  contact: MediumText.optional(),
  contactStatus: z.enum(['not_contacted', 'contacted', 'in_contact', 'unreachable', 'deceased']),
  consentStatus: z.enum(['not_asked', 'given', 'refused', 'withdrawn']),
  note: MediumText.optional(),
});
export type Relative = z.infer<typeof Relative>;

/** What a consent covers. */
export const ConsentScope = z.enum([
  'tracing',
  'share_with_counterpart',
  'share_with_intermediary',
  'share_with_reviewer',
  'return',
  'medical',
  'publication',
]);

/** Who consented to what, on which legal basis, and who must not see the case. */
export const Consent = z.strictObject({
  givenBy: z.enum(['child', 'person_now_adult', 'parent', 'legal_guardian', 'authority']),
  name: ShortText.optional(),
  date: PlainDate.optional(),
  scope: z.array(ConsentScope).max(16),
  legalBasis: z.enum(['consent', 'vital_interests', 'public_interest', 'legal_obligation']),
  /** Parties (by id) or others (by label) the case must not be disclosed to. */
  withheldFrom: z.array(z.strictObject({ party: Uuid.optional(), label: ShortText })).max(32),
  /** When consent was renewed by the person after turning 18. */
  renewedAtMajority: PlainDate.optional(),
  note: MediumText.optional(),
});
export type Consent = z.infer<typeof Consent>;
