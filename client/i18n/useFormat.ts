import { formatBytes, formatDate, formatDateTime, formatNumber } from './format';
import { useLanguage } from './useT';

/** Locale-aware formatters bound to the language on screen. */
export const useFormat = () => {
  const { language } = useLanguage();
  return {
    dateTime: (value: Date | string | number) => formatDateTime(language, value),
    date: (value: Date | string | number) => formatDate(language, value),
    number: (value: number) => formatNumber(language, value),
    bytes: (value: number) => formatBytes(language, value),
  };
};
