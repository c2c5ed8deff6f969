import { describe, expect, it } from 'vitest';
import { firstShown } from './timeline-window';

const entries = Array.from({ length: 1_000 }, (_, index) => ({ entryHash: `hash${index}` }));

describe('firstShown', () => {
  it('shows the latest entries of a long timeline', () => {
    expect(firstShown(entries, 100, '')).toBe(900);
  });

  it('shows a short timeline whole', () => {
    expect(firstShown(entries.slice(0, 40), 100, '')).toBe(0);
  });

  it('shows from an earlier entry a link points to', () => {
    expect(firstShown(entries, 100, '#entry-hash12')).toBe(12);
  });

  it('keeps the window when the linked entry is already in it, or is not in this timeline', () => {
    expect(firstShown(entries, 100, '#entry-hash950')).toBe(900);
    expect(firstShown(entries, 100, '#entry-elsewhere')).toBe(900);
    expect(firstShown(entries, 100, '#top')).toBe(900);
  });

  it('shows everything once asked to', () => {
    expect(firstShown(entries, Number.POSITIVE_INFINITY, '')).toBe(0);
  });
});
