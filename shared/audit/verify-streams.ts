/**
 * Step 8 of bundle verification (docs/AUDIT-BUNDLE.md §4): each stream range the bundle lists is
 * complete and one unbroken hash chain (PROTOCOL.md §4.6), in log order, and every entry belongs
 * to a listed range. A removed entry is named by its seq and by the hash its successor links to.
 */
import { isWellFormedText } from '../encoding/unicode';
import type { AuditBundleEnvelope } from './bundle';
import { BundleStream } from './bundle';
import type { Fail } from './failures';
import { NO_BREACHES, type RecordBreaches } from './record-breaches';
import type { CheckedEntry } from './verify-entries';

/** Gaps reported one by one up to this many; a larger claimed range is reported once. */
const MAX_LISTED_GAPS = 100;

type Range = BundleStream & { readonly subject: string };

const rangeProblem = (range: BundleStream): string | undefined => {
  if (range.firstSeq > range.lastSeq) {
    return `firstSeq ${range.firstSeq} is after lastSeq ${range.lastSeq}`;
  }
  return (range.firstSeq === 1) !== (range.prevHash === '')
    ? 'prevHash is empty exactly when the range starts at seq 1'
    : undefined;
};

const parseRanges = (
  items: AuditBundleEnvelope['streams'],
  fail: Fail,
  breaches: RecordBreaches,
): Map<string, Range | null> => {
  const ranges = new Map<string, Range | null>();
  for (const [index, item] of items.entries()) {
    // A stream id that is not text cannot name its range: the range is named by its place.
    const subject = isWellFormedText(item.stream) ? `stream ${item.stream}` : `stream #${index + 1}`;
    if (ranges.has(item.stream)) {
      fail(subject, 'listed twice in streams');
      continue;
    }
    const parsed = BundleStream.safeParse(item);
    const issue = parsed.error?.issues[0];
    const problem =
      breaches.of('streams', index) ??
      (parsed.success
        ? rangeProblem(parsed.data)
        : `does not match the schema: ${issue?.path.join('.')}: ${issue?.message}`);
    if (problem !== undefined || !parsed.success) {
      fail(subject, problem ?? 'does not match the schema');
      ranges.set(item.stream, null);
      continue;
    }
    ranges.set(item.stream, { ...parsed.data, subject });
  }
  return ranges;
};

/** Appends `value` to the list under `key`. */
const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
};

/** Checks one range against the entries of its stream that fall inside it. */
const checkRange = (range: Range, entries: readonly CheckedEntry[], fail: Fail): void => {
  const bySeq = new Map<number, CheckedEntry[]>();
  for (const entry of entries) {
    push(bySeq, entry.header.seq, entry);
  }
  const span = range.lastSeq - range.firstSeq + 1;
  if (span > bySeq.size + MAX_LISTED_GAPS) {
    fail(range.subject, `claims seqs ${range.firstSeq}..${range.lastSeq} but carries ${bySeq.size} of them`);
    return;
  }
  for (let seq = range.firstSeq; seq <= range.lastSeq; seq += 1) {
    const here = bySeq.get(seq) ?? [];
    const [entry] = here;
    if (entry === undefined) {
      const successor = bySeq.get(seq + 1)?.[0];
      const named = successor ? `; entry seq ${seq + 1} links to it as ${successor.header.prevHash}` : '';
      fail(range.subject, `seq ${seq} is missing from the bundle${named}: the chain is broken`);
      continue;
    }
    if (here.length > 1) {
      const hashes = here.map((item) => item.entryHash).join(', ');
      fail(range.subject, `seq ${seq} appears ${here.length} times (${hashes}): the stream forked`);
      continue;
    }
    if (entry.header.streamKind !== range.streamKind) {
      fail(entry.subject, `is a ${entry.header.streamKind} entry but its stream is listed as a ${range.streamKind}`);
    }
    const previous = bySeq.get(seq - 1);
    if (seq === range.firstSeq) {
      if (entry.header.prevHash !== range.prevHash) {
        fail(entry.subject, `prevHash ${entry.header.prevHash} is not the range's stated prevHash ${range.prevHash}`);
      }
    } else if (previous?.length === 1 && previous[0]) {
      const [before] = previous;
      if (entry.header.prevHash !== before.entryHash) {
        fail(
          entry.subject,
          `prevHash ${entry.header.prevHash} is not the hash of seq ${seq - 1} (${before.entryHash})`,
        );
      }
      if (entry.leafIndex <= before.leafIndex) {
        fail(entry.subject, `is at leaf ${entry.leafIndex}, not after seq ${seq - 1} at leaf ${before.leafIndex}`);
      }
    }
  }
};

/** Verifies chain continuity of every listed stream range; returns how many ranges were listed. */
export const verifyStreams = (
  items: AuditBundleEnvelope['streams'],
  entries: readonly CheckedEntry[],
  fail: Fail,
  breaches: RecordBreaches = NO_BREACHES,
): number => {
  const ranges = parseRanges(items, fail, breaches);
  const inRange = new Map<string, CheckedEntry[]>();
  for (const entry of entries) {
    const { stream, seq } = entry.header;
    const range = ranges.get(stream);
    if (range === undefined) {
      fail(entry.subject, 'its stream is not listed in streams, so its chain cannot be checked');
    } else if (range !== null && (seq < range.firstSeq || seq > range.lastSeq)) {
      fail(entry.subject, `seq ${seq} is outside its stream's listed range ${range.firstSeq}..${range.lastSeq}`);
    } else if (range !== null) {
      push(inRange, stream, entry);
    }
  }
  for (const range of ranges.values()) {
    if (range !== null) {
      checkRange(range, inRange.get(range.stream) ?? [], fail);
    }
  }
  return ranges.size;
};
