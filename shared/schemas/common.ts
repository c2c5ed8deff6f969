import { z } from 'zod';
import { fromBase64url } from '../encoding/bytes';

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

/** Lower-case UUID: people, parties, streams (cases and threads), entries, invitations. */
export const Uuid = z.uuid().regex(/^[0-9a-f-]{36}$/, 'must be a lower-case UUID');

/** An instant in UTC with millisecond precision: `2026-11-28T15:20:56.123Z`. */
export const Timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    'must be UTC with milliseconds, e.g. 2026-11-28T15:20:56.123Z',
  );

/** A JSON-safe non-negative integer. */
export const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
