/**
 * Dates and numbers the way each language writes them, always with the time zone, through Intl
 * (no hand-written formats: "03/04" means two different days to an American and a Ukrainian).
 */
export const formatDateTime = (language: string, value: Date | string | number, timeZone?: string) =>
  new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(value));

export const formatDate = (language: string, value: Date | string | number, timeZone?: string) =>
  new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(value));

export const formatNumber = (language: string, value: number) => new Intl.NumberFormat(language).format(value);

/** File sizes in the language's units and digits ("50 MB", "50 МБ"). */
export const formatBytes = (language: string, bytes: number) => {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let unit = 0;
  let size = bytes;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(size);
};
