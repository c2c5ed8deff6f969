import { formatDate, formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useT';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates of the log and of records in the language on screen. A logged instant is shown in UTC, as
 * before, so that every party reads the same time; a calendar date ("2014-03-14", no time of day)
 * is read in UTC too, so that no zone moves it to the day before.
 */
export const useDisplayDate = () => {
  const { language } = useLanguage();
  return {
    instant: (iso: string) => formatDateTime(language, iso, 'UTC'),
    // A date that is not YYYY-MM-DD (content from an older client) is shown as written, not dropped.
    plainDate: (date: string) => (PLAIN_DATE.test(date) ? formatDate(language, `${date}T00:00:00Z`, 'UTC') : date),
  };
};
