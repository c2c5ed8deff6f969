/**
 * The cohort "taken as minors who have since turned 18": evaluated on the client from each case
 * record, then frozen into a commitment's scope as a list of case ids (it must not drift as
 * people have birthdays). Cases it cannot decide are listed for a caseworker to review.
 */
import { ageOn } from './age-on';
import type { CaseOpenContent } from './case-open-content';

/** What the rule needs of a case record. */
export type CohortCase = {
  readonly caseId: string;
  readonly record: Pick<CaseOpenContent, 'birth' | 'separation'>;
};

/** Why a case needs a person to look at it before the list is frozen. */
export type CohortReviewReason =
  | 'birth_unknown'
  | 'separation_date_unknown'
  | 'separation_before_birth'
  /** Left out: an estimated age that may still be under 18 (treated as a child). */
  | 'adulthood_uncertain'
  /** Included: an estimated age that may already have been 18 at separation (benefit of the doubt). */
  | 'minority_at_separation_uncertain';

/** The cohort, and the cases a person should look at. */
export type Cohort = {
  readonly caseIds: readonly string[];
  readonly review: readonly { readonly caseId: string; readonly reason: CohortReviewReason }[];
};

/**
 * Cases of people who may have been under 18 when separated and are certainly 18 or over on
 * `asOf` (see age-on.ts for how estimates are treated). The separation date is taken as
 * recorded, approximate or not.
 */
export const cohortTakenAsMinorNowAdult = (cases: readonly CohortCase[], asOf: Date | string): Cohort => {
  const caseIds: string[] = [];
  const review: { caseId: string; reason: CohortReviewReason }[] = [];
  for (const { caseId, record } of cases) {
    const separatedOn = record.separation?.date;
    if (caseIds.includes(caseId)) {
      continue;
    }
    if (!record.birth) {
      review.push({ caseId, reason: 'birth_unknown' });
      continue;
    }
    if (separatedOn === undefined) {
      review.push({ caseId, reason: 'separation_date_unknown' });
      continue;
    }
    const atSeparation = ageOn(record.birth, separatedOn);
    const now = ageOn(record.birth, asOf);
    if (!atSeparation || !now) {
      review.push({ caseId, reason: 'separation_before_birth' });
      continue;
    }
    if (atSeparation.min >= 18) {
      continue;
    }
    if (now.min < 18) {
      if (now.max >= 18) {
        review.push({ caseId, reason: 'adulthood_uncertain' });
      }
      continue;
    }
    caseIds.push(caseId);
    if (atSeparation.max >= 18) {
      review.push({ caseId, reason: 'minority_at_separation_uncertain' });
    }
  }
  return { caseIds, review };
};
