import type { FingerprintSubject } from '../../../shared/crypto/safety-number';

/**
 * What a pending person's browser keeps about their invitation so they can be told whose
 * endorsement they await and compare the safety number with that admin after signing in again
 * (the server shows pending statements to admins only): the inviting admin's name, the admin's
 * public keys as the admin's own browser put them in the link's fragment (out of band, never
 * from the server), and this person's own new public keys. Public keys and a display name only.
 */
const keyOf = (personId: string) => `parley.inviter.v1 ${personId}`;
const keysOf = (personId: string) => `parley.inviter.keys.v1 ${personId}`;

export const rememberInviter = (personId: string, name: string): void => localStorage.setItem(keyOf(personId), name);

export const inviterName = (personId: string): string | null => localStorage.getItem(keyOf(personId));

/** The fragment parameter the inviting admin's browser adds: `inviter=<person>.<signKey>.<boxKey>`. */
export const INVITER_PARAM = 'inviter';

const SUBJECT = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

export const inviterParam = (subject: FingerprintSubject): string =>
  `${INVITER_PARAM}=${subject.person}.${subject.signKey}.${subject.boxKey}`;

/** The inviting admin's keys from a link fragment, or null if it carries none (or a damaged one). */
export const inviterFromFragment = (fragment: string): FingerprintSubject | null => {
  const part = fragment.split('&').find((item) => item.startsWith(`${INVITER_PARAM}=`));
  const match = SUBJECT.exec(part?.slice(INVITER_PARAM.length + 1) ?? '');
  return match?.[1] && match[2] && match[3] ? { person: match[1], signKey: match[2], boxKey: match[3] } : null;
};

export type PendingKeyCheck = { readonly inviter: FingerprintSubject; readonly own: FingerprintSubject };

export const rememberKeyCheck = (personId: string, check: PendingKeyCheck): void =>
  localStorage.setItem(keysOf(personId), JSON.stringify(check));

const isSubject = (value: unknown): value is FingerprintSubject =>
  typeof value === 'object' &&
  value !== null &&
  SUBJECT.test(
    `${(value as FingerprintSubject).person}.${(value as FingerprintSubject).signKey}.${(value as FingerprintSubject).boxKey}`,
  );

/** Both halves of the pending key check, if this browser enrolled the person from a link that had them. */
export const keyCheckOf = (personId: string): PendingKeyCheck | null => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keysOf(personId)) ?? 'null');
    if (typeof parsed === 'object' && parsed !== null) {
      const { inviter, own } = parsed as Record<string, unknown>;
      return isSubject(inviter) && isSubject(own) ? { inviter, own } : null;
    }
  } catch {
    // A damaged entry is as good as none: the person compares on another device or asks again.
  }
  return null;
};
