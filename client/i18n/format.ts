/**
 * Dates and numbers the way each language writes them, always with the time zone, through Intl
 * (no hand-written formats: "03/04" means two different days to an American and a Ukrainian).
 */

// Building an Intl formatter costs far more than using one (a 1,000-entry timeline spent most of
// a second building them): each is built once per language, zone and kind.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const cached = <F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => F): F => {
  let formatter = formatters.get(key) as F | undefined;
  if (formatter === undefined) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
};

/**
 * The Intl locale of a language on screen: English is written day before month (en-GB), as
 * diplomatic texts in English are, and never as "03/04".
 */
const localeOf = (language: string): string => (language === 'en' ? 'en-GB' : language);

export const formatDateTime = (language: string, value: Date | string | number, timeZone?: string) =>
  cached(
    `dateTime ${language} ${timeZone}`,
    () =>
      new Intl.DateTimeFormat(localeOf(language), {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
        ...(timeZone === undefined ? {} : { timeZone }),
      }),
  ).format(new Date(value));

export const formatDate = (language: string, value: Date | string | number, timeZone?: string) =>
  cached(
    `date ${language} ${timeZone}`,
    () =>
      new Intl.DateTimeFormat(localeOf(language), {
        dateStyle: 'medium',
        ...(timeZone === undefined ? {} : { timeZone }),
      }),
  ).format(new Date(value));

export const formatNumber = (language: string, value: number) =>
  cached(`number ${language}`, () => new Intl.NumberFormat(language)).format(value);

/** File sizes in the language's units and digits ("50 MB", "50 МБ"). */
export const formatBytes = (language: string, bytes: number) => {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let unit = 0;
  let size = bytes;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const name = units[unit];
  return cached(
    `bytes ${language} ${name}`,
    () =>
      new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 }),
  ).format(size);
};
