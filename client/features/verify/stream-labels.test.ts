import { describe, expect, it } from 'vitest';
import { type EntryRow, streamLabels } from './entry-rows';

const row = (stream: string, seq: number, extra: Partial<NonNullable<EntryRow['header']>> = {}): EntryRow => ({
  leafIndex: seq,
  subject: `${stream} ${seq}`,
  header: {
    stream,
    streamKind: 'case',
    seq,
    type: seq === 1 ? 'case_open' : 'minutes',
    author: { person: 'p', party: 'q', keyId: 'k' },
    ...extra,
  },
  checks: {
    signature: { state: 'valid' },
    key: { state: 'valid' },
    chain: { state: 'valid' },
    inclusion: { state: 'valid' },
    record: { state: 'valid' },
  },
  failures: [],
});

describe('stream labels on the verify page', () => {
  it("names a case by the code its opening entry's signed header gives", () => {
    const labels = streamLabels([row('s1', 2), row('s1', 1, { reference: 'K7QX-4MPD' }), row('s2', 3)]);
    expect(labels.get('s1')).toBe('K7QX-4MPD');
    // Without its opening entry in the bundle a case has no code to show.
    expect(labels.has('s2')).toBe(false);
  });

  it('takes the code only from the opening entry, never from a later one', () => {
    const labels = streamLabels([row('s1', 2, { reference: 'FAKE-CODE' })]);
    expect(labels.has('s1')).toBe(false);
  });
});
