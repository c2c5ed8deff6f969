import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64url } from '../encoding/bytes';
import { generateIdentityKeys, type IdentityKeys, identityKeysFromSeeds } from './identity-keys';
import { partySafetyNumber, safetyNumber } from './safety-number';
import { initCrypto } from './sodium';

beforeAll(initCrypto);

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const subject = (person: string, keys: IdentityKeys = generateIdentityKeys()) => ({
  person,
  signKey: toBase64url(keys.signPublicKey),
  boxKey: toBase64url(keys.boxPublicKey),
});

/** The fingerprint computed independently with node:crypto SHA-512 and BigInt arithmetic. */
const reference = (person: string, keys: IdentityKeys, party?: string) => {
  const publicKeys = Buffer.concat([keys.signPublicKey, keys.boxPublicKey]);
  const id = party === undefined ? Buffer.from(person, 'utf8') : Buffer.from(`${party}\u0000${person}`, 'utf8');
  let hash = createHash('sha512')
    .update(Buffer.from([0, party === undefined ? 0 : 1]))
    .update(publicKeys)
    .update(id)
    .digest();
  for (let round = 0; round < 5199; round++) {
    hash = createHash('sha512').update(hash).update(publicKeys).digest();
  }
  const digits = [0, 1, 2, 3, 4, 5]
    .map((chunk) => (BigInt(`0x${hash.subarray(chunk * 5, chunk * 5 + 5).toString('hex')}`) % 100000n).toString())
    .map((chunk) => chunk.padStart(5, '0'))
    .join('');
  return { digits, head: hash.subarray(0, 32) };
};

describe('safetyNumber', () => {
  it('is the same for both people: 60 digits in 12 groups of five and a 65-byte QR payload', () => {
    const a = subject(A);
    const b = subject(B);
    const ab = safetyNumber(a, b);
    expect(safetyNumber(b, a)).toEqual(ab);
    expect(ab.digits).toMatch(/^\d{60}$/);
    expect(ab.groups).toHaveLength(12);
    expect(ab.groups.join('')).toBe(ab.digits);
    expect(ab.groups.every((group) => /^\d{5}$/.test(group))).toBe(true);
    expect(ab.qrPayload).toHaveLength(65);
    expect(ab.qrPayload[0]).toBe(0x01);
  });

  it('changes when either signing or box key changes, and with the person id', () => {
    const keysA = generateIdentityKeys();
    const keysB = generateIdentityKeys();
    const before = safetyNumber(subject(A, keysA), subject(B, keysB)).digits;
    expect(safetyNumber(subject(A, keysA), subject(B)).digits).not.toBe(before);
    expect(safetyNumber(subject(A), subject(B, keysB)).digits).not.toBe(before);
    const otherBox = { ...subject(A, keysA), boxKey: subject(A).boxKey };
    expect(safetyNumber(otherBox, subject(B, keysB)).digits).not.toBe(before);
    const otherSign = { ...subject(A, keysA), signKey: subject(A).signKey };
    expect(safetyNumber(otherSign, subject(B, keysB)).digits).not.toBe(before);
    const otherPerson = subject('cccccccc-cccc-4ccc-8ccc-cccccccccccc', keysA);
    expect(safetyNumber(otherPerson, subject(B, keysB)).digits).not.toBe(before);
  });

  it('matches a known answer for fixed keys, cross-checked with node:crypto SHA-512', () => {
    const keysA = identityKeysFromSeeds(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2));
    const keysB = identityKeysFromSeeds(new Uint8Array(32).fill(3), new Uint8Array(32).fill(4));
    const [first, second] = [reference(A, keysA), reference(B, keysB)].sort((x, y) => (x.digits < y.digits ? -1 : 1));
    const result = safetyNumber(subject(A, keysA), subject(B, keysB));
    expect(result.digits).toBe(`${first?.digits}${second?.digits}`);
    expect(result.qrPayload).toEqual(new Uint8Array([1, ...(first?.head ?? []), ...(second?.head ?? [])]));
    expect(result.digits).toBe('904813179446615392889056771783911024542022294987386004957124');
  });

  it('refuses keys of the wrong length', () => {
    expect(() => safetyNumber({ ...subject(A), signKey: 'AAAA' }, subject(B))).toThrow(RangeError);
  });
});

describe('partySafetyNumber', () => {
  const PARTY = '11111111-1111-4111-8111-111111111111';

  it("is the root's fingerprint bound to the party, cross-checked with node:crypto SHA-512", () => {
    const keys = identityKeysFromSeeds(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2));
    const expected = reference(A, keys, PARTY);
    const result = partySafetyNumber(PARTY, subject(A, keys));
    expect(result.digits).toBe(expected.digits);
    expect(result.groups).toHaveLength(6);
    expect(result.qrPayload).toEqual(new Uint8Array([2, ...expected.head]));
  });

  it('differs from the person fingerprint and changes with the party, the root or its keys', () => {
    const keys = generateIdentityKeys();
    const root = subject(A, keys);
    const number = partySafetyNumber(PARTY, root).digits;
    expect(number).not.toBe(reference(A, keys).digits);
    expect(partySafetyNumber('22222222-2222-4222-8222-222222222222', root).digits).not.toBe(number);
    expect(partySafetyNumber(PARTY, subject(B, keys)).digits).not.toBe(number);
    expect(partySafetyNumber(PARTY, subject(A)).digits).not.toBe(number);
  });
});
