import { beforeAll, describe, expect, it } from 'vitest';
import { computeEntryHash } from '../crypto/entry-bytes';
import { initCrypto } from '../crypto/sodium';
import { AuditBundle, parseAuditBundle } from './bundle';
import type { BundleFailure } from './failures';
import { buildSampleBundle, SAMPLE_ORIGIN, sampleVerifierKey, signSampleCheckpoint } from './sample-bundle';
import { describeStreams } from './stream-ranges';
import { verifyBundle } from './verify-bundle';

let sample: AuditBundle;
let pinned: string;

beforeAll(async () => {
  await initCrypto();
  sample = buildSampleBundle();
  pinned = sampleVerifierKey();
});

/** A deep copy, as a reader of the JSON file would see it. */
const copy = (): AuditBundle => JSON.parse(JSON.stringify(sample)) as AuditBundle;
const subjects = (failures: readonly BundleFailure[]) => failures.map((failure) => failure.subject);
const entryAt = (bundle: AuditBundle, streamKind: string, seq: number) => {
  const found = bundle.entries.find((item) => item.header.streamKind === streamKind && item.header.seq === seq);
  if (found === undefined) {
    throw new Error(`no ${streamKind} seq ${seq}`);
  }
  return found;
};

describe('verifyBundle on an honest bundle', () => {
  it('verifies the sample log and summarises it', () => {
    expect(AuditBundle.safeParse(sample).success).toBe(true);
    const result = verifyBundle(copy(), pinned);
    expect(result.failures).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      summary: {
        scope: { kind: 'log' },
        origin: SAMPLE_ORIGIN,
        logKey: pinned,
        treeSize: 12,
        checkpoints: 3,
        statements: 6,
        entries: 6,
        ciphertexts: 6,
        streams: 2,
        leaves: 12,
        directoryComplete: true,
        directoryProvenBy: ['leaves', 'count'],
        legacyBefore: 0,
      },
    });
  });

  it('verifies headers without ciphertexts, proving the directory complete by the key-statements count alone', () => {
    const result = verifyBundle(buildSampleBundle({ ciphertext: false, leaves: false }), pinned, SAMPLE_ORIGIN);
    expect(result).toMatchObject({
      ok: true,
      summary: { ciphertexts: 0, leaves: null, directoryComplete: true, directoryProvenBy: ['count'] },
    });
    expect(result.notes).toEqual([]);
  });

  it('says when directory completeness is not proven: no leaf list, and checkpoints signed before the count', () => {
    const uncounted = buildSampleBundle({ leaves: false, counted: false });
    const result = verifyBundle(uncounted, pinned, SAMPLE_ORIGIN);
    expect(result).toMatchObject({
      ok: true,
      summary: { leaves: null, directoryComplete: false, directoryProvenBy: [] },
    });
    expect(result.notes).toEqual([expect.stringContaining('not proven')]);
    const listed = verifyBundle(buildSampleBundle({ counted: false }), pinned, SAMPLE_ORIGIN);
    expect(listed).toMatchObject({ ok: true, summary: { directoryProvenBy: ['leaves'] } });
  });

  it('verifies a bundle holding only part of each stream, from a stated starting point', () => {
    const bundle = copy();
    bundle.entries = bundle.entries.filter((item) => item.header.seq >= 2);
    bundle.streams = describeStreams(bundle.entries.map((item) => item.header));
    expect(bundle.streams.every((range) => range.firstSeq === 2 && range.prevHash !== '')).toBe(true);
    // Of the whole log, the leaf list shows every entry left out; of a party's correspondence, it cannot.
    expect(subjects(verifyBundle(bundle, pinned).failures)).toEqual([
      expect.stringMatching(/^entry .* \(leaf \d+\)$/),
      expect.stringMatching(/^entry .* \(leaf \d+\)$/),
    ]);
    bundle.scope = { kind: 'party', id: bundle.entries[0]?.header.author.party ?? '' };
    expect(verifyBundle(bundle, pinned)).toMatchObject({ ok: true, failures: [] });
  });

  it('trusts only the pinned key: a bundle naming another log key only earns a note', () => {
    const bundle = copy();
    bundle.logKey = sampleVerifierKey('someone else');
    const result = verifyBundle(bundle, pinned);
    expect(result.ok).toBe(true);
    expect(result.notes).toEqual([expect.stringContaining('only the pinned key')]);
  });
});

