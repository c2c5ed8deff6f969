/**
 * The fixed people, keys and randomness of test/vectors/entry-v1.json. Used by
 * generate-entry-vectors.ts; run that script, never this module.
 */
import { createHash } from 'node:crypto';
import { type IdentityKeys, identityKeysFromSeeds } from '../../shared/crypto/identity-keys';
import { sodium } from '../../shared/crypto/sodium';

/** The people of the vectors: three recipients and an outsider. */
export const NAMES = ['alice', 'bob', 'carol', 'mallory'] as const;
export type Name = (typeof NAMES)[number];

export const PARTY_A = '1a2b3c4d-0000-4a00-8a00-00000000000a';
export const PARTY_B = '1a2b3c4d-0000-4b00-8b00-00000000000b';

export const PEOPLE: Record<Name, { person: string; party: string }> = {
  alice: { person: 'a11ce000-0000-4000-8000-000000000001', party: PARTY_A },
  bob: { person: 'b0b00000-0000-4000-8000-000000000002', party: PARTY_B },
  carol: { person: '0ca201a0-0000-4000-8000-000000000003', party: PARTY_B },
  mallory: { person: 'e0e00000-0000-4000-8000-000000000004', party: PARTY_B },
};

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Fixed bytes from a label: the first `length` bytes of SHA-256('parley test vector: ' || label). */
export const fixedBytes = (label: string, length = 32): Uint8Array =>
  Uint8Array.from(createHash('sha256').update(`parley test vector: ${label}`).digest().subarray(0, length));

/** The seeds of a vector person's two key pairs. */
export const seedsOf = (name: Name) => ({ sign: fixedBytes(`${name}/sign`), box: fixedBytes(`${name}/box`) });

/** Identity keys of a vector person, from their fixed seeds. */
export const keysOf = (name: Name): IdentityKeys => identityKeysFromSeeds(seedsOf(name).sign, seedsOf(name).box);

/**
 * libsodium's sealed box with a fixed ephemeral key pair: epk || crypto_box_easy(m, nonce, pk, esk)
 * with nonce = BLAKE2b-192(epk || pk). Vectors only: Parley itself calls `crypto_box_seal`, whose
 * ephemeral key is random; `crypto_box_seal_open` opening these boxes checks the format.
 */
export const sealDeterministically = (message: Uint8Array, publicKey: Uint8Array, ephemeralSeed: Uint8Array) => {
  const ephemeral = sodium.crypto_box_seed_keypair(ephemeralSeed);
  const nonce = sodium.crypto_generichash(24, new Uint8Array([...ephemeral.publicKey, ...publicKey]), null);
  const box = sodium.crypto_box_easy(message, nonce, publicKey, ephemeral.privateKey);
  return new Uint8Array([...ephemeral.publicKey, ...box]);
};
