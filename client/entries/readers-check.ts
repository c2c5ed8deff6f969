/**
 * Who may read each entry (docs/PROTOCOL.md §4.9, §4.10): the stream's membership as its signed
 * entries add up to, and each entry sealed only to the readers that membership and the verified
 * directory allow at its position (client/core/stream-readers-check, the SDK's rule too). Only
 * entries whose signature and chain hold take part: an unsigned entry changes no membership.
 */
import type { DirectoryState } from '../../shared/directory/index';
import { NO_MEMBERSHIP, type StreamMembership } from '../../shared/membership/stream-membership';
import type { StoredEntry } from '../../shared/schemas/stream';
import { checkStreamReaders } from '../core/stream-readers-check';
import { digestEntry, type EntryCheck, type EntryDigest } from './entry-checks';

/** Per entry, its readers check; and the membership after every entry that could be checked. */
export type ReadersOutcome = { readonly checks: EntryCheck[]; readonly membership: StreamMembership };

/**
 * Checks the readers of `entries` (one stream, in seq order), given which of them have a valid
 * signature and chain link. The first entry that fails those ends the fold: later ones are left
 * unchecked, since the membership they were sealed under is not known. `start` is the membership
 * before `entries` (after the entries read from the local store, say).
 */
export const checkReaders = (
  entries: readonly StoredEntry[],
  digests: readonly EntryDigest[],
  isSound: readonly boolean[],
  directory: DirectoryState,
  start: StreamMembership = NO_MEMBERSHIP,
): ReadersOutcome => {
  const stop = isSound.indexOf(false);
  const sound = stop === -1 ? entries.length : stop;
  const inputs = entries.slice(0, sound).map((entry, index) => ({
    header: entry.header,
    entryHash: (digests[index] ?? digestEntry(entry)).hash,
    leafIndex: entry.leafIndex,
  }));
  const { problems, membership } = checkStreamReaders(inputs, directory, start);
  const checks = entries.map((entry, index): EntryCheck => {
    if (index >= sound) {
      return { state: 'unchecked', detail: 'Not checked: an earlier entry of the stream does not verify' };
    }
    const found = problems[index] ?? [];
    return found.length > 0
      ? { state: 'invalid', detail: `Seq ${entry.header.seq}: ${found.join('; ')}` }
      : {
          state: 'valid',
          detail: `Sealed to ${entry.header.recipients.length} reader(s), all of the member parties at seq ${entry.header.seq}`,
        };
  });
  return { checks, membership };
};
