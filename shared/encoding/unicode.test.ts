import { describe, expect, it } from 'vitest';
import { countCodePoints, isWellFormedText } from './unicode';

describe('unicode', () => {
  it('counts code points, a surrogate pair once', () => {
    expect(countCodePoints('')).toBe(0);
    expect(countCodePoints('aé😀')).toBe(3);
    expect('aé😀'.length).toBe(4);
  });

  it('tells a lone surrogate from a pair', () => {
    expect(isWellFormedText('😀')).toBe(true);
    expect(isWellFormedText('\ud83d')).toBe(false);
    expect(isWellFormedText('x\ude00')).toBe(false);
    expect(isWellFormedText('\ude00\ud83d')).toBe(false);
  });
});