describe('verifyBundle on a tampered bundle', () => {
  it('fails everything under a wrong pinned key', () => {
    const result = verifyBundle(copy(), sampleVerifierKey('wrong'));
    expect(result.ok).toBe(false);
    const named = subjects(result.failures);
    for (const size of [5, 8, 12]) {
      expect(named).toContain(`checkpoint ${size}`);
    }
    for (const { leafIndex } of [...sample.statements, ...sample.entries]) {
      expect(named.some((subject) => new RegExp(`leaf ${leafIndex}\\b`).test(subject))).toBe(true);
    }
    expect(result.summary.treeSize).toBeNull();
  });

  it('fails under another expected origin, and refuses an invalid pinned key', () => {
    expect(subjects(verifyBundle(copy(), pinned, 'other.example/log').failures)).toContain('bundle');
    const broken = verifyBundle(copy(), 'not a key');
    expect(broken).toMatchObject({ ok: false, failures: [{ subject: 'log key' }] });
  });

  it('names a removed entry by its seq and by the hash its successor links to', () => {
    const bundle = copy();
    const removed = entryAt(bundle, 'thread', 2);
    const removedHash = computeEntryHash(removed.header, removed.signature);
    bundle.entries = bundle.entries.filter((item) => item !== removed);
    const result = verifyBundle(bundle, pinned);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      {
        subject: `entry ${removedHash} (leaf ${removed.leafIndex})`,
        reason: 'the log has this entry but the bundle of the whole log does not carry it',
      },
      {
        subject: `stream ${removed.header.stream}`,
        reason: expect.stringMatching(new RegExp(`seq 2 is missing.*${removedHash}`)),
      },
    ]);
  });

  it('names a removed last entry, entries out of their listed range, and unlisted streams', () => {
    const bundle = copy();
    const last = entryAt(bundle, 'case', 2);
    bundle.entries = bundle.entries.filter((item) => item !== last);
    expect(verifyBundle(bundle, pinned).failures).toEqual([
      {
        subject: `entry ${computeEntryHash(last.header, last.signature)} (leaf ${last.leafIndex})`,
        reason: expect.stringContaining('does not carry it'),
      },
      { subject: `stream ${last.header.stream}`, reason: expect.stringContaining('seq 2 is missing') },
    ]);
    const unlisted = copy();
    unlisted.streams = unlisted.streams.filter((range) => range.streamKind === 'thread');
    expect(verifyBundle(unlisted, pinned).failures.map((failure) => failure.reason)).toEqual([
      expect.stringContaining('not listed'),
      expect.stringContaining('not listed'),
    ]);
    const short = copy();
    short.streams = short.streams.map((range) => ({ ...range, lastSeq: range.lastSeq - 1 }));
    expect(verifyBundle(short, pinned).failures).toHaveLength(2);
  });

  it('names an entry listed twice', () => {
    const bundle = copy();
    const [first] = bundle.entries;
    bundle.entries.push(structuredClone(first as AuditBundle['entries'][number]));
    expect(verifyBundle(bundle, pinned).failures).toEqual([
      { subject: expect.stringMatching(/^entry .*leaf 5,/), reason: 'leaf 5 is listed twice' },
    ]);
  });

  it('names a left-out key statement when the leaf list proves the directory incomplete', () => {
    const bundle = copy();
    const rotation = bundle.statements.find((item) => item.signed.statement.kind === 'rotate');
    bundle.statements = bundle.statements.filter((item) => item !== rotation);
    const result = verifyBundle(bundle, pinned);
    expect(result.failures[0]).toMatchObject({
      subject: expect.stringMatching(/^statement .* \(leaf 8\)$/),
      reason: expect.stringContaining('key directory is incomplete'),
    });
    // The entries signed with the rotated-to key now have an unknown author key.
    const unknownKey = result.failures.filter((failure) =>
      failure.reason.includes('not in the verified key directory'),
    );
    expect(unknownKey.map((failure) => failure.subject)).toEqual([expect.stringMatching(/leaf 9,/)]);
    expect(result.summary.directoryComplete).toBe(false);
  });

  it('names a left-out key statement by the count of the last checkpoint when there is no leaf list', () => {
    const { leaves: _leaves, ...bundle } = copy();
    const rotation = bundle.statements.find((item) => item.signed.statement.kind === 'rotate');
    bundle.statements = bundle.statements.filter((item) => item !== rotation);
    const result = verifyBundle(bundle, pinned);
    // Reported once, in aggregate: only a leaf list could say which leaf; the count proves one is missing.
    expect(result.failures.filter((failure) => failure.subject === 'statements')).toEqual([
      {
        subject: 'statements',
        reason:
          'checkpoint 12 counts 6 key statements but the bundle proves 5: 1 are left out, so the key directory is incomplete',
      },
    ]);
    expect(result.failures.some((failure) => failure.subject.startsWith('checkpoint'))).toBe(false);
    expect(result.summary).toMatchObject({ directoryComplete: false, directoryProvenBy: [] });
  });

  it('names a checkpoint whose key-statements count its tree contradicts: the log signed a wrong count', () => {
    const recount = (bundle: AuditBundle, index: number, count: number) => {
      const [, size = '', root = ''] = (bundle.checkpoints[index] ?? '').split('\n');
      const rootHash = Uint8Array.from(atob(root), (char) => char.charCodeAt(0));
      bundle.checkpoints[index] = signSampleCheckpoint(Number(size), rootHash, 'log', count);
    };
    const undercounted = copy();
    recount(undercounted, 0, 4); // 5 statements at leaves 0–4
    const overcounted = copy();
    recount(overcounted, 1, 6); // still 5 below leaf 8: the rotation is leaf 8
    for (const [bundle, subject] of [
      [undercounted, 'checkpoint 5'],
      [overcounted, 'checkpoint 8'],
    ] as const) {
      // With the leaf list every statement leaf is known; without it, the proven statements are all of them.
      const { leaves: _leaves, ...leafless } = bundle;
      for (const form of [bundle, leafless]) {
        expect(verifyBundle(form, pinned).failures).toEqual([
          {
            subject,
            reason: expect.stringMatching(
              /^counts \d key statements, but its tree holds 5: the log signed a wrong count$/,
            ),
          },
        ]);
      }
    }
    // An anchor that counts fewer statements than the bundle proves is caught without knowing them all.
    const anchorShort = copy();
    recount(anchorShort, 2, 5);
    const { leaves: _leaves, ...leafless } = anchorShort;
    expect(verifyBundle(leafless, pinned).failures).toEqual([
      {
        subject: 'checkpoint 12',
        reason: 'counts 5 key statements, but its tree holds at least 6: the log signed a wrong count',
      },
    ]);
  });

  it('refuses checkpoints out of order, missing consistency proofs and a truncated leaf list', () => {
    const swapped = copy();
    swapped.checkpoints = [swapped.checkpoints[1], swapped.checkpoints[0], swapped.checkpoints[2]] as string[];
    expect(subjects(verifyBundle(swapped, pinned).failures)).toContain('checkpoint 5');
    const unproven = copy();
    unproven.consistency = unproven.consistency.slice(1);
    expect(subjects(verifyBundle(unproven, pinned).failures)).toEqual([
      'bundle',
      'consistency 5 -> 8',
      'consistency 8 -> 12',
    ]);
    const truncated = copy();
    truncated.leaves = truncated.leaves?.slice(0, -1);
    expect(subjects(verifyBundle(truncated, pinned).failures)).toEqual(['leaves']);
  });

  it('proves nothing when the last checkpoint is signed by another key', () => {
    const bundle = copy();
    bundle.checkpoints.push(signSampleCheckpoint(13, new Uint8Array(32).fill(9), 'wrong'));
    bundle.consistency.push({ from: 12, to: 13, proof: [] });
    const result = verifyBundle(bundle, pinned);
    expect(subjects(result.failures)).toContain('checkpoint 13');
    expect(result.summary.treeSize).toBeNull();
  });

  it('refuses input that is not a bundle, naming where it differs', () => {
    expect(verifyBundle({}, pinned)).toMatchObject({ ok: false, failures: [{ subject: 'bundle' }] });
    const { entries: _entries, ...withoutEntries } = copy();
    expect(parseAuditBundle(withoutEntries)).toEqual({ ok: false, reason: expect.stringMatching(/^entries: /) });
    expect(parseAuditBundle({ ...copy(), format: 'parley-audit-bundle/v2' })).toMatchObject({ ok: false });
    expect(parseAuditBundle({ ...copy(), extra: 1 })).toMatchObject({ ok: false });
  });
});

