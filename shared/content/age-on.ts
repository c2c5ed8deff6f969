/**
 * Ages, computed on the client only (an age or age band never goes into a header: domain.md §5).
 * An estimated age gives a range. Where the range straddles 18, the person is treated as a child:
 * the benefit of the doubt of UN CRC General Comment No. 6 (2005) §31(i), so `hasTurned18` is
 * true only when even the youngest possible age is 18.
 */
import type { Birth } from './child-birth';
import { addDays, completedYears, plainDateOf, shiftYears } from './plain-date';

/** An age in completed years: `min === max` for a known birth date, a range for an estimate. */
export type Age = {
  readonly min: number;
  readonly max: number;
  readonly isEstimated: boolean;
};

/** Earliest and latest possible dates of birth. */
export const birthBounds = (birth: Birth): { readonly earliest: string; readonly latest: string } =>
  birth.dobEstimated === 'no'
    ? { earliest: birth.date, latest: birth.date }
    : {
        // Aged n on asOf: born after asOf − (n + 1) years, and on or before asOf − n years.
        earliest: addDays(shiftYears(birth.asOf, -(birth.ageMax + 1)), 1),
        latest: shiftYears(birth.asOf, -birth.ageMin),
      };

/**
 * Age on `date` (a plain date, timestamp or `Date`; instants count by their UTC date). Undefined
 * when the person cannot have been born yet on that date; an estimate's lower end stops at 0.
 */
export const ageOn = (birth: Birth, date: Date | string): Age | undefined => {
  const on = plainDateOf(date);
  const { earliest, latest } = birthBounds(birth);
  const max = completedYears(earliest, on);
  if (max < 0) {
    return undefined;
  }
  return { min: Math.max(0, completedYears(latest, on)), max, isEstimated: birth.dobEstimated === 'yes' };
};

/** Whether the person is certainly 18 or over on `date`: false while an estimate leaves doubt. */
export const hasTurned18 = (birth: Birth, date: Date | string): boolean => (ageOn(birth, date)?.min ?? 0) >= 18;

/** Whether the person may be under 18 on `date` (true while an estimate leaves doubt). */
export const isPossiblyMinor = (birth: Birth, date: Date | string): boolean => {
  const age = ageOn(birth, date);
  return age !== undefined && age.min < 18;
};
