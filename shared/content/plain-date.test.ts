import { describe, expect, it } from 'vitest';
import { addDays, completedYears, isoWeek, PlainDate, plainDateOf, shiftYears } from './plain-date';

describe('PlainDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    expect(PlainDate.safeParse('2024-02-29').success).toBe(true);
    expect(PlainDate.safeParse('2025-12-31').success).toBe(true);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-04-31', '25-01-01', '2025-1-1', '2025-01-01T00:00:00.000Z', '1899-12-31'])(
    'refuses %s',
    (text) => {
      expect(PlainDate.safeParse(text).success).toBe(false);
    },
  );
});

describe('date arithmetic', () => {
  it('counts completed years, with a 29 February birthday completing on 1 March in common years', () => {
    expect(completedYears('2007-09-01', '2025-08-31')).toBe(17);
    expect(completedYears('2007-09-01', '2025-09-01')).toBe(18);
    expect(completedYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(completedYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(completedYears('2010-01-01', '2009-12-31')).toBe(-1);
  });

  it('shifts years and days across month, year and leap boundaries', () => {
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2022-05-01', -15)).toBe('2007-05-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('takes the UTC date of an instant and leaves a plain date as it is', () => {
    expect(plainDateOf('2025-11-05T23:30:00.000Z')).toBe('2025-11-05');
    expect(plainDateOf(new Date('2025-11-05T23:30:00.000-02:00'))).toBe('2025-11-06');
    expect(plainDateOf('2025-11-05')).toBe('2025-11-05');
    expect(() => plainDateOf('not a date')).toThrow(RangeError);
  });

  it.each([
    ['2025-11-06', '2025-W45'],
    ['2025-11-13', '2025-W46'],
    ['2021-01-03', '2020-W53'],
    ['2020-12-31', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-03', '2026-W53'],
  ])('puts %s in ISO week %s (checked with Python date.isocalendar)', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
});
