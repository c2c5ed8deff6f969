import { WebAuthnError } from './webauthn-error';

/** A web origin an authenticator runs in: its serialisation and its host. */
export type WebOrigin = { origin: string; host: string };

const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '[::1]';

/**
 * Parses the origin a software authenticator "runs" in. Browsers offer WebAuthn only in secure
 * contexts, so the origin must be `https:` or a loopback `http:` origin.
 *
 * @throws {WebAuthnError} `SecurityError` for any other origin.
 */
export const parseWebOrigin = (origin: string): WebOrigin => {
  const url = new URL(origin);
  const isSecure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!isSecure) {
    throw new WebAuthnError('SecurityError', `Origin "${origin}" is not a secure context`);
  }
  return { origin: url.origin, host: url.hostname };
};

/**
 * Whether `rpId` may be used from a page on `host`: equal to it or a registrable suffix of it
 * (WebAuthn L3 §5.1.3 step 8). Approximation: the Public Suffix List is not consulted, so a
 * single-label suffix other than `localhost` is refused but a multi-label public suffix such as
 * `co.uk` is accepted.
 */
export const isRpIdValidForHost = (rpId: string, host: string): boolean => {
  if (rpId === host) {
    return true;
  }
  const isRegistrable = rpId.includes('.') || rpId === 'localhost';
  return isRegistrable && host.endsWith(`.${rpId}`);
};
