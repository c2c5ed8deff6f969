import { describe, expect, it } from 'vitest';
import { lowestTiledLevel, splitByTiles, tileSpanOf } from './node-store';

describe('tile spans', () => {
  it('spans the nodes of a level that share a C2SP tile of height 8', () => {
    expect(tileSpanOf({ level: 0, index: 300 })).toEqual({ level: 0, start: 256, end: 512 });
    expect(tileSpanOf({ level: 3, index: 40 })).toEqual({ level: 3, start: 32, end: 64 });
    expect(tileSpanOf({ level: 7, index: 5 })).toEqual({ level: 7, start: 4, end: 6 });
    expect(tileSpanOf({ level: 8, index: 5 })).toEqual({ level: 8, start: 0, end: 256 });
    expect(tileSpanOf({ level: 9, index: 200 })).toEqual({ level: 9, start: 128, end: 256 });
  });

  it('tiles only the levels whose nodes, with all above them, fit in the budget', () => {
    expect(lowestTiledLevel(10_000, 50_000)).toBe(0);
    expect(lowestTiledLevel(25_000, 50_000)).toBe(0);
    expect(lowestTiledLevel(25_001, 50_000)).toBe(1);
    expect(lowestTiledLevel(100_000, 50_000)).toBe(2);
    expect(lowestTiledLevel(1_000_000, 50_000)).toBe(6);
  });

  it('fetches a tiled level by its spans, each once, and a lower one node by node', () => {
    const split = splitByTiles(
      [
        { level: 0, index: 7 },
        { level: 1, index: 1 },
        { level: 1, index: 2 },
        { level: 1, index: 200 },
        { level: 9, index: 3 },
      ],
      1,
    );
    expect(split.exact).toEqual([{ level: 0, index: 7 }]);
    expect(split.spans).toEqual([
      { level: 1, start: 0, end: 128 },
      { level: 1, start: 128, end: 256 },
      { level: 9, start: 0, end: 128 },
    ]);
  });
});
