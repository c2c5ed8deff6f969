/**
 * Parties as the signed-in person sees them: each party's root of trust from the verified
 * directory, and whether this person verified that root out of band (its party safety number).
 * Party names are the server's labels; the root, its key and the threshold come from the log.
 */
import type { PartyRecord } from '../../shared/directory/index';
import type { TrustData } from './trust-context';

/**
 * Where a party's root stands with the signed-in person:
 * - `verified`: they compared its party safety number and the root is the one they pinned;
 * - `root-changed`: they pinned another root: sending to its people is blocked;
 * - `unverified`: never compared; `no-root`: the party has no root in the log;
 * - `unknown`: the keys are locked, so the sealed list of pins cannot be read.
 */
export type PartyRootState = 'verified' | 'root-changed' | 'unverified' | 'no-root' | 'unknown';

export type PartyTrustView = {
  readonly id: string;
  readonly name: string;
  readonly record: PartyRecord | null;
  /** The root admin's name, from their statement in the log. */
  readonly rootName: string | null;
  readonly state: PartyRootState;
  readonly verifiedAt: string | null;
};

/** A party's name from the server's list (a label), or a short id. */
export const partyLabel = (data: Pick<TrustData, 'parties'>, id: string): string =>
  data.parties.find((party) => party.id === id)?.name ?? `party ${id.slice(0, 8)}`;

/** The view of one party for the signed-in person. */
export const partyView = (data: TrustData, id: string): PartyTrustView => {
  const record = data.directory.partyRecord(id) ?? null;
  const pin = data.verifications?.parties.find((candidate) => candidate.party === id) ?? null;
  let state: PartyRootState;
  if (!record) {
    state = 'no-root';
  } else if (data.verifications === null) {
    state = 'unknown';
  } else if (!pin) {
    state = 'unverified';
  } else {
    state = pin.root === record.root && pin.rootKeyId === record.rootKeyId ? 'verified' : 'root-changed';
  }
  return {
    id,
    name: partyLabel(data, id),
    record,
    rootName: record ? (data.directory.keyRecord(record.rootKeyId)?.name ?? null) : null,
    state,
    verifiedAt: pin?.verifiedAt ?? null,
  };
};

/** Every party the log gives a root, then any other the server lists, as views. */
export const partyViews = (data: TrustData): PartyTrustView[] => {
  const ids = [...data.directory.parties().map((party) => party.party), ...data.parties.map((party) => party.id)];
  return [...new Set(ids)].map((id) => partyView(data, id));
};
