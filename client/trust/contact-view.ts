import type { PersonView } from '../../shared/schemas/identity';
import { partyLabel } from './party-view';
import type { TrustData } from './trust-context';

/**
 * Where a contact stands with the signed-in person:
 * - `verified`: verified at the key the directory names as current;
 * - `key-changed`: verified earlier, but their current key is another one: re-verify before sending;
 * - `unverified`: never verified; `no-key`: no current key (pending or revoked);
 * - `unknown`: the keys are locked, so the sealed list of verifications cannot be read.
 */
export type VerificationState = 'verified' | 'key-changed' | 'unverified' | 'no-key' | 'unknown';

export type ContactView = {
  readonly id: string;
  readonly name: string;
  /** From the log when they hold a key; the server's hint (for someone pending) otherwise. */
  readonly role: PersonView['role'];
  readonly partyId: string;
  readonly partyName: string;
  /** The server's word (a hint): whether they are pending, active or revoked. */
  readonly status: PersonView['status'];
  /** The current key as the verified directory names it (not as the server claims). */
  readonly keyId: string | null;
  /** How their key came to be trusted: party root, endorsed by whom, rotated (the screen words it). */
  readonly keyOrigin: KeyOrigin;
  readonly verification: VerificationState;
  readonly verifiedAt: string | null;
  /** The server's list contradicts the log about them: why, or null. */
  readonly conflict: string | null;
};

/**
 * How a current key came to be trusted: never endorsed along its party's chain, the party's root,
 * or endorsed by named admins; `rotated` when it replaced an earlier key (signed by both).
 */
export type KeyOrigin =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'unendorsed' | 'root' | 'endorsed';
      readonly rotated: boolean;
      readonly party: string;
      readonly endorsers: readonly string[];
    };

/** How a person's current key was vouched for, from the directory: the names of who endorsed it. */
const keyOriginOf = (data: TrustData, personId: string): KeyOrigin => {
  const key = data.directory.currentKey(personId);
  if (!key) {
    return { kind: 'none' };
  }
  // The directory carries the marks along a chain of rotations; the chain's length tells them apart.
  const isRotated = (data.directory.headOf(personId)?.seq ?? 1) > 1;
  const nameOf = (admin: string) =>
    data.directory.currentKey(admin)?.name ??
    data.directory.keys().find((candidate) => candidate.person === admin)?.name ??
    admin;
  return {
    kind: !key.partyEndorsed ? 'unendorsed' : key.bootstrap ? 'root' : 'endorsed',
    rotated: isRotated,
    party: partyLabel(data, key.party),
    endorsers: key.endorsedBy.map(nameOf),
  };
};

/** The view of one person for the signed-in person. */
export const contactView = (data: TrustData, person: PersonView): ContactView => {
  const key = data.directory.currentKey(person.id);
  const record = data.verifications?.people.find((candidate) => candidate.person === person.id) ?? null;
  let verification: VerificationState;
  if (!key) {
    verification = 'no-key';
  } else if (data.verifications === null) {
    verification = 'unknown';
  } else if (!record) {
    verification = 'unverified';
  } else {
    verification = record.keyId === key.keyId ? 'verified' : 'key-changed';
  }
  const partyId = key?.party ?? person.party.id;
  return {
    id: person.id,
    name: key?.name ?? person.name,
    role: key?.role ?? person.role,
    partyId,
    partyName: partyLabel(data, partyId),
    status: person.status,
    keyId: key?.keyId ?? null,
    keyOrigin: keyOriginOf(data, person.id),
    verification,
    verifiedAt: record?.verifiedAt ?? null,
    conflict: data.conflicts.find((conflict) => conflict.person === person.id)?.reason ?? null,
  };
};

/** Everyone the server lists, as views. */
export const contactViews = (data: TrustData): ContactView[] => data.people.map((person) => contactView(data, person));

/** The sentence shown wherever sending to a changed key is blocked. */
export const keyChangedMessage = (name: string): string =>
  `Key changed since you verified ${name} — sending to them is blocked until you re-verify`;
