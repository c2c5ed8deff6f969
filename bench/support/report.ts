/** A table of results: the first column names the row (driver, configuration). */
export type Table = { readonly title: string; readonly columns: readonly string[]; readonly rows: readonly string[][] };

/** One target of the issue, checked against a measured median. */
export type TargetCheck = {
  /** Stable id: the key of the hand-written analysis kept across regenerations of RESULTS.md. */
  readonly id: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
  /** By how much it was missed, in words; empty when met. */
  readonly gap: string;
};

/** Where a profiled run spent its CPU time, by self time. */
export type ProfileSummary = {
  readonly label: string;
  readonly sampledMs: number;
  readonly areas: readonly { readonly area: string; readonly ms: number }[];
  readonly functions: readonly { readonly name: string; readonly where: string; readonly ms: number }[];
  /** The raw `.cpuprofile`, for Chrome DevTools or speedscope. */
  readonly file: string;
};

/** One benchmark's results on one database (or on none: the verifier is offline). */
export type Section = {
  readonly id: string;
  readonly title: string;
  /** How it was measured, one line each. */
  readonly method: readonly string[];
  readonly tables: readonly Table[];
  readonly targets: readonly TargetCheck[];
  readonly profiles: readonly ProfileSummary[];
  readonly notes: readonly string[];
};

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Sections of the same benchmark (one per database) as one: tables of the same title share rows. */
export const mergeSections = (sections: readonly Section[]): Section[] => {
  const merged = new Map<string, Section>();
  for (const section of sections) {
    const known = merged.get(section.id);
    if (!known) {
      merged.set(section.id, section);
      continue;
    }
    const tables = [...known.tables];
    for (const table of section.tables) {
      const index = tables.findIndex((candidate) => candidate.title === table.title);
      const same = tables[index];
      if (same) {
        tables[index] = { ...same, rows: [...same.rows, ...table.rows] };
      } else {
        tables.push(table);
      }
    }
    merged.set(section.id, {
      ...known,
      method: unique([...known.method, ...section.method]),
      tables,
      targets: [...known.targets, ...section.targets],
      profiles: [...known.profiles, ...section.profiles],
      notes: unique([...known.notes, ...section.notes]),
    });
  }
  return [...merged.values()];
};

const formatted = (value: number, digits: number) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 1234.5 → "1,235/s" (one decimal below 100). */
export const rate = (perSecond: number): string => `${formatted(perSecond, perSecond < 100 ? 1 : 0)}/s`;
/** Milliseconds with sensible precision. */
export const ms = (value: number): string => `${formatted(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
/** Seconds. */
export const seconds = (value: number): string => `${formatted(value, value < 10 ? 2 : 1)} s`;
/** A ratio as a percentage. */
export const percent = (ratio: number): string => `${formatted(ratio * 100, ratio < 0.1 ? 1 : 0)}%`;
/** Bytes per second in MB/s (10^6 bytes). */
export const mbPerSecond = (bytesPerSecond: number): string => `${formatted(bytesPerSecond / 1e6, 1)} MB/s`;
/** Bytes in MB (10^6 bytes). */
export const megabytes = (bytes: number): string => `${formatted(bytes / 1e6, 1)} MB`;
/** A whole count. */
export const count = (value: number): string => formatted(value, 0);

/** A target that the measured value must reach (`value ≥ limit`). */
export const atLeast = (id: string, target: string, value: number, limit: number, show: (n: number) => string) =>
  check(id, target, value, limit, show, value >= limit, (limit - value) / limit, 'short of');

/** A target that the measured value must not exceed (`value ≤ limit`). */
export const atMost = (id: string, target: string, value: number, limit: number, show: (n: number) => string) =>
  check(id, target, value, limit, show, value <= limit, (value - limit) / limit, 'over');

const check = (
  id: string,
  target: string,
  value: number,
  limit: number,
  show: (n: number) => string,
  met: boolean,
  relativeGap: number,
  word: string,
): TargetCheck => ({
  id,
  target,
  measured: show(value),
  met,
  gap: met ? '' : `${show(value)} is ${percent(relativeGap)} ${word} the target ${show(limit)}`,
});

/** A file size in MiB. */
export const mebibytes = (bytes: number): string =>
  `${formatted(bytes / 1024 / 1024, bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
