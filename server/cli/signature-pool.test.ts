import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditBundle } from '../../shared/audit/bundle';
import { buildSampleBundle } from '../../shared/audit/sample-bundle';
import { planEntrySignatureChecks } from '../../shared/audit/signature-verdicts';
import { initCrypto } from '../../shared/crypto/sodium';
import { SignaturePool } from './signature-pool';

let bundle: AuditBundle;
const pool = new SignaturePool(2);

beforeAll(async () => {
  await initCrypto();
  bundle = buildSampleBundle();
});

afterAll(async () => {
  await pool.close();
});

describe('SignaturePool', () => {
  it('returns a verdict from a worker for every entry: valid, and invalid for the one whose signature changed', async () => {
    const tampered = structuredClone(bundle);
    const target = tampered.entries[3] as AuditBundle['entries'][number];
    target.signature = `${target.signature[0] === 'A' ? 'B' : 'A'}${target.signature.slice(1)}`;
    const verdicts = await pool.verifyEntrySignatures(JSON.stringify(tampered));
    const answers = planEntrySignatureChecks(tampered.entries, tampered.statements).map((check) =>
      verdicts.verdictOf(check.headerBytes, check.signature, check.signKey),
    );
    expect(answers).toEqual(tampered.entries.map((entry) => entry !== target));
  }, 30_000);

  it('plans nothing for a value that is not a bundle, and leaves it to the verifier', async () => {
    for (const text of ['null', '"text"', '{"entries":"none"}', '[]', '{not JSON']) {
      const verdicts = await pool.verifyEntrySignatures(text);
      const [check] = planEntrySignatureChecks(bundle.entries, bundle.statements);
      expect(check && verdicts.verdictOf(check.headerBytes, check.signature, check.signKey)).toBeUndefined();
    }
  }, 30_000);
});
