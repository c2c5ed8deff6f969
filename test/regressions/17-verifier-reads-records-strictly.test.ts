import { beforeAll, describe, expect, it } from 'vitest';
import { buildSampleBundle, sampleVerifierKey } from '../../shared/audit/sample-bundle';
import { verifyBundle, verifyBundleText } from '../../shared/audit/verify-bundle';
import { initCrypto } from '../../shared/crypto/sodium';

// Found by an independent verifier (issues 12 and 17): `npm run verify` accepted an entry header
// or a statement carrying an own `__proto__` member (zod's record parser dropped it, so the
// strict schemas never saw it), and exited 3 on a lone surrogate in a statement's name.
describe('issue 17: the verifier reads signed records strictly', () => {
  let text: string;
  beforeAll(async () => {
    await initCrypto();
    text = JSON.stringify(buildSampleBundle({ ciphertext: false }));
  });

  const subjectsOf = (changed: string) => {
    const result = verifyBundleText(changed, sampleVerifierKey());
    expect(result.notABundle).toBeUndefined();
    return result.failures.map(({ subject, reason }) => `${subject}: ${reason}`);
  };

  it.each(['__proto__', 'constructor', 'prototype'])('fails the entry whose header has an own %s member', (name) => {
    const changed = text.replace('"header":{', `"header":{"${name}":{"claimedAt":"2020-01-01T00:00:00.000Z"},`);
    expect(subjectsOf(changed)).toContain(
      `entry at leaf 5: breaks the JSON rules: entries[0].header.${name}: member name "${name}" is never allowed`,
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('fails the statement with an own %s member', (name) => {
    const changed = text.replace('"signed":{"statement":{', `"signed":{"statement":{"${name}":{},`);
    expect(subjectsOf(changed)[0]).toBe(
      `statement at leaf 0: breaks the JSON rules: statements[0].signed.statement.${name}: member name "${name}" is never allowed`,
    );
  });

  it('fails, by name, a statement whose name holds a lone surrogate: no exception', () => {
    const changed = text.replace(/"name":"([^"]*)"/, '"name":"$1\\ud800"');
    expect(subjectsOf(changed)[0]).toMatch(/^statement at leaf 0: breaks the JSON rules: .*lone surrogate/);
  });

  it('fails the same records when handed a parsed value, where JSON.parse kept the own member', () => {
    const changed = text.replace('"header":{', '"header":{"__proto__":{"claimedAt":"2020-01-01T00:00:00.000Z"},');
    const result = verifyBundle(JSON.parse(changed), sampleVerifierKey());
    expect(result.failures[0]?.subject).toBe('entry at leaf 5');
  });
});
