import { z } from 'zod';
import { fromBase64url } from '../encoding/bytes';
import { countCodePoints, isWellFormedText } from '../encoding/unicode';

const base64urlLength = (bytes: number): number => Math.ceil((bytes * 4) / 3);

const decodes = (text: string): boolean => {
  try {
    fromBase64url(text);
    return true;
  } catch {
    return false;
  }
};

/** Base64url without padding, canonical (strict decoding), of any length up to `maxBytes`. */
export const Base64url = (maxBytes: number) =>
  z
    .string()
    .max(base64urlLength(maxBytes), `must encode at most ${maxBytes} bytes`)
    .regex(/^[A-Za-z0-9_-]*$/, 'must be base64url without padding')
    .refine(decodes, 'must be canonical base64url');

/** Base64url of exactly `bytes` bytes. */
export const FixedBase64url = (bytes: number) =>
  z
    .string()
    .length(base64urlLength(bytes), `must encode exactly ${bytes} bytes`)
    .regex(/^[A-Za-z0-9_-]*$/, 'must be base64url without padding')
    .refine(decodes, 'must be canonical base64url');

/** A SHA-256 hash (entry hash, statement hash, ciphertext hash), base64url. */
export const Hash32 = FixedBase64url(32);

/** A person's key id: 16 bytes derived from their public keys, base64url. */
export const KeyId = FixedBase64url(16);

/**
 * The UUID grammar of docs/PROTOCOL.md §1.1: RFC 9562's layout with version 1 to 8 and variant
 * `10xx`, or the Nil or Max UUID, in lower case only, so one identifier has one text form.
 */
const UUID_GRAMMAR =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/;

/** Lower-case UUID: people, parties, streams (cases and threads), entries, invitations. */
export const Uuid = z.uuid().regex(UUID_GRAMMAR, 'must be a lower-case RFC 9562 UUID');

const TIMESTAMP_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True when the text names a real instant: the date exists and the time is 00:00:00.000 to 23:59:59.999. */
const isRealInstant = (text: string): boolean => {
  const instant = new Date(text);
  // toISOString writes years 0000-9999 as four digits; any field out of range rolls over or is NaN.
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === text;
};

/** An instant in UTC with millisecond precision: `2026-11-28T15:20:56.123Z`. */
export const Timestamp = z
  .string()
  .regex(TIMESTAMP_SHAPE, 'must be UTC with milliseconds, e.g. 2026-11-28T15:20:56.123Z')
  .refine(isRealInstant, 'must be a real instant (month 01-12, a day of that month, 00:00:00.000-23:59:59.999)');

/**
 * Text of `min` to `max` characters, counted as Unicode code points (docs/PROTOCOL.md §1.1), and
 * well-formed: a lone surrogate has no UTF-8 form, so it could be neither signed nor hashed.
 */
export const Text = (min: number, max: number) =>
  z
    .string()
    // Each code point is one or two UTF-16 units: a cheap bound before counting.
    .max(max * 2, `must be at most ${max} characters`)
    .superRefine((text, context) => {
      if (!isWellFormedText(text)) {
        context.addIssue({ code: 'custom', message: 'must be well-formed Unicode (no lone surrogate)' });
        return;
      }
      const count = countCodePoints(text);
      if (count < min || count > max) {
        context.addIssue({
          code: 'custom',
          message: `must be ${min} to ${max} characters (code points), got ${count}`,
        });
      }
    });

/** A list of at most `max` items in which no item appears twice (cases, refs, parties, attachments). */
export const UniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not list the same item twice');

/** A JSON-safe non-negative integer. */
export const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
