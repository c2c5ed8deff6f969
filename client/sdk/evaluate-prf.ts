import { createHash, createHmac } from 'node:crypto';

/** PRF inputs (salts) for one ceremony, as raw bytes. */
export type PrfInputs = { first: Uint8Array; second?: Uint8Array };

/** PRF outputs for one ceremony: 32 bytes for each input given. */
export type PrfOutputs = { first: Uint8Array; second?: Uint8Array };

const PRF_CONTEXT = new TextEncoder().encode('WebAuthn PRF');

/** The CTAP `hmac-secret` salt a browser derives from a PRF input (WebAuthn L3 §10.1.4). */
const hmacSecretSalt = (input: Uint8Array): Uint8Array =>
  createHash('sha256')
    .update(PRF_CONTEXT)
    .update(new Uint8Array([0]))
    .update(input)
    .digest();

const evaluateOne = (secret: Uint8Array, input: Uint8Array): Uint8Array =>
  new Uint8Array(createHmac('sha256', secret).update(hmacSecretSalt(input)).digest());

/**
 * Evaluates a credential's PRF as a browser does on top of CTAP `hmac-secret`:
 * HMAC-SHA-256(secret, SHA-256("WebAuthn PRF" ‖ 0x00 ‖ input)) for each input.
 */
export const evaluatePrf = (secret: Uint8Array, inputs: PrfInputs): PrfOutputs => {
  const first = evaluateOne(secret, inputs.first);
  return inputs.second === undefined ? { first } : { first, second: evaluateOne(secret, inputs.second) };
};
