import { describe, expect, it } from 'vitest';
import { percentSent, withUploadProgress } from './upload-progress';

const MIB = 1024 * 1024;

describe('percentSent', () => {
  it('counts whole percent of the bytes sent', () => {
    expect(percentSent({ sent: 0, total: 4 * MIB })).toBe(0);
    expect(percentSent({ sent: MIB, total: 4 * MIB })).toBe(25);
    expect(percentSent({ sent: 4 * MIB - 1, total: 4 * MIB })).toBe(99);
    expect(percentSent({ sent: 4 * MIB, total: 4 * MIB })).toBe(100);
  });

  it('never goes past 100 or below 0, and calls an empty body sent', () => {
    expect(percentSent({ sent: 5 * MIB, total: 4 * MIB })).toBe(100);
    expect(percentSent({ sent: -1, total: 10 })).toBe(0);
    expect(percentSent({ sent: 0, total: 0 })).toBe(100);
  });
});

describe('withUploadProgress', () => {
  const started = withUploadProgress([], 0, { name: 'scan.pdf', sent: 0, total: 1_000 });

  it('adds a file at its index when it starts', () => {
    expect(started).toEqual([{ name: 'scan.pdf', sent: 0, total: 1_000 }]);
    const second = withUploadProgress(started, 1, { name: 'photo.png', sent: 0, total: 50 });
    expect(second).toEqual([
      { name: 'scan.pdf', sent: 0, total: 1_000 },
      { name: 'photo.png', sent: 0, total: 50 },
    ]);
  });

  it('keeps the same list while the whole percent does not move', () => {
    const one = withUploadProgress(started, 0, { name: 'scan.pdf', sent: 10, total: 1_000 });
    expect(one).not.toBe(started);
    expect(withUploadProgress(one, 0, { name: 'scan.pdf', sent: 19, total: 1_000 })).toBe(one);
    expect(withUploadProgress(one, 0, { name: 'scan.pdf', sent: 20, total: 1_000 })[0]?.sent).toBe(20);
  });

  it('always takes the last byte, even within the same percent', () => {
    const almost = withUploadProgress(started, 0, { name: 'scan.pdf', sent: 1_000, total: 100_000 });
    const done = withUploadProgress(almost, 0, { name: 'scan.pdf', sent: 100_000, total: 100_000 });
    expect(done[0]).toEqual({ name: 'scan.pdf', sent: 100_000, total: 100_000 });
  });

  it('starts a file again from zero when a retry sends it anew', () => {
    const half = withUploadProgress(started, 0, { name: 'scan.pdf', sent: 500, total: 1_000 });
    expect(withUploadProgress(half, 0, { name: 'scan.pdf', sent: 0, total: 1_000 })[0]?.sent).toBe(0);
  });
});
