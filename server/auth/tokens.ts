import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: session tokens, invitation tokens, WebAuthn challenges. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** SHA-256 of a token: what the database keeps instead of the token. */
export const hashToken = (token: string): Uint8Array => new Uint8Array(createHash('sha256').update(token).digest());

/** The anti-forgery token of a session, derived from its secret token so nothing more is stored. */
export const csrfTokenFor = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update('parley/csrf/v1').digest('base64url');

/** Constant-time comparison of two strings. */
export const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};
