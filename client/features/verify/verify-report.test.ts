import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditBundle } from '../../../shared/audit/bundle';
import { buildSampleBundle, sampleVerifierKey } from '../../../shared/audit/sample-bundle';
import { verifyBundle } from '../../../shared/audit/verify-bundle';
import { initCrypto } from '../../../shared/crypto/sodium';
import { checkOfReason, type EntryRow } from './entry-rows';
import { buildVerifyReport } from './verify-report';

let bundle: AuditBundle;
let pinned: string;

beforeAll(async () => {
  await initCrypto();
  bundle = buildSampleBundle({ ciphertext: true });
  pinned = sampleVerifierKey();
});

const reportOf = (changed: AuditBundle) => buildVerifyReport(changed, verifyBundle(changed, pinned));

/** A copy of the sample bundle with `change` applied. */
const changed = (change: (copy: AuditBundle) => void): AuditBundle => {
  const copy = structuredClone(bundle);
  change(copy);
  return copy;
};

const statesOf = (row: EntryRow | undefined) =>
  row ? Object.fromEntries(Object.entries(row.checks).map(([name, check]) => [name, check.state])) : undefined;

const ALL_VALID = { signature: 'valid', key: 'valid', chain: 'valid', inclusion: 'valid', record: 'valid' };

/** The index in `entries` of the last entry of some stream: changing it breaks no successor's link. */
const lastOfAStream = (entries: AuditBundle['entries']): number => {
  const heads = new Map<string, number>();
  for (const [index, entry] of entries.entries()) {
    heads.set(entry.header.stream, index);
  }
  return [...heads.values()][0] ?? -1;
};

const flipMiddle = (text: string): string => {
  const at = Math.floor(text.length / 2);
  return `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
};

describe('the verification report', () => {
  it('shows every entry, checkpoint and consistency proof of a sound bundle as valid, with author names', () => {
    const report = reportOf(bundle);
    expect(report.ok).toBe(true);
    expect(report.entries).toHaveLength(bundle.entries.length);
    expect(report.entries.map(statesOf)).toEqual(bundle.entries.map(() => ALL_VALID));
    expect(report.entries.map((row) => row.leafIndex)).toEqual(bundle.entries.map((entry) => entry.leafIndex));
    expect(report.failingEntries).toBe(0);
    expect(report.checkpoints.map((row) => [row.size, row.state])).toEqual([
      ['5', 'valid'],
      ['8', 'valid'],
      ['12', 'valid'],
    ]);
    expect(report.consistency.map((row) => [row.from, row.to, row.state])).toEqual([
      ['5', '8', 'valid'],
      ['8', '12', 'valid'],
    ]);
    expect(report.otherFailures).toEqual([]);
    const author = bundle.entries[0]?.header.author.person ?? '';
    expect(report.names.get(author)).toMatch(/\S/);
  });

  it('names exactly the entry whose signature was changed, failing its signature and inclusion', () => {
    const index = lastOfAStream(bundle.entries);
    const report = reportOf(
      changed((copy) => {
        const entry = copy.entries[index];
        if (entry) {
          entry.signature = flipMiddle(entry.signature);
        }
      }),
    );
    const failing = report.entries.filter((row) => row.failures.length > 0);
    expect(failing.map((row) => row.leafIndex)).toEqual([bundle.entries[index]?.leafIndex]);
    expect(statesOf(failing[0])).toEqual({ ...ALL_VALID, signature: 'invalid', inclusion: 'invalid' });
    expect(report.failingEntries).toBe(1);
    expect(report.otherFailures).toEqual([]);
  });

  it('fails the chain of the successor of a removed entry, and only there', () => {
    const report = reportOf(changed((copy) => copy.entries.splice(1, 1)));
    const removed = bundle.entries[1]?.header;
    const failing = report.entries.filter((row) => row.failures.length > 0);
    expect(failing.map((row) => [row.header?.stream, row.header?.seq])).toEqual([
      [removed?.stream, (removed?.seq ?? 0) + 1],
    ]);
    expect(statesOf(failing[0])).toEqual({ ...ALL_VALID, chain: 'invalid' });
    const chain = failing[0]?.checks.chain;
    expect(chain?.state === 'invalid' ? chain.reasons.join() : '').toMatch(/^seq \d+ is missing from the bundle/);
  });

  it('marks signatures unchecked and keys invalid when the bundle carries no key statements', () => {
    const report = reportOf(changed((copy) => copy.statements.splice(0)));
    for (const row of report.entries) {
      // Since issue 11 the verifier also checks every recipient against the directory: with no
      // statements none is bound, which this page counts against the record.
      expect(statesOf(row)).toEqual({ ...ALL_VALID, signature: 'unchecked', key: 'invalid', record: 'invalid' });
      const { reasons = [] } = row.checks.record as { reasons?: string[] };
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) {
        expect(reason).toMatch(/^sealed to .*, which the directory does not bind to them$/);
      }
    }
    // The leaf list shows each key statement the bundle left out.
    expect(report.otherFailures.length).toBeGreaterThan(0);
    for (const { subject } of report.otherFailures) {
      expect(subject).toMatch(/^statement \S+ \(leaf \d+\)$/);
    }
  });

  it('fails a checkpoint with a bad signature and leaves the proofs beside it unchecked', () => {
    const report = reportOf(
      changed((copy) => {
        copy.checkpoints[1] = copy.checkpoints[1]?.replace(
          / (\S)(\S+)\n$/,
          (_, first: string, rest: string) => ` ${first === 'A' ? 'B' : 'A'}${rest}\n`,
        ) as string;
      }),
    );
    expect(report.checkpoints.map((row) => row.state)).toEqual(['valid', 'invalid', 'valid']);
    expect(report.consistency.map((row) => row.state)).toEqual(['unchecked', 'unchecked']);
    expect(report.entries.map(statesOf)).toEqual(bundle.entries.map(() => ALL_VALID));
  });

  it('refuses nothing it cannot read: a non-bundle has no rows and one failure', () => {
    const report = buildVerifyReport({ format: 'other' }, verifyBundle({ format: 'other' }, pinned));
    expect(report.entries).toEqual([]);
    expect(report.otherFailures.map((failure) => failure.subject)).toEqual(['bundle']);
  });

  it('sorts the verifier’s reasons into the checks they concern', () => {
    expect(checkOfReason('not included at leaf 4 under checkpoint 11: root mismatch')).toBe('inclusion');
    expect(checkOfReason('not proven in the log: the last checkpoint does not verify')).toBe('inclusion');
    expect(checkOfReason("the signature does not verify under the author's key abc")).toBe('signature');
    expect(checkOfReason('key abc was not valid at leaf 9: published at leaf 2, ended at leaf 5 (rotate)')).toBe('key');
    expect(checkOfReason('a reviewer may not write a letter')).toBe('key');
    expect(checkOfReason('an admin may not write a letter')).toBe('key');
    expect(checkOfReason('prevHash abc is not the hash of seq 2 (def)')).toBe('chain');
    expect(checkOfReason('is at leaf 3, not after seq 1 at leaf 5')).toBe('chain');
    expect(checkOfReason('ciphertext does not match the ciphertextHash the author signed')).toBe('record');
  });
});
