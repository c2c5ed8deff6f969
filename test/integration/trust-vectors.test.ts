/**
 * Re-derives every outcome of test/vectors/directory-v1.json and membership-v1.json through
 * shared/ (the directory rules, the membership fold, the recipient rule, the party safety number),
 * and checks the cryptography with code that shares nothing with libsodium or shared/encoding:
 * node:crypto Ed25519 for every statement signature, node:crypto SHA-256 for statement hashes and
 * SHA-512 for party safety numbers, over a canonical-JSON serialiser written here.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { partySafetyNumber } from '../../shared/crypto/safety-number';
import { initCrypto } from '../../shared/crypto/sodium';
import { emptyDirectory } from '../../shared/directory/index';
import { applyLegacyMembership } from '../../shared/membership/legacy-membership';
import { applyMembership, NO_MEMBERSHIP, type StreamMembership } from '../../shared/membership/stream-membership';
import { unexpectedRecipients } from '../../shared/membership/stream-readers';
import type { EntryHeader } from '../../shared/schemas/entry';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { buildDirectoryVectors, type DirectoryVectors, summarise } from '../vectors/generate-directory-vectors';
import { buildMembershipVectors, type MembershipVectors } from '../vectors/generate-membership-vectors';

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T;
const directoryVectors = read<DirectoryVectors>('directory-v1.json');
const membershipVectors = read<MembershipVectors>('membership-v1.json');

// RFC 8785 for the values statements hold (ASCII keys, strings, safe integers): sorted keys, no spaces.
const jcs = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(jcs).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${jcs((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value);
const tagged = (tag: string, message: string | Buffer) =>
  Buffer.concat([Buffer.from(tag), Buffer.from([0]), Buffer.from(message)]);
const b64 = (text: string) => Buffer.from(text, 'base64url');

/** Whether one statement signature verifies under `signKey` (base64url), by node:crypto alone. */
const verifiesIndependently = (signed: SignedKeyStatement, index: number, signKey: string): boolean =>
  verify(
    null,
    tagged('parley/key-statement/v1', jcs(signed.statement)),
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signKey }, format: 'jwk' }),
    b64(signed.signatures[index]?.signature ?? ''),
  );

const independentStatementHash = (signed: SignedKeyStatement): string =>
  createHash('sha256')
    .update(tagged('parley/key-statement-hash/v1', jcs({ statement: signed.statement, signatures: signed.signatures })))
    .digest('base64url');

const signKeyOf = (keyId: string): string => {
  const found = directoryVectors.identities.find((identity) => identity.keyId === keyId);
  if (!found) {
    throw new Error(`no vector identity has key ${keyId}`);
  }
  return found.signPublicKey;
};

beforeAll(initCrypto);

describe('directory-v1.json: party roots', () => {
  it('is exactly what the generator writes (never edited by hand)', async () => {
    expect(await buildDirectoryVectors()).toEqual(directoryVectors);
  });

  it('has every statement signature, signing bytes and hash checked by node:crypto', () => {
    let signatures = 0;
    for (const { steps } of directoryVectors.cases) {
      for (const { signed, signingBytesHex, statementHash, signaturesValid } of steps) {
        expect(Buffer.from(signingBytesHex, 'hex')).toEqual(tagged('parley/key-statement/v1', jcs(signed.statement)));
        expect(independentStatementHash(signed)).toBe(statementHash);
        expect(keyStatementHash(signed)).toBe(statementHash);
        const independent = signed.signatures.map((signature, index) =>
          verifiesIndependently(signed, index, signKeyOf(signature.keyId)),
        );
        expect(independent).toEqual(signaturesValid);
        signatures += independent.length;
      }
    }
    expect(signatures).toBeGreaterThan(80);
  });

  it.each(directoryVectors.cases.map((vector) => [vector.name, vector] as const))(
    '%s: every outcome and the directory it leaves follow from shared/directory',
    (_, vector) => {
      const state = emptyDirectory({ legacyBefore: vector.legacyBefore });
      for (const step of vector.steps) {
        const applied = state.apply(step.signed, step.position);
        expect({ position: step.position, outcome: applied.ok ? 'accepted' : 'refused' }).toEqual({
          position: step.position,
          outcome: step.outcome,
        });
        expect(applied.ok ? undefined : applied.reason).toBe(step.reason);
        // Accepted only with every signature valid: the rules never accept a forged one.
        if (step.outcome === 'accepted') {
          expect(step.signaturesValid.every(Boolean)).toBe(true);
        }
      }
      expect(summarise(state)).toEqual(vector.result);
    },
  );

  it('covers what issue 11 asks: cross-party acts, a second root, thresholds, and both sides of the legacy boundary', () => {
    expect(directoryVectors.cases.map((vector) => vector.name)).toEqual([
      'party-roots',
      'cross-party-enrol',
      'cross-party-endorse',
      'cross-party-rotate',
      'cross-party-revoke',
      'altered-after-signing',
      'second-bootstrap',
      'threshold',
      'legacy-below-boundary',
      'legacy-above-boundary',
    ]);
  });
});

