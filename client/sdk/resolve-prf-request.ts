import type { AuthenticationExtensionsClientInputs } from '@simplewebauthn/server';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { PrfInputs } from './evaluate-prf';
import { WebAuthnError } from './webauthn-error';

/** Whether a ceremony asked for the PRF extension, and with which inputs. */
export type PrfRequest = { isRequested: false } | { isRequested: true; inputs?: PrfInputs };

/** PRF values arrive as bytes (what a page passes) or base64url (WebAuthn L3 `*JSON` options). */
const toBytes = (value: unknown, what: string): Uint8Array => {
  if (typeof value === 'string') {
    return fromBase64url(value);
  }
  if (value instanceof ArrayBuffer) {
    return new Uint8Array(value.slice(0));
  }
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  }
  // A salt serialised through JSON as {"0":43,...} (SimpleWebAuthn #694) ends up here.
  throw new TypeError(`PRF ${what} must be bytes or a base64url string`);
};

const toInputs = (values: unknown, what: string): PrfInputs => {
  const { first, second } = (values ?? {}) as { first?: unknown; second?: unknown };
  const firstBytes = toBytes(first, `${what}.first`);
  return second === undefined
    ? { first: firstBytes }
    : { first: firstBytes, second: toBytes(second, `${what}.second`) };
};

/**
 * Works out the PRF request of one ceremony. Inputs passed to the method (`override`) win, and
 * imply the extension is requested; otherwise `extensions.prf.eval`, or at assertion
 * `evalByCredential[credentialId]`, is used.
 *
 * @param context `credentialId`: base64url id of the credential being asserted (absent at registration).
 * @throws {WebAuthnError} `NotSupportedError` for `evalByCredential` at registration or without an allow list.
 */
export const resolvePrfRequest = (
  extensions: AuthenticationExtensionsClientInputs | undefined,
  override: PrfInputs | undefined,
  context: { credentialId?: string; hasAllowList: boolean },
): PrfRequest => {
  const prf = extensions?.prf;
  if (override) {
    return { isRequested: true, inputs: override };
  }
  if (!prf) {
    return { isRequested: false };
  }
  const byCredential = prf.evalByCredential ?? {};
  if (Object.keys(byCredential).length > 0 && !context.hasAllowList) {
    throw new WebAuthnError('NotSupportedError', 'PRF evalByCredential needs a non-empty allowCredentials');
  }
  const values = context.credentialId === undefined ? undefined : byCredential[context.credentialId];
  if (values !== undefined) {
    return { isRequested: true, inputs: toInputs(values, `evalByCredential.${context.credentialId}`) };
  }
  return prf.eval === undefined ? { isRequested: true } : { isRequested: true, inputs: toInputs(prf.eval, 'eval') };
};
