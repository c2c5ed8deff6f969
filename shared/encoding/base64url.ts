/**
 * Unpadded base64url (RFC 4648 §5), strict: the one encoding of every byte field on the wire.
 *
 * `@scure/base` is the reference, and where the runtime has a native codec (Node's `Buffer`, or
 * `Uint8Array.fromBase64` in current browsers) that is used instead: a reader decodes every
 * signature, key and ciphertext, and the JavaScript codec was a tenth of the SDK's time reading
 * a case. Native decoders are lenient (they skip whitespace and unknown characters, take either
 * alphabet and padding), so a text is accepted only when re-encoding its bytes gives the same
 * text back: exactly the texts the strict reference accepts.
 */
import { base64urlnopad } from '@scure/base';

/** A pair of codec functions; `decode` may be lenient, see {@link strictCodec}. */
export type Base64urlCodec = {
  readonly encode: (bytes: Uint8Array) => string;
  readonly decode: (text: string) => Uint8Array;
};

type NodeBuffer = Uint8Array & { toString(encoding: 'base64url'): string };
type NodeBufferClass = {
  from(text: string, encoding: 'base64url'): NodeBuffer;
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer;
};
type WithNativeBase64 = {
  fromBase64?: (text: string, options: { alphabet: 'base64url' }) => Uint8Array;
  prototype: { toBase64?: unknown };
};

/** The reference codec, in JavaScript: strict by itself. */
export const scureCodec: Base64urlCodec = { encode: base64urlnopad.encode, decode: base64urlnopad.decode };

/** Node's `Buffer` codec (lenient decode), or undefined outside Node. */
export const nodeBufferCodec = (): Base64urlCodec | undefined => {
  const buffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;
  if (buffer === undefined) {
    return undefined;
  }
  return {
    encode: (bytes) => buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url'),
    // A copy into a plain Uint8Array of its own: a small Buffer is a view into a shared pool.
    decode: (text) => new Uint8Array(buffer.from(text, 'base64url')),
  };
};

/** The TC39 `Uint8Array.fromBase64` / `toBase64` codec (lenient decode), where the runtime has it. */
export const uint8ArrayCodec = (): Base64urlCodec | undefined => {
  const native = Uint8Array as unknown as WithNativeBase64;
  const fromBase64 = native.fromBase64;
  if (typeof fromBase64 !== 'function' || typeof native.prototype.toBase64 !== 'function') {
    return undefined;
  }
  type ToBase64 = (options: { alphabet: 'base64url'; omitPadding: true }) => string;
  return {
    encode: (bytes) =>
      (bytes as Uint8Array & { toBase64: ToBase64 }).toBase64({ alphabet: 'base64url', omitPadding: true }),
    decode: (text) => fromBase64(text, { alphabet: 'base64url' }),
  };
};

/**
 * A lenient codec made strict: a text decodes only if it is the encoding of its own bytes, so
 * padding, whitespace, the other alphabet, stray characters and non-zero trailing bits all fail.
 */
export const strictCodec = (lenient: Base64urlCodec): Base64urlCodec => ({
  encode: lenient.encode,
  decode: (text) => {
    let bytes: Uint8Array;
    try {
      bytes = lenient.decode(text);
    } catch {
      throw new SyntaxError('not unpadded base64url');
    }
    if (lenient.encode(bytes) !== text) {
      throw new SyntaxError('not unpadded base64url in its one canonical form');
    }
    return bytes;
  },
});

/** Below this many characters the reference decodes faster than a native call and its check. */
const SHORT_TEXT = 128;

/**
 * The codec every caller uses: a native one made strict where the runtime has one, the reference
 * for short texts (keys, hashes, signatures) and everywhere else.
 */
export const chooseCodec = (native: Base64urlCodec | undefined): Base64urlCodec => {
  if (native === undefined) {
    return scureCodec;
  }
  const strict = strictCodec(native);
  return {
    encode: native.encode,
    decode: (text) => (text.length < SHORT_TEXT ? scureCodec.decode(text) : strict.decode(text)),
  };
};

export const base64url: Base64urlCodec = chooseCodec(nodeBufferCodec() ?? uint8ArrayCodec());
