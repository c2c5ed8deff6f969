import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { sessionRoutes, vaultRoutes } from '../../shared/api/identity';
import { parseRecoveryKey } from '../../shared/crypto/recovery-key';
import { checkStoredVault, vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { vaultKdfParams } from '../../shared/crypto/vault';
import { wrappingKeyFromPassphrase, wrappingKeyFromRecoveryKey } from '../../shared/crypto/vault-keys';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { SeenUploads, SessionView, StoredVaultCopy } from '../../shared/schemas/identity';
import type { ParleyHttp } from './parley-http';
import { SeenUploadsMemory } from './seen-uploads';
import type { SoftwareAuthenticator } from './software-authenticator';
import { setUnlockedKeyring, UnlockedKeyring, unlockedKeyringOf } from './unlocked-keyring';
import { openVaultCopy, type VaultSecret } from './vault-copies';
import { PrfUnavailableError, prfWrappingKey } from './vault-prf';
import { withoutPrfResults } from './webauthn-json';

/** Thrown when an operation needs the person's keys and the vault is not unlocked. */
export class VaultLockedError extends Error {
  constructor() {
    super('The key vault is locked: call unlock(), unlockWithRecoveryKey() or unlockWithPassphrase() first');
    this.name = 'VaultLockedError';
  }
}

/** Who a person object is and how it reaches the server; see {@link PersonSession}. */
export type PersonSessionFields = {
  http: ParleyHttp;
  authenticator: SoftwareAuthenticator;
  personId?: string | undefined;
  rpId?: string | undefined;
  recoveryKey?: string | undefined;
  /** The stored uploads seen before (from exported state): older ones are refused. */
  seenUploads?: SeenUploads | undefined;
};

/**
 * A person's passkey session and key vault, driven from Node: sign-in without a user name,
 * unlocking the vault through the passkey's PRF, the recovery key or a passphrase, sign-out.
 * The unlocked keys stay in memory ({@link unlockedKeyringOf}) and are wiped on lock or sign-out.
 */
export class PersonSession {
  /** The HTTP client (cookie jar, `Origin`, anti-forgery token) this person uses. */
  readonly http: ParleyHttp;
  /** The software authenticator that holds this person's passkey(s). */
  readonly authenticator: SoftwareAuthenticator;
  /** The recovery key (formatted) when known: from enrolment, state or a recovery unlock. */
  recoveryKey: string | undefined;
  /** The last version of each stored vault copy seen or made here, kept in the exported state. */
  readonly seenUploads: SeenUploadsMemory;
  #personId: string | undefined;
  #rpId: string | undefined;
  #session: SessionView | null = null;

  constructor(fields: PersonSessionFields) {
    this.http = fields.http;
    this.authenticator = fields.authenticator;
    this.#personId = fields.personId;
    this.#rpId = fields.rpId;
    this.recoveryKey = fields.recoveryKey;
    this.seenUploads = new SeenUploadsMemory(fields.seenUploads);
  }

  /** The person's id; known after enrolment or the first sign-in. */
  get personId(): string {
    if (this.#personId === undefined) {
      throw new Error('This person is not known yet: sign in first');
    }
    return this.#personId;
  }

  /** Whether the person's id is known (after enrolment or a first sign-in). */
  get isKnown(): boolean {
    return this.#personId !== undefined;
  }

  /** The WebAuthn RP ID of this person's passkeys, once learnt from the server. */
  get rpId(): string | undefined {
    return this.#rpId;
  }

  /** The last session the server reported, or null. */
  get currentSession(): SessionView | null {
    return this.#session;
  }

  /** Whether the key vault is unlocked in this process. */
  get isUnlocked(): boolean {
    return unlockedKeyringOf(this) !== undefined;
  }

  /** The unlocked keyring, for subclasses; throws when locked. */
  protected keyring(): UnlockedKeyring {
    const keyring = unlockedKeyringOf(this);
    if (!keyring) {
      throw new VaultLockedError();
    }
    return keyring;
  }

  /** Records a session the server started or reported. */
  protected adopt(session: SessionView | null): SessionView | null {
    if (session && this.#personId !== undefined && session.person.id !== this.#personId) {
      throw new Error(`Signed in as ${session.person.id}, but this object is ${this.#personId}`);
    }
    this.#personId ??= session?.person.id;
    this.#session = session;
    this.http.useSession(session);
    return session;
  }

  /**
   * Signs in with a discoverable passkey, no user name: the server learns who from the passkey.
   * Starts a new session, replacing the one this client had.
   */
  async signIn(options: { credentialId?: string } = {}): Promise<SessionView> {
    const { options: request } = await this.http.api(sessionRoutes.signInOptions);
    const requestOptions = request as unknown as PublicKeyCredentialRequestOptionsJSON;
    this.#rpId = requestOptions.rpId ?? this.#rpId;
    const { response } = this.authenticator.getAssertion(requestOptions, options);
    const session = await this.http.api(sessionRoutes.signInVerify, {
      body: { response: withoutPrfResults(response) },
    });
    return this.adopt(session) as SessionView;
  }

  /** The current session as the server sees it (null once it has ended). */
  async session(): Promise<SessionView | null> {
    const { session } = await this.http.api(sessionRoutes.getSession);
    return this.adopt(session);
  }

  /** Ends this session and locks the vault. */
  async signOut(): Promise<void> {
    try {
      await this.http.api(sessionRoutes.signOut);
    } finally {
      this.lock();
      this.#session = null;
      this.http.forgetSession();
    }
  }

  /** Ends every session of this person (other devices too) and locks the vault; returns how many. */
  async signOutEverywhere(): Promise<number> {
    try {
      return (await this.http.api(sessionRoutes.signOutEverywhere)).ended;
    } finally {
      this.lock();
      this.#session = null;
      this.http.forgetSession();
    }
  }

  /** Wipes the unlocked keys from memory. */
  lock(): void {
    setUnlockedKeyring(this, undefined);
  }

  async #vaults(): Promise<StoredVaultCopy[]> {
    return (await this.http.api(vaultRoutes.getVaults)).vaults;
  }

  /**
   * Opens a stored copy and checks it before holding its keys: signed by a key it holds, and not
   * older than the last copy of its slot seen here.
   *
   * @throws {UploadRefusedError} (shared/crypto/upload-rollback) for a rolled-back or unsigned copy.
   */
  #unlockWith(stored: StoredVaultCopy, secret: VaultSecret): void {
    const opened = openVaultCopy(stored.vault, this.personId, secret.key);
    const slot = vaultUploadSlot(stored.vault);
    try {
      this.seenUploads.remember(slot, checkStoredVault(this.personId, stored, opened, this.seenUploads.seen(slot)));
    } catch (error) {
      for (const key of opened) {
        key.signSecretKey.fill(0);
        key.boxSecretKey.fill(0);
      }
      throw error;
    }
    const keyring = new UnlockedKeyring(opened, [secret]);
    if (this.recoveryKey !== undefined && secret.kind !== 'recovery') {
      keyring.remember({
        kind: 'recovery',
        key: wrappingKeyFromRecoveryKey(parseRecoveryKey(this.recoveryKey), this.personId),
      });
    }
    setUnlockedKeyring(this, keyring);
  }

  /**
   * Unlocks the vault with the PRF of a passkey on this authenticator (the session's passkey
   * first). Needs a session.
   *
   * @throws {PrfUnavailableError} when no PRF copy belongs to a passkey here that gives PRF output.
   */
  async unlock(): Promise<void> {
    const here = new Set(this.authenticator.credentialIds());
    const preferred = this.#session?.credentialId;
    const copies = (await this.#vaults())
      .filter(({ vault }) => vault.kind === 'prf' && here.has(vault.credentialId))
      .sort((a, b) => Number(b.vault.credentialId === preferred) - Number(a.vault.credentialId === preferred));
    const [copy] = copies;
    if (!copy) {
      throw new PrfUnavailableError(preferred ?? this.authenticator.credentialIds()[0] ?? '(none)');
    }
    const { credentialId } = copy.vault;
    const key = prfWrappingKey(this.authenticator, credentialId, this.personId, this.#rpId);
    this.#unlockWith(copy, { kind: 'prf', credentialId, key });
  }

  /** Unlocks the vault's recovery copy with the recovery key as written down. Needs a session. */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<void> {
    const copy = (await this.#vaults()).find(({ vault }) => vault.kind === 'recovery');
    if (!copy) {
      throw new Error('This person has no recovery copy of the vault');
    }
    const key = wrappingKeyFromRecoveryKey(parseRecoveryKey(recoveryKey), this.personId);
    this.#unlockWith(copy, { kind: 'recovery', key });
    this.recoveryKey ??= recoveryKey;
  }

  /** Unlocks the vault's passphrase copy (Argon2id with the parameters stored in it). Needs a session. */
  async unlockWithPassphrase(passphrase: string): Promise<void> {
    const copy = (await this.#vaults()).find(({ vault }) => vault.kind === 'passphrase');
    if (!copy) {
      throw new Error('This person has no passphrase copy of the vault');
    }
    const kdf = vaultKdfParams(fromBase64url(copy.vault.blob));
    this.#unlockWith(copy, { kind: 'passphrase', kdf, key: wrappingKeyFromPassphrase(passphrase, kdf) });
  }
}
