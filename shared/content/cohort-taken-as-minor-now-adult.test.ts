import { describe, expect, it } from 'vitest';
import { type CohortCase, cohortTakenAsMinorNowAdult } from './cohort-taken-as-minor-now-adult';
import { sampleChildren } from './sample-children';

const children: CohortCase[] = sampleChildren().map((record, i) => ({ caseId: `case-${i}`, record }));

describe('cohortTakenAsMinorNowAdult', () => {
  it('selects, of the eight children, those separated under 18 who are 18 now', () => {
    const cohort = cohortTakenAsMinorNowAdult(children, '2025-10-24');
    // Artem (16 → 19), Sofiia (14 → 18 since 1 September), Bohdan (15–16 → at least 18).
    expect(cohort.caseIds).toEqual(['case-3', 'case-4', 'case-5']);
    expect(cohort.review).toEqual([
      { caseId: 'case-6', reason: 'adulthood_uncertain' },
      { caseId: 'case-7', reason: 'birth_unknown' },
    ]);
  });

  it('leaves out someone already adult when separated, and children still under 18', () => {
    const ids = cohortTakenAsMinorNowAdult(children, '2025-10-24').caseIds;
    expect(ids).not.toContain('case-2'); // Daryna was 19 when separated
    expect(ids).not.toContain('case-0'); // Olena is 12
  });

  it('moves with the date it is evaluated on, which is why a commitment freezes it', () => {
    expect(cohortTakenAsMinorNowAdult(children, '2025-08-31').caseIds).toEqual(['case-3', 'case-5']);
    expect(cohortTakenAsMinorNowAdult(children, '2026-06-01').caseIds).toEqual([
      'case-3',
      'case-4',
      'case-5',
      'case-6',
    ]);
  });

  it('includes, and flags, someone who may already have been 18 when separated', () => {
    const cohort = cohortTakenAsMinorNowAdult(
      [
        {
          caseId: 'borderline',
          record: {
            birth: { dobEstimated: 'yes', ageMin: 17, ageMax: 18, asOf: '2022-04-01' },
            separation: { date: '2022-04-01' },
          },
        },
      ],
      '2025-10-24',
    );
    expect(cohort).toEqual({
      caseIds: ['borderline'],
      review: [{ caseId: 'borderline', reason: 'minority_at_separation_uncertain' }],
    });
  });

  it('asks for review where the separation date is unknown or precedes birth, and lists a case once', () => {
    const birth = { dobEstimated: 'no', date: '2010-01-01' } as const;
    const cohort = cohortTakenAsMinorNowAdult(
      [
        { caseId: 'no-date', record: { birth, separation: {} } },
        { caseId: 'too-early', record: { birth, separation: { date: '2009-01-01' } } },
        {
          caseId: 'twice',
          record: { birth: { dobEstimated: 'no', date: '2005-01-01' }, separation: { date: '2020-01-01' } },
        },
        {
          caseId: 'twice',
          record: { birth: { dobEstimated: 'no', date: '2005-01-01' }, separation: { date: '2020-01-01' } },
        },
      ],
      '2025-10-24',
    );
    expect(cohort.caseIds).toEqual(['twice']);
    expect(cohort.review.map((item) => item.reason)).toEqual(['separation_date_unknown', 'separation_before_birth']);
  });
});
