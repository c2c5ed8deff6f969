/**
 * Text and choice fields shared by the content schemas. Content is canonical JSON
 * (docs/PROTOCOL.md §1.2): strings and integers only, so yes/no facts are enums, not booleans,
 * and no schema transforms or defaults a value (what is parsed is exactly what was signed).
 */
import { z } from 'zod';

/** A name, label or subject line: 1–200 characters. */
export const ShortText = z.string().min(1).max(200);

/** A paragraph: 1–4,000 characters. */
export const MediumText = z.string().min(1).max(4000);

/** A letter body, minutes or notes: 1–200,000 characters (an entry holds at most 1 MiB). */
export const LongText = z.string().min(1).max(200_000);

/** A yes/no fact, spelled out because canonical JSON carries no booleans. */
export const YesNo = z.enum(['yes', 'no']);
export type YesNo = z.infer<typeof YesNo>;

/** A yes/no fact that may not be known yet. */
export const YesNoUnknown = z.enum(['yes', 'no', 'unknown']);
export type YesNoUnknown = z.infer<typeof YesNoUnknown>;

/** ISO 3166-1 alpha-2 country code: `UA`, `RU`, `QA`. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

/** Whether no two items of a list share a key. */
export const isUniqueBy = <T>(items: readonly T[], keyOf: (item: T) => string | number): boolean =>
  new Set(items.map(keyOf)).size === items.length;