/** The party fingerprint of PROTOCOL.md §7.5, with node:crypto's SHA-512. */
const independentPartyNumber = (party: string, root: { person: string; signKey: string; boxKey: string }) => {
  const keys = Buffer.concat([b64(root.signKey), b64(root.boxKey)]);
  let hash = createHash('sha512')
    .update(Buffer.concat([Buffer.from([0, 1]), keys, Buffer.from(party), Buffer.from([0]), Buffer.from(root.person)]))
    .digest();
  for (let round = 1; round < 5200; round += 1) {
    hash = createHash('sha512')
      .update(Buffer.concat([hash, keys]))
      .digest();
  }
  const digits = Array.from({ length: 6 }, (_, chunk) =>
    String(hash.readUIntBE(chunk * 5, 5) % 100_000).padStart(5, '0'),
  ).join('');
  return { digits, qrPayloadHex: Buffer.concat([Buffer.from([2]), hash.subarray(0, 32)]).toString('hex') };
};

describe('directory-v1.json: party safety numbers', () => {
  it.each(directoryVectors.partySafetyNumbers.map((vector) => [vector.party, vector] as const))(
    'party %s: shared/crypto and node:crypto give the recorded number',
    (_, { party, root, digits, qrPayloadHex }) => {
      const number = partySafetyNumber(party, root);
      expect({ digits: number.digits, qrPayloadHex: Buffer.from(number.qrPayload).toString('hex') }).toEqual({
        digits,
        qrPayloadHex,
      });
      expect(independentPartyNumber(party, root)).toEqual({ digits, qrPayloadHex });
      // Another party id, or another root, gives another number.
      expect(partySafetyNumber(party.replace(/.$/, 'f'), root).digits).not.toBe(digits);
      expect(partySafetyNumber(party, { ...root, person: root.person.replace(/.$/, 'f') }).digits).not.toBe(digits);
    },
  );
});

describe('membership-v1.json: membership by consent and who reads', () => {
  it('is exactly what the generator writes (never edited by hand)', async () => {
    expect(await buildMembershipVectors()).toEqual(membershipVectors);
  });

  it('has a directory whose every signature and hash node:crypto checks', () => {
    for (const { signed, statementHash } of membershipVectors.directory) {
      expect(independentStatementHash(signed)).toBe(statementHash);
      signed.signatures.forEach((signature, index) => {
        expect(verifiesIndependently(signed, index, signKeyOf(signature.keyId))).toBe(true);
      });
    }
  });

  it.each(membershipVectors.cases.map((vector) => [vector.name, vector] as const))(
    '%s: every membership outcome and recipient problem follows from shared/membership',
    (_, vector) => {
      const directory = emptyDirectory({ legacyBefore: vector.legacyBefore });
      for (const { signed, position } of membershipVectors.directory) {
        expect(directory.apply(signed, position).ok).toBe(true);
      }
      let state: StreamMembership = NO_MEMBERSHIP;
      for (const step of vector.entries) {
        const header = step.header as unknown as EntryHeader;
        const fold = step.position < vector.legacyBefore ? applyLegacyMembership : applyMembership;
        const applied = fold(state, header, step.entryHash);
        // Who reads an entry: the members before it; for the opening entry, the members it names.
        const members = header.seq === 1 && applied.ok ? applied.state.members : state.members;
        state = applied.ok ? applied.state : state;
        expect({
          outcome: applied.ok ? 'accepted' : 'refused',
          ...(applied.ok ? {} : { reason: applied.reason }),
          membersAfter: [...state.members].sort(),
          pending: state.pending.map((proposal) => ({ hash: proposal.hash, consents: [...proposal.consents].sort() })),
        }).toEqual(step.membership);
        expect(unexpectedRecipients(header, members, directory, step.position)).toEqual(step.recipientProblems);
      }
    },
  );

  it('covers what issue 11 asks, with refusals and named recipients among them', () => {
    const steps = membershipVectors.cases.flatMap((vector) => vector.entries);
    expect(membershipVectors.cases.map((vector) => vector.name)).toEqual([
      'add-without-consent',
      'consent-completing',
      'consent-twice',
      'leave',
      'remove-without-consent',
      'recipients-outside-members',
      'disclosure-grantee',
      'legacy-membership',
    ]);
    expect(steps.filter((step) => step.membership.outcome === 'refused').length).toBeGreaterThanOrEqual(5);
    expect(steps.filter((step) => step.recipientProblems.length > 0).length).toBeGreaterThanOrEqual(5);
  });
});
