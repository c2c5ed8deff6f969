/**
 * A case moving through its workflow (domain.md §3 "Status workflow"). Each change is its own
 * signed entry; the sides may disagree, and neither overwrites the other.
 */
import { z } from 'zod';
import { Hash32 } from '../schemas/common';
import { Relation } from './child-relations';
import { LocationConfidence } from './child-whereabouts';
import { ShortText } from './content-text';
import { PlainDate } from './plain-date';

/** Every status a case can be in: the main path, then the side states. */
export const CaseStatus = z.enum([
  'reported',
  'identity_verified',
  'located',
  'on_list',
  'return_agreed',
  'in_transit',
  'returned',
  'reunified',
  'follow_up',
  'closed',
  'disputed',
  'no_longer_sought',
  'deceased',
  'declined_return',
  'withdrawn',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Content of a `status_change` entry. */
export const StatusChangeContent = z
  .strictObject({
    type: z.literal('status_change'),
    status: CaseStatus,
    /** Free text; may be empty. */
    note: z.string().max(4000),
    /** When the change happened, where that differs from when it was recorded. */
    effectiveDate: PlainDate.optional(),
    /** `reunified`: with whom. */
    reunifiedWith: z
      .array(z.strictObject({ relation: Relation, name: ShortText.optional() }))
      .min(1)
      .max(16)
      .optional(),
    /** `located`: who confirmed the location (the location itself stays in the case record). */
    locationConfidence: LocationConfidence.optional(),
    /** `return_agreed` and later: the commitment entry covering this return. */
    commitmentRef: Hash32.optional(),
    /** `on_list`: the entry that handed the list over. */
    listRef: Hash32.optional(),
    /** `disputed`: the entry whose facts are contested. */
    disputedEntry: Hash32.optional(),
    /** `declined_return`: the person's own consent record (an evidence entry). */
    consentEvidence: Hash32.optional(),
  })
  .superRefine((change, ctx) => {
    const onlyWith = (field: keyof typeof change, status: CaseStatus, required: boolean): void => {
      const present = change[field] !== undefined;
      if (present && change.status !== status) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} belongs to status ${status} only` });
      }
      if (required && !present && change.status === status) {
        ctx.addIssue({ code: 'custom', path: [field], message: `status ${status} states ${field}` });
      }
    };
    onlyWith('reunifiedWith', 'reunified', false);
    onlyWith('locationConfidence', 'located', true);
    onlyWith('disputedEntry', 'disputed', true);
    onlyWith('consentEvidence', 'declined_return', true);
  });
export type StatusChangeContent = z.infer<typeof StatusChangeContent>;
