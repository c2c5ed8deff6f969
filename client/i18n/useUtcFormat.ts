import { formatDate, formatDateTime } from './format';
import { useLanguage } from './useT';

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** A wall-clock time without a zone name (its zone is named beside it), as the language writes it. */
const formatWallClock = (locale: string, at: string) => {
  let formatter = wallClocks.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    wallClocks.set(locale, formatter);
  }
  // Read as UTC and written in UTC, so the digits stay those of the wall clock they were typed on.
  const moment = new Date(`${at}Z`);
  return Number.isNaN(moment.getTime()) ? at : formatter.format(moment);
};

/**
 * Instants and calendar days in UTC, written the way `language` writes them. Parley shows logged
 * times in UTC so that every party reads the same time; English keeps the day before the month
 * (en-GB), as its screens always have.
 */
export const utcFormat = (language: string) => {
  const locale = language === 'en' ? 'en-GB' : language;
  return {
    /** An instant with its time of day and "UTC". */
    instant: (value: string | number | Date) => formatDateTime(locale, value, 'UTC'),
    /** A calendar day given as `YYYY-MM-DD`, never shifted by the reader's own zone. */
    day: (value: string) => (Number.isNaN(Date.parse(value)) ? value : formatDate(locale, value, 'UTC')),
    /** A `YYYY-MM-DDTHH:MM` time of day on some zone's wall clock (the caller names the zone). */
    wallClock: (at: string) => formatWallClock(locale, at),
  };
};

/** {@link utcFormat} bound to the language on screen. */
export const useUtcFormat = () => utcFormat(useLanguage().language);
