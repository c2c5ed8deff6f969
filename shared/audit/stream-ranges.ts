/**
 * The `streams` member of an audit bundle (docs/AUDIT-BUNDLE.md §2.6), derived from the entries
 * an exporter includes. Spec of the check: verify-streams.ts.
 */
import type { EntryHeader } from '../schemas/entry';
import type { BundleStream } from './bundle';

/**
 * One range per stream, from the lowest to the highest seq among `headers`, starting from the
 * lowest one's `prevHash`. The exporter must include every seq in between: the verifier names
 * each missing one.
 */
export const describeStreams = (headers: readonly EntryHeader[]): BundleStream[] => {
  const ranges = new Map<string, BundleStream>();
  for (const header of headers) {
    const range = ranges.get(header.stream);
    if (range === undefined || header.seq < range.firstSeq) {
      ranges.set(header.stream, {
        stream: header.stream,
        streamKind: header.streamKind,
        firstSeq: header.seq,
        prevHash: header.prevHash,
        lastSeq: Math.max(header.seq, range?.lastSeq ?? 0),
      });
    } else if (header.seq > range.lastSeq) {
      ranges.set(header.stream, { ...range, lastSeq: header.seq });
    }
  }
  return [...ranges.values()];
};
