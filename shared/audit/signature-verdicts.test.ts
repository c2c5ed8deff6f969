import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEntrySignatureOverBytes } from '../crypto/entry-signature';
import type { SignPublicKey } from '../crypto/identity-keys';
import { initCrypto } from '../crypto/sodium';
import { fromBase64url } from '../encoding/bytes';
import type { AuditBundle } from './bundle';
import { buildSampleBundle, sampleVerifierKey } from './sample-bundle';
import { EntrySignatureVerdicts, planEntrySignatureChecks } from './signature-verdicts';
import { verifyBundle } from './verify-bundle';

let bundle: AuditBundle;
let pinned: string;

beforeAll(async () => {
  await initCrypto();
  bundle = buildSampleBundle();
  pinned = sampleVerifierKey();
});

/** What the worker threads compute: the planned checks, each verified as the verifier would. */
const computedVerdicts = (value: AuditBundle): EntrySignatureVerdicts =>
  new EntrySignatureVerdicts(
    planEntrySignatureChecks(value.entries, value.statements).map((check) => ({
      ...check,
      valid: verifyEntrySignatureOverBytes(
        check.headerBytes,
        check.signature,
        fromBase64url(check.signKey) as SignPublicKey,
      ),
    })),
  );

/** The bundle with one entry changed by `change`. */
const changed = (index: number, change: (entry: AuditBundle['entries'][number]) => void): AuditBundle => {
  const copy = structuredClone(bundle);
  change(copy.entries[index] as AuditBundle['entries'][number]);
  return copy;
};

const flipFirst = (text: string) => `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;

describe('entry signature verdicts', () => {
  it('plans one check per entry of the sample bundle, all valid', () => {
    const checks = planEntrySignatureChecks(bundle.entries, bundle.statements);
    expect(checks).toHaveLength(bundle.entries.length);
    const verdicts = computedVerdicts(bundle);
    for (const check of checks) {
      expect(verdicts.verdictOf(check.headerBytes, check.signature, check.signKey)).toBe(true);
    }
  });

  it('gives exactly the outcome of verification without verdicts, for a valid and every tampered entry', () => {
    const variants: AuditBundle[] = [bundle];
    bundle.entries.forEach((_, index) => {
      variants.push(
        changed(index, (entry) => {
          entry.signature = flipFirst(entry.signature);
        }),
        changed(index, (entry) => {
          entry.header.claimedAt = '2026-11-29T15:20:56.123Z';
        }),
        changed(index, (entry) => {
          entry.header.author.keyId = flipFirst(entry.header.author.keyId);
        }),
        changed(index, (entry) => {
          entry.signature = 'not base64url!';
        }),
      );
    });
    for (const variant of variants) {
      const alone = verifyBundle(variant, pinned);
      const withVerdicts = verifyBundle(variant, pinned, undefined, { signatureVerdicts: computedVerdicts(variant) });
      expect(withVerdicts.ok).toBe(alone.ok);
      expect(withVerdicts.failures).toEqual(alone.failures);
    }
    expect(variants.filter((variant) => !verifyBundle(variant, pinned).ok)).toHaveLength(variants.length - 1);
  });

  it('is trusted for its exact triple: a false verdict fails the entry as a bad signature does', () => {
    const [check] = planEntrySignatureChecks(bundle.entries, bundle.statements);
    if (check === undefined) {
      throw new Error('the sample bundle has entries');
    }
    const signatureVerdicts = new EntrySignatureVerdicts([{ ...check, valid: false }]);
    const result = verifyBundle(bundle, pinned, undefined, { signatureVerdicts });
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      {
        subject: expect.stringMatching(/^entry .* \(leaf \d+, /),
        reason: expect.stringMatching(/^the signature does not verify under the author's key /),
      },
    ]);
  });

  it('is ignored for any other triple: a "valid" verdict cannot vouch for a tampered entry', () => {
    const tampered = changed(1, (entry) => {
      entry.header.claimedAt = '2026-11-29T15:20:56.123Z';
    });
    // Verdicts for the original header bytes, under every key of the bundle, all claiming "valid".
    const checks = planEntrySignatureChecks(bundle.entries, bundle.statements);
    const keys = [...new Set(checks.map(({ signKey }) => signKey))];
    expect(keys.length).toBeGreaterThan(1);
    const forged = checks.flatMap((check) => keys.map((signKey) => ({ ...check, signKey, valid: true })));
    const alone = verifyBundle(tampered, pinned);
    const result = verifyBundle(tampered, pinned, undefined, { signatureVerdicts: new EntrySignatureVerdicts(forged) });
    expect(alone.ok).toBe(false);
    expect(result.failures).toEqual(alone.failures);
    expect(result.failures.map(({ reason }) => reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^the signature does not verify under the author's key /)]),
    );
  });

  it('plans nothing for entries too malformed to canonicalise, leaving them to the verifier', () => {
    const malformed = [
      null,
      'text',
      { header: 'not an object', signature: 'x' },
      { header: { author: { keyId: 'unknown' } }, signature: 'x' },
      { header: { ...bundle.entries[0]?.header, seq: 1.5 }, signature: bundle.entries[0]?.signature },
    ];
    expect(planEntrySignatureChecks(malformed, bundle.statements)).toEqual([]);
    expect(planEntrySignatureChecks(bundle.entries, 'no statements')).toEqual([]);
  });
});
