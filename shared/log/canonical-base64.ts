/** Standard base64 (RFC 4648 §4, padded), as signed notes and checkpoints use it. */
import { base64 } from '@scure/base';

const BASE64_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as standard padded base64. */
export const encodeBase64 = (bytes: Uint8Array): string => base64.encode(bytes);

/**
 * Decodes standard padded base64 only in its canonical form, the one {@link encodeBase64}
 * writes: no whitespace, no missing or extra padding, no non-zero bits in the last character.
 * Each byte string then has exactly one text form, so a signed text cannot be re-encoded into a
 * different but equally valid one. Undefined for anything else.
 */
export const decodeCanonicalBase64 = (text: string): Uint8Array | undefined => {
  if (!BASE64_SHAPE.test(text)) {
    return undefined;
  }
  try {
    const bytes = base64.decode(text);
    return base64.encode(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
};
