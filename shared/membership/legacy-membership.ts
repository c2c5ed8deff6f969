/**
 * The membership rule of entries recorded before a deployment adopted consent (log positions below
 * its legacy boundary, docs/PROTOCOL.md §7.8): a `membership` entry by a member party added and
 * removed parties at once, as the server then allowed. Kept so that an upgraded deployment's
 * history still folds to the membership its readers were sealed to; never applied above the
 * boundary, where {@link applyMembership} alone decides.
 */
import type { EntryHeader } from '../schemas/entry';
import {
  applyMembership,
  type MembershipChange,
  type MembershipStep,
  type StreamMembership,
} from './stream-membership';

/** The membership after a legacy entry (below the boundary), or why the entry breaks the rules of its time. */
export const applyLegacyMembership = (state: StreamMembership, header: EntryHeader, hash: string): MembershipStep => {
  if (header.seq === 1 || header.type !== 'membership') {
    return header.type === 'membership_consent'
      ? {
          ok: false,
          reason: 'a membership_consent did not exist before consent: it cannot sit below the legacy boundary',
        }
      : applyMembership(state, header, hash);
  }
  if (!state.members.has(header.author.party)) {
    return { ok: false, reason: `party ${header.author.party} is not a member of this stream at seq ${header.seq}` };
  }
  const members = new Set(state.members);
  const changes: MembershipChange[] = [];
  for (const party of header.meta.add ?? []) {
    if (!members.has(party)) {
      members.add(party);
      changes.push({ party, change: 'add' });
    }
  }
  for (const party of header.meta.remove ?? []) {
    if (members.delete(party)) {
      changes.push({ party, change: 'remove' });
    }
  }
  return { ok: true, state: { members, pending: state.pending }, changes };
};

/**
 * The membership step of an entry at log position `leafIndex`: the rule of its time below the
 * deployment's legacy boundary, consent above it. What the server, every client and the verifier fold.
 */
export const applyMembershipAt = (
  state: StreamMembership,
  header: EntryHeader,
  hash: string,
  leafIndex: number,
  legacyBefore: number,
): MembershipStep => (leafIndex < legacyBefore ? applyLegacyMembership : applyMembership)(state, header, hash);