describe('verifyBundle against checkpoints seen elsewhere', () => {
  const rootAt = (bundle: AuditBundle, index: number) => {
    const note = bundle.checkpoints[index] ?? '';
    return Uint8Array.from(atob(note.split('\n')[2] ?? ''), (char) => char.charCodeAt(0));
  };

  it('accepts the checkpoints the bundle extends: its own, and any size its leaf list covers', () => {
    const bundle = copy();
    const trusted = [bundle.checkpoints[0] ?? '', bundle.checkpoints.at(-1) ?? ''];
    expect(verifyBundle(bundle, pinned, undefined, { trusted }).failures).toEqual([]);
    const { leaves: _leaves, ...withoutLeaves } = bundle;
    expect(verifyBundle(withoutLeaves, pinned, undefined, { trusted }).failures).toEqual([]);
  });

  it('names a truncated or rolled-back log, a fork, a checkpoint it cannot compare and one not signed by the pinned key', () => {
    const bundle = copy();
    const root = rootAt(bundle, 2);
    const forked = Uint8Array.from(root, (byte, at) => (at === 0 ? byte ^ 1 : byte));
    const trusted = [
      signSampleCheckpoint(13, root),
      signSampleCheckpoint(12, forked),
      signSampleCheckpoint(6, forked),
      signSampleCheckpoint(12, root, 'wrong'),
    ];
    expect(verifyBundle(bundle, pinned, undefined, { trusted }).failures).toEqual([
      { subject: 'trusted checkpoint 13', reason: expect.stringContaining('truncated or rolled back') },
      { subject: 'trusted checkpoint 12', reason: expect.stringContaining('the log forked') },
      { subject: 'trusted checkpoint 6', reason: expect.stringContaining('the log forked') },
      { subject: 'trusted checkpoint #4', reason: expect.stringContaining('does not verify under the pinned key') },
    ]);
    const { leaves: _leaves, ...withoutLeaves } = bundle;
    expect(verifyBundle(withoutLeaves, pinned, undefined, { trusted: [trusted[2] ?? ''] }).failures).toEqual([
      {
        subject: 'trusted checkpoint 6',
        reason: expect.stringContaining('neither a checkpoint of size 6 nor a leaf list'),
      },
    ]);
  });
});
