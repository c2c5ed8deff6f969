/**
 * The unlocked keyring of the signed-in person, in this tab's memory only: never written to
 * localStorage, IndexedDB, sessionStorage or the server. Locking zeroes the secret keys and drops
 * them; a reload therefore always starts locked. Components see only {@link KeyStatus}; code in
 * `client/crypto/` borrows the keys through {@link withKeys}.
 */
import type { VaultKind } from '../../shared/crypto/vault';
import type { Keyring, VaultKey } from '../../shared/crypto/vault-keyring';

/** Why the keys are not in memory. */
export type LockReason = 'not-unlocked' | 'signed-out' | 'idle' | 'hidden' | 'other-person';

export type KeyStatus =
  | { readonly state: 'locked'; readonly reason: LockReason }
  | { readonly state: 'unlocked'; readonly personId: string; readonly via: VaultKind };

/** Thrown when an operation needs the keys of a person who is not unlocked in this tab. */
export class KeyringLockedError extends Error {
  constructor() {
    super('Your keys are locked: unlock them first');
    this.name = 'KeyringLockedError';
  }
}

let held: { readonly personId: string; readonly keys: VaultKey[] } | null = null;
let status: KeyStatus = { state: 'locked', reason: 'not-unlocked' };
const listeners = new Set<() => void>();

const publish = (next: KeyStatus): void => {
  status = next;
  for (const listener of listeners) {
    listener();
  }
};

const wipe = (): void => {
  for (const key of held?.keys ?? []) {
    key.signSecretKey.fill(0);
    key.boxSecretKey.fill(0);
  }
  held = null;
};

/** For `useSyncExternalStore`. */
export const subscribeKeyStatus = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const getKeyStatus = (): KeyStatus => status;

/** Takes an opened keyring into memory (copies it, so the caller may zero its own). */
export const holdKeyring = (personId: string, keyring: Keyring, via: VaultKind): void => {
  wipe();
  held = {
    personId,
    keys: keyring.map((key) => ({
      keyId: key.keyId,
      signSecretKey: key.signSecretKey.slice() as VaultKey['signSecretKey'],
      boxSecretKey: key.boxSecretKey.slice() as VaultKey['boxSecretKey'],
    })),
  };
  publish({ state: 'unlocked', personId, via });
};

/** Zeroes and drops the keys. */
export const lockKeyring = (reason: LockReason): void => {
  if (held === null && status.state === 'locked') {
    return;
  }
  wipe();
  publish({ state: 'locked', reason });
};

/** Runs `use` with the person's keys (oldest first); throws {@link KeyringLockedError} when locked. */
export const withKeys = <T>(personId: string, use: (keys: readonly VaultKey[]) => T): T => {
  if (held === null || held.personId !== personId) {
    throw new KeyringLockedError();
  }
  return use(held.keys);
};

/** Runs `use` with one key pair of the person, by key id. */
export const withKey = <T>(personId: string, keyId: string, use: (key: VaultKey) => T): T =>
  withKeys(personId, (keys) => {
    const key = keys.find((candidate) => candidate.keyId === keyId);
    if (!key) {
      throw new Error(`Your unlocked keyring does not hold the key ${keyId}`);
    }
    return use(key);
  });
