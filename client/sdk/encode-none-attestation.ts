import { type CBORType, encodeCBOR } from '@levischuck/tiny-cbor';

/**
 * The attestation object of a `none` attestation (WebAuthn L3 §8.7):
 * CBOR `{ fmt: 'none', attStmt: {}, authData }`, keys in CTAP2 canonical order.
 */
export const encodeNoneAttestation = (authData: Uint8Array): Uint8Array =>
  encodeCBOR(
    new Map<string | number, CBORType>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', authData],
    ]),
  );
