import { useTranslation } from 'react-i18next';
import { formatBytes, formatDate, formatDateTime, formatNumber } from './format';

/** Locale-aware formatters bound to the language on screen. */
export const useFormat = () => {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    dateTime: (value: Date | string | number) => formatDateTime(language, value),
    date: (value: Date | string | number) => formatDate(language, value),
    number: (value: number) => formatNumber(language, value),
    bytes: (value: number) => formatBytes(language, value),
  };
};
