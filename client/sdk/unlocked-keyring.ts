import type { IdentityKeys } from '../../shared/crypto/identity-keys';
import type { StatementSigner } from '../../shared/crypto/key-statement';
import type { Keyring, VaultKey } from '../../shared/crypto/vault-keyring';
import { type VaultSecret, vaultSlot } from './vault-copies';

/**
 * The keys of an unlocked person: every key pair they have held, oldest first (so content sealed
 * to an old box key still opens), and the wrapping keys of the vault copies they unlocked or
 * sealed. Lives in memory only; `wipe()` zeroes it.
 */
export class UnlockedKeyring {
  readonly #keys: VaultKey[];
  readonly #secrets = new Map<string, VaultSecret>();

  constructor(keyring: Keyring, secrets: readonly VaultSecret[] = []) {
    if (keyring.length === 0) {
      throw new RangeError('a keyring holds at least one key');
    }
    this.#keys = [...keyring];
    for (const secret of secrets) {
      this.remember(secret);
    }
  }

  /** The keyring as the vault stores it. */
  get keyring(): Keyring {
    return [...this.#keys];
  }

  /** The newest key pair: the one the directory names as current unless it was revoked. */
  get current(): VaultKey {
    return this.#keys[this.#keys.length - 1] as VaultKey;
  }

  /** The key pair with this key id, if held. */
  key(keyId: string): VaultKey | undefined {
    return this.#keys.find((key) => key.keyId === keyId);
  }

  /** A signer for `person` with the key `keyId` (the current key by default). */
  signer(person: string, keyId: string = this.current.keyId): StatementSigner {
    const key = this.key(keyId);
    if (!key) {
      throw new Error(`The keyring does not hold key ${keyId}`);
    }
    return { person, keyId: key.keyId, signSecretKey: key.signSecretKey };
  }

  /** Adds a new key pair, which becomes current; older ones stay. */
  add(keys: IdentityKeys): void {
    this.#keys.push({ keyId: keys.keyId, signSecretKey: keys.signSecretKey, boxSecretKey: keys.boxSecretKey });
  }

  /** Keeps a vault copy's wrapping key for later re-sealing. */
  remember(secret: VaultSecret): void {
    this.#secrets.set(vaultSlot(secret), secret);
  }

  /** The wrapping key of a stored copy, if held. */
  secretFor(copy: { kind: VaultSecret['kind']; credentialId?: string }): VaultSecret | undefined {
    return this.#secrets.get(vaultSlot(copy));
  }

  /** Zeroes every secret key and wrapping key held. */
  wipe(): void {
    for (const key of this.#keys) {
      key.signSecretKey.fill(0);
      key.boxSecretKey.fill(0);
    }
    for (const secret of this.#secrets.values()) {
      secret.key.fill(0);
    }
    this.#keys.length = 0;
    this.#secrets.clear();
  }
}

const unlocked = new WeakMap<object, UnlockedKeyring>();

/**
 * The unlocked keyring of a person object, for SDK internals only (sealing and signing entries):
 * it is deliberately not exported from the SDK's index.
 */
export const unlockedKeyringOf = (person: object): UnlockedKeyring | undefined => unlocked.get(person);

/** Sets (or, with undefined, wipes and drops) a person object's unlocked keyring. */
export const setUnlockedKeyring = (person: object, keyring: UnlockedKeyring | undefined): void => {
  const previous = unlocked.get(person);
  if (previous && previous !== keyring) {
    previous.wipe();
  }
  if (keyring) {
    unlocked.set(person, keyring);
  } else {
    unlocked.delete(person);
  }
};
