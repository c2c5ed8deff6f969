/**
 * A time of day as people say it ("18:00 Kyiv time"): a wall-clock date and time with the IANA
 * zone it is read in, resolved to an instant by the Temporal polyfill (never by hand).
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const isZone = (zone: string): boolean => {
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
};

const isLocalDateTime = (text: string): boolean => {
  try {
    return Temporal.PlainDateTime.from(text, { overflow: 'reject' }).toString({ smallestUnit: 'minute' }) === text;
  } catch {
    return false;
  }
};

/** `YYYY-MM-DDTHH:MM`, a real date and a time 00:00 … 23:59, with no zone of its own. */
export const LocalDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, 'must be YYYY-MM-DDTHH:MM')
  .refine(isLocalDateTime, 'must be a real date and time of day');

/** An IANA time zone name (`Europe/Kyiv`, `UTC`). */
export const TimeZoneName = z.string().min(1).max(64).refine(isZone, 'must be an IANA time zone such as Europe/Kyiv');

/**
 * The instant (ISO 8601, UTC, milliseconds) at which the wall clock in `zone` shows `at`. A time
 * skipped by a clock change is read as the same duration after the change (Temporal's `compatible`).
 */
export const instantOf = (at: string, zone: string): string =>
  new Date(
    Temporal.PlainDateTime.from(at).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds,
  ).toISOString();
