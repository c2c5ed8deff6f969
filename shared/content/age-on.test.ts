import { describe, expect, it } from 'vitest';
import { ageOn, birthBounds, hasTurned18, isPossiblyMinor } from './age-on';
import type { Birth } from './child-birth';

const sofiia: Birth = { dobEstimated: 'no', date: '2007-09-01' };
// Aged 14 or 15 on 1 June 2022: born between 2 June 2006 and 1 June 2008.
const ivan: Birth = { dobEstimated: 'yes', ageMin: 14, ageMax: 15, asOf: '2022-06-01' };

describe('ageOn', () => {
  it('gives an exact age for a known date of birth, on the birthday and the day before', () => {
    expect(ageOn(sofiia, '2025-08-31')).toEqual({ min: 17, max: 17, isEstimated: false });
    expect(ageOn(sofiia, '2025-09-01')).toEqual({ min: 18, max: 18, isEstimated: false });
  });

  it('counts an instant by its UTC date', () => {
    expect(ageOn(sofiia, new Date('2025-08-31T23:59:59.999Z'))?.min).toBe(17);
    expect(ageOn(sofiia, '2025-09-01T00:00:00.000Z')?.min).toBe(18);
  });

  it('turns an estimated age into the range of birth dates it allows', () => {
    expect(birthBounds(ivan)).toEqual({ earliest: '2006-06-02', latest: '2008-06-01' });
    expect(ageOn(ivan, '2022-06-01')).toEqual({ min: 14, max: 15, isEstimated: true });
    expect(ageOn(ivan, '2025-10-24')).toEqual({ min: 17, max: 19, isEstimated: true });
  });

  it('knows an age for no date before the person can have been born', () => {
    expect(ageOn(sofiia, '2007-08-31')).toBeUndefined();
    expect(ageOn(ivan, '2006-06-01')).toBeUndefined();
    expect(ageOn(ivan, '2007-01-01')).toEqual({ min: 0, max: 0, isEstimated: true });
  });
});

describe('hasTurned18', () => {
  it('is true from the 18th birthday of a known date of birth', () => {
    expect(hasTurned18(sofiia, '2025-08-31')).toBe(false);
    expect(hasTurned18(sofiia, '2025-09-01')).toBe(true);
  });

  it('treats an estimate that may still be under 18 as a child (benefit of the doubt)', () => {
    expect(hasTurned18(ivan, '2025-10-24')).toBe(false);
    expect(isPossiblyMinor(ivan, '2025-10-24')).toBe(true);
    expect(hasTurned18(ivan, '2026-06-01')).toBe(true);
    expect(isPossiblyMinor(ivan, '2026-06-01')).toBe(false);
  });

  it('is false before birth rather than throwing', () => {
    expect(hasTurned18(sofiia, '2000-01-01')).toBe(false);
    expect(isPossiblyMinor(sofiia, '2000-01-01')).toBe(false);
  });
});
