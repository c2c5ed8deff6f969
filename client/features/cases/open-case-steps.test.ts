import { describe, expect, it } from 'vitest';
import { OPEN_CASE_STEPS, stepIndexOf } from './open-case-steps';

describe('stepIndexOf', () => {
  it('keeps a position that is a step', () => {
    expect(OPEN_CASE_STEPS.map((_, index) => stepIndexOf(index))).toEqual([0, 1, 2, 3, 4]);
  });

  it('brings a position beyond either end back to the first or the last step', () => {
    expect(stepIndexOf(-3)).toBe(0);
    expect(stepIndexOf(OPEN_CASE_STEPS.length)).toBe(OPEN_CASE_STEPS.length - 1);
    expect(stepIndexOf(99)).toBe(4);
  });

  it('answers the first step for a position that is not a whole number', () => {
    expect(stepIndexOf(Number.NaN)).toBe(0);
    expect(stepIndexOf(Number.POSITIVE_INFINITY)).toBe(0);
    expect(stepIndexOf(2.7)).toBe(2);
  });
});
