import { describe, expect, it } from 'vitest';
import { utcFormat } from './useUtcFormat';

describe('utcFormat', () => {
  it('writes an instant in UTC, English day before month as the screens always have', () => {
    expect(utcFormat('en').instant('2026-03-31T23:59:00Z')).toBe('31 Mar 2026, 23:59 UTC');
    expect(utcFormat('uk').instant('2026-03-31T23:59:00Z')).toMatch(/^31 бер\. 2026.*23:59 UTC$/);
    expect(utcFormat('ru').instant('2026-03-31T23:59:00Z')).toMatch(/^31 мар\. 2026.*23:59 UTC$/);
  });

  it('keeps a calendar day on its day whatever the reader’s zone', () => {
    expect(utcFormat('en').day('2026-01-01')).toBe('1 Jan 2026');
    expect(utcFormat('ru').day('2026-01-01')).toMatch(/^1 янв\. 2026/);
  });

  it('writes a wall-clock time with the digits it was typed with, and leaves what it cannot read as it is', () => {
    expect(utcFormat('en').wallClock('2026-05-01T09:30')).toBe('1 May 2026, 09:30');
    expect(utcFormat('uk').wallClock('2026-05-01T09:30')).toMatch(/^1 трав\. 2026.*09:30$/);
    expect(utcFormat('en').wallClock('soon')).toBe('soon');
    expect(utcFormat('en').day('soon')).toBe('soon');
  });
});
