import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64url } from '../encoding/bytes';
import { generateIdentityKeys, identityKeysFromSeeds } from './identity-keys';
import { safetyNumber } from './safety-number';
import { initCrypto } from './sodium';

beforeAll(initCrypto);

const subject = (person: string, keys = generateIdentityKeys()) => ({
  person,
  signKey: toBase64url(keys.signPublicKey),
  boxKey: toBase64url(keys.boxPublicKey),
});

/** The same fingerprint computed independently with node:crypto, for the known answer. */
const referenceDigits = (person: string, signKey: Uint8Array, boxKey: Uint8Array): string => {
  const keys = Buffer.concat([signKey, boxKey]);
  let hash = createHash('sha512')
    .update(Buffer.from([0, 0]))
    .update(keys)
    .update(person)
    .digest();
  for (let round = 1; round < 5200; round++) {
    hash = createHash('sha512').update(hash).update(keys).digest();
  }
  return [0, 1, 2, 3, 4, 5]
    .map((chunk) => String(Number(hash.readUIntBE(chunk * 5, 5) % 100000)).padStart(5, '0'))
    .join('');
};

describe('safetyNumber', () => {
  it('is the same for both people and has 60 digits in 12 groups and a 65-byte QR payload', () => {
    const a = subject('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
    const b = subject('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    const ab = safetyNumber(a, b);
    expect(safetyNumber(b, a)).toEqual(ab);
    expect(ab.digits).toMatch(/^\d{60}$/);
    expect(ab.groups).toHaveLength(12);
    expect(ab.qrPayload).toHaveLength(65);
  });

  it('changes when either key changes', () => {
    const a = subject('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
    const b = subject('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    const before = safetyNumber(a, b).digits;
    expect(safetyNumber(a, subject(b.person)).digits).not.toBe(before);
    expect(safetyNumber(subject(a.person), b).digits).not.toBe(before);
  });

  it('matches an independent node:crypto computation for fixed keys', () => {
    const keysA = identityKeysFromSeeds(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2));
    const keysB = identityKeysFromSeeds(new Uint8Array(32).fill(3), new Uint8Array(32).fill(4));
    const a = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
    const b = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
    const expected = [
      referenceDigits(a, keysA.signPublicKey, keysA.boxPublicKey),
      referenceDigits(b, keysB.signPublicKey, keysB.boxPublicKey),
    ]
      .sort()
      .join('');
    expect(safetyNumber(subject(a, keysA), subject(b, keysB)).digits).toBe(expected);
  });
});
