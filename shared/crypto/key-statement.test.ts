import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../schemas/key-statement';
import { generateIdentityKeys, type IdentityKeys, identityKeysFromSeeds } from './identity-keys';
import { keyStatementBytes, keyStatementHash, signKeyStatement, verifyStatementSignature } from './key-statement';
import { initCrypto, sodium } from './sodium';

const PERSON = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

let keys: IdentityKeys;
let statement: KeyStatement;

beforeAll(async () => {
  await initCrypto();
  keys = identityKeysFromSeeds(new Uint8Array(32).fill(7), new Uint8Array(32).fill(8));
  statement = {
    v: 1,
    kind: 'enrol',
    person: PERSON,
    party: '11111111-1111-4111-8111-111111111111',
    role: 'admin',
    name: 'Ada',
    seq: 1,
    prevHash: '',
    keyId: keys.keyId,
    signKey: toBase64url(keys.signPublicKey),
    boxKey: toBase64url(keys.boxPublicKey),
    issuedAt: '2026-11-28T15:00:00.000Z',
    authority: 'bootstrap',
    invitation: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  };
});

const sign = (signer = keys) => signKeyStatement(statement, { person: PERSON, ...signer });

describe('key statement signatures', () => {
  it('sign the tagged canonical statement: members sorted, no whitespace', () => {
    const canonical = JSON.stringify(
      Object.fromEntries(Object.entries(statement).sort(([a], [b]) => (a < b ? -1 : 1))),
    );
    expect(new TextDecoder().decode(keyStatementBytes(statement))).toBe(canonical);
    const signature = sign();
    expect(signature).toMatchObject({ signer: PERSON, keyId: keys.keyId });
    const tagged = Buffer.concat([Buffer.from('parley/key-statement/v1\0'), Buffer.from(canonical)]);
    expect(sodium.crypto_sign_verify_detached(fromBase64url(signature.signature), tagged, keys.signPublicKey)).toBe(
      true,
    );
  });

  it('verify under the signing key only, and not for an altered statement', () => {
    const signature = sign();
    expect(verifyStatementSignature(statement, signature, keys.signPublicKey)).toBe(true);
    expect(verifyStatementSignature(statement, signature, generateIdentityKeys().signPublicKey)).toBe(false);
    expect(verifyStatementSignature({ ...statement, name: 'Eve' }, signature, keys.signPublicKey)).toBe(false);
    expect(verifyStatementSignature({ ...statement, seq: 2 }, signature, keys.signPublicKey)).toBe(false);
  });

  it('never throws on a malformed signature or key', () => {
    const signature = sign();
    expect(verifyStatementSignature(statement, { ...signature, signature: '!!' }, keys.signPublicKey)).toBe(false);
    expect(verifyStatementSignature(statement, { ...signature, signature: 'AAAA' }, keys.signPublicKey)).toBe(false);
    expect(verifyStatementSignature(statement, signature, new Uint8Array(31))).toBe(false);
  });
});

describe('keyStatementHash', () => {
  it('is SHA-256 of the tag, a zero byte and the canonical { statement, signatures } (checked with node:crypto)', () => {
    const signed: SignedKeyStatement = { statement, signatures: [sign()] };
    const canonicalSignature = `{"keyId":"${keys.keyId}","signature":"${signed.signatures[0]?.signature}","signer":"${PERSON}"}`;
    const canonical = `{"signatures":[${canonicalSignature}],"statement":${new TextDecoder().decode(keyStatementBytes(statement))}}`;
    const expected = createHash('sha256')
      .update('parley/key-statement-hash/v1\0')
      .update(canonical)
      .digest('base64url');
    expect(keyStatementHash(signed)).toBe(expected);
    // Fixed seeds and deterministic Ed25519 (RFC 8032) give a fixed hash: any format change shows here.
    expect(keyStatementHash(signed)).toBe('BKtNV630VA_8cVyIx4pteZwuXPRhEJyM_oCVCuHFn3A');
  });

  it('ignores members other than statement and signatures, and covers every signature', () => {
    const signed: SignedKeyStatement = { statement, signatures: [sign()] };
    const row = { ...signed, position: 7, hash: 'x' } as SignedKeyStatement;
    expect(keyStatementHash(row)).toBe(keyStatementHash(signed));
    const other = { statement, signatures: [sign(), sign(generateIdentityKeys())] };
    expect(keyStatementHash(other)).not.toBe(keyStatementHash(signed));
  });
});
