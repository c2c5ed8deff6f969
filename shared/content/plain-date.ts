/**
 * Calendar dates without time or zone (`2025-10-17`) and the arithmetic the derivations need:
 * ages, cohorts, due dates and ISO weeks. Every instant is reduced to its UTC calendar date.
 */
import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const partsOf = (date: string): [number, number, number] => {
  const match = DATE.exec(date);
  if (!match) {
    throw new RangeError(`expected a date YYYY-MM-DD, got ${date}`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

// Years before 1900 would hit Date.UTC's two-digit-year rule and matter for no one in a case.
// Zod runs this refinement even after the regex failed, so it must not throw.
const isCalendarDate = (date: string): boolean => {
  if (!DATE.test(date)) {
    return false;
  }
  const [year, month, day] = partsOf(date);
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

/** A calendar date `YYYY-MM-DD` (1900–2999), no time, no zone: birth, separation and due dates. */
export const PlainDate = z
  .string()
  .regex(DATE, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date between 1900 and 2999');
export type PlainDate = z.infer<typeof PlainDate>;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Days since 1970-01-01 of a plain date. */
export const dayNumber = (date: string): number => {
  const [year, month, day] = partsOf(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
};

/** The plain date `days` after `date` (negative goes back). */
export const addDays = (date: string, days: number): string => utcDateOf(new Date((dayNumber(date) + days) * DAY_MS));

/** The UTC calendar date of an instant (a `Date` or an ISO timestamp). */
export const utcDateOf = (instant: Date | string): string => {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) {
    throw new RangeError(`not an instant: ${String(instant)}`);
  }
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1, 2)}-${pad(at.getUTCDate(), 2)}`;
};

/** A plain date as is, or the UTC calendar date of a timestamp or `Date`. */
export const plainDateOf = (value: Date | string): string =>
  typeof value === 'string' && DATE.test(value) ? value : utcDateOf(value);

/** The same day `years` later (earlier if negative); 29 February becomes 28 February in other years. */
export const shiftYears = (date: string, years: number): string => {
  const [year, month, day] = partsOf(date);
  const target = year + years;
  return `${pad(target, 4)}-${pad(month, 2)}-${pad(Math.min(day, daysInMonth(target, month)), 2)}`;
};

/**
 * Whole years from `from` to `on`: an age in completed years. Someone born on 29 February
 * completes a year on 1 March in common years. Negative when `on` precedes `from`.
 */
export const completedYears = (from: string, on: string): number => {
  const [y1, m1, d1] = partsOf(from);
  const [y2, m2, d2] = partsOf(on);
  return y2 - y1 - (m2 * 100 + d2 < m1 * 100 + d1 ? 1 : 0);
};

/** ISO 8601 week of a date, `2025-W44`: weeks start on Monday; week 1 holds the year's first Thursday. */
export const isoWeek = (date: string): string => {
  const day = dayNumber(date);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday = 0
  const thursday = utcDateOf(new Date((day - weekday + 3) * DAY_MS));
  const [year] = partsOf(thursday);
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${pad(year, 4)}-01-01`)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
};
