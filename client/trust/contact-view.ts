import type { PersonView } from '../../shared/schemas/identity';
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
  readonly role: PersonView['role'];
  readonly partyName: string;
  readonly status: PersonView['status'];
  /** The current key as the verified directory names it (not as the server claims). */
  readonly keyId: string | null;
  /**
   * How the current key was published: at enrolment, endorsed by an admin or through the
   * operator's bootstrap (endorsed by no admin); or rotated from the person's previous key, in a
   * chain that started one way or the other.
   */
  readonly keyOrigin: KeyOrigin | null;
  readonly verification: VerificationState;
  readonly verifiedAt: string | null;
};

export type KeyOrigin = 'bootstrap' | 'endorsed' | 'rotated-from-bootstrap' | 'rotated';

const keyOriginOf = (data: TrustData, personId: string): KeyOrigin | null => {
  const key = data.directory.currentKey(personId);
  if (!key) {
    return null;
  }
  // The directory carries `bootstrap` along a chain of rotations; the chain's length tells them apart.
  const isRotated = (data.directory.headOf(personId)?.seq ?? 1) > 1;
  if (isRotated) {
    return key.bootstrap ? 'rotated-from-bootstrap' : 'rotated';
  }
  return key.bootstrap ? 'bootstrap' : 'endorsed';
};

const ORIGIN_TEXT: Record<KeyOrigin, string> = {
  bootstrap: "Enrolled through the operator's bootstrap: endorsed by no admin",
  endorsed: 'Endorsed by their inviting admin at enrolment',
  'rotated-from-bootstrap':
    "Rotated from their previous key (signed by both); their first key came from the operator's bootstrap",
  rotated: 'Rotated from their previous key (signed by both); their first key was endorsed by an admin',
};

/** A sentence saying how a contact's current key was published. */
export const keyOriginText = (origin: KeyOrigin | null): string => (origin ? ORIGIN_TEXT[origin] : '—');

/** The view of one person for the signed-in person. */
export const contactView = (data: TrustData, person: PersonView): ContactView => {
  const key = data.directory.currentKey(person.id);
  const record = data.verifications?.find((candidate) => candidate.person === person.id) ?? null;
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
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    partyName: person.party.name,
    status: person.status,
    keyId: key?.keyId ?? null,
    keyOrigin: keyOriginOf(data, person.id),
    verification,
    verifiedAt: record?.verifiedAt ?? null,
  };
};

/** Everyone the server lists, as views. */
export const contactViews = (data: TrustData): ContactView[] => data.people.map((person) => contactView(data, person));

/** The sentence shown wherever sending to a changed key is blocked. */
export const keyChangedMessage = (name: string): string =>
  `Key changed since you verified ${name} — sending to them is blocked until you re-verify`;
