/**
 * Strict UTF-8 decoding of bytes from outside (a bundle file, a request body, an API reply): a
 * byte sequence that is not UTF-8 is refused, never repaired with U+FFFD, so one text has one
 * byte form. A leading byte-order mark is kept, for the JSON reader to refuse.
 */
import { utf8String } from './bytes';

/** The outcome of {@link decodeStrictUtf8}. */
export type StrictText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Decodes `bytes` as UTF-8, or says it is not UTF-8 (invalid or overlong sequences, encoded surrogates). */
export const decodeStrictUtf8 = (bytes: Uint8Array): StrictText => {
  try {
    return { ok: true, text: utf8String(bytes) };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8' };
  }
};
