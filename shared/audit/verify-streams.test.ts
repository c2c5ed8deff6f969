import { describe, expect, it } from 'vitest';
import type { EntryHeader } from '../schemas/entry';
import type { AuditBundleEnvelope } from './bundle';
import type { BundleFailure } from './failures';
import { describeStreams } from './stream-ranges';
import type { CheckedEntry } from './verify-entries';
import { verifyStreams } from './verify-streams';

// The chain check reads only these header fields; the rest is verified before it runs.
const STREAM = '7e000000-0000-4000-8000-0000000000a1';
const hashOf = (label: string) => `${label.padEnd(42, 'A')}A`;

const entry = (seq: number, leafIndex: number, prevHash: string, label = `h${seq}`): CheckedEntry => ({
  leafIndex,
  entryHash: hashOf(label),
  subject: `entry ${hashOf(label)} (leaf ${leafIndex})`,
  header: { stream: STREAM, streamKind: 'thread', seq, prevHash } as EntryHeader,
});

/** A chain of `count` entries from seq 1, at leaves 10, 20, 30, … */
const chain = (count: number): CheckedEntry[] =>
  Array.from({ length: count }, (_, index) =>
    entry(index + 1, 10 * (index + 1), index === 0 ? '' : hashOf(`h${index}`)),
  );

const range = (
  fields: Partial<AuditBundleEnvelope['streams'][number]> = {},
): AuditBundleEnvelope['streams'][number] => ({
  stream: STREAM,
  streamKind: 'thread',
  firstSeq: 1,
  prevHash: '',
  lastSeq: 4,
  ...fields,
});

const run = (ranges: AuditBundleEnvelope['streams'], entries: readonly CheckedEntry[]): BundleFailure[] => {
  const failures: BundleFailure[] = [];
  verifyStreams(ranges, entries, (subject, reason) => failures.push({ subject, reason }));
  return failures;
};

describe('verifyStreams', () => {
  it('accepts a whole chain and a range from a stated starting point', () => {
    expect(run([range()], chain(4))).toEqual([]);
    expect(run([range({ firstSeq: 3, prevHash: hashOf('h2') })], chain(4).slice(2))).toEqual([]);
    expect(
      describeStreams(
        chain(4)
          .slice(1)
          .map((item) => item.header),
      ),
    ).toEqual([range({ firstSeq: 2, prevHash: hashOf('h1') })]);
  });

  it('names a fork: two entries with the same seq', () => {
    const forked = [...chain(4), entry(3, 35, hashOf('h2'), 'other')];
    expect(run([range()], forked)).toEqual([
      { subject: `stream ${STREAM}`, reason: expect.stringMatching(/seq 3 appears 2 times .*the stream forked/) },
    ]);
  });

  it('names a broken link, a wrong starting hash and an entry logged before its predecessor', () => {
    const entries = chain(4);
    entries[2] = entry(3, 30, hashOf('elsewhere'));
    entries[3] = entry(4, 5, hashOf('h3'));
    expect(run([range()], entries).map(({ subject, reason }) => `${subject}: ${reason}`)).toEqual([
      expect.stringMatching(/leaf 30\).*is not the hash of seq 2/),
      expect.stringMatching(/leaf 5\).*not after seq 3 at leaf 30/),
    ]);
    expect(run([range({ firstSeq: 2, prevHash: hashOf('x') })], chain(4).slice(1))).toEqual([
      { subject: expect.stringContaining('leaf 20'), reason: expect.stringContaining("range's stated prevHash") },
    ]);
  });

  it('refuses malformed ranges', () => {
    const failures = run(
      [
        range(),
        range(),
        range({ stream: 'not-a-uuid' }),
        range({ stream: '7e000000-0000-4000-8000-0000000000a2', firstSeq: 3, lastSeq: 2, prevHash: hashOf('x') }),
        range({ stream: '7e000000-0000-4000-8000-0000000000a3', firstSeq: 2 }),
      ],
      chain(4),
    );
    expect(failures.map(({ reason }) => reason)).toEqual([
      'listed twice in streams',
      expect.stringContaining('does not match the schema'),
      expect.stringContaining('is after lastSeq'),
      expect.stringContaining('prevHash is empty exactly when'),
    ]);
  });

  it('reports a huge claimed range once instead of listing every gap', () => {
    expect(run([range({ lastSeq: Number.MAX_SAFE_INTEGER })], chain(4))).toEqual([
      { subject: `stream ${STREAM}`, reason: expect.stringContaining('carries 4 of them') },
    ]);
  });
});
