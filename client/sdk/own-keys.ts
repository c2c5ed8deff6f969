import { keyRoutes, vaultRoutes } from '../../shared/api/identity';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { nextUploadPosition, signVaultUpload, vaultUploadState } from '../../shared/crypto/signed-upload';
import { checkStoredVault, vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import type { DirectoryState } from '../../shared/directory/index';
import type { StatementRecord, StoredVaultCopy, VaultCopy } from '../../shared/schemas/identity';
import { revokeStatement, rotateStatement, signStatement } from './key-statements';
import type { ParleyHttp } from './parley-http';
import type { SeenUploadsMemory } from './seen-uploads';
import type { SoftwareAuthenticator } from './software-authenticator';
import type { UnlockedKeyring } from './unlocked-keyring';
import { sealVaultCopy, type VaultSecret } from './vault-copies';
import { prfWrappingKey } from './vault-prf';

/** What a rotation did: the new key, its directory record, and which vault copies now hold it. */
export type RotationResult = {
  readonly keyId: string;
  readonly record: StatementRecord;
  /** Copies re-sealed with the whole keyring and uploaded signed by the new key. */
  readonly resealed: readonly Pick<VaultCopy, 'kind' | 'credentialId'>[];
  /**
   * Copies left as they were, for want of their wrapping key here (another device's passkey, an
   * unknown recovery key or passphrase): they still open, but to the keyring without the new key.
   */
  readonly skipped: readonly Pick<VaultCopy, 'kind' | 'credentialId'>[];
};

type Owner = {
  readonly http: ParleyHttp;
  readonly authenticator: SoftwareAuthenticator;
  readonly personId: string;
  readonly rpId: string | undefined;
  readonly keyring: UnlockedKeyring;
  /** The key directory proven under the tree the person's log monitor accepts now. */
  directory(): Promise<DirectoryState>;
  readonly seenUploads: SeenUploadsMemory;
};

/** The wrapping key of a stored copy: remembered, or from a passkey on this authenticator. */
const secretFor = (owner: Owner, copy: VaultCopy): VaultSecret | undefined => {
  const known = owner.keyring.secretFor(copy);
  if (known || copy.kind !== 'prf' || !owner.authenticator.credentialIds().includes(copy.credentialId)) {
    return known;
  }
  try {
    const key = prfWrappingKey(owner.authenticator, copy.credentialId, owner.personId, owner.rpId);
    return { kind: 'prf', credentialId: copy.credentialId, key };
  } catch {
    return undefined;
  }
};

/**
 * Re-seals one stored copy with the whole keyring and uploads it, signed by the current key, as
 * the next version of its slot. The stored copy is checked first (signed by one of the person's
 * keys, not older than seen here): the upload names it, so it must be the latest.
 */
const resealCopy = async (owner: Owner, stored: StoredVaultCopy, secret: VaultSecret): Promise<void> => {
  const { http, personId, keyring, seenUploads } = owner;
  const slot = vaultUploadSlot(stored.vault);
  const current = checkStoredVault(personId, stored, keyring.keyring, seenUploads.seen(slot));
  seenUploads.remember(slot, current);
  const sealed = sealVaultCopy(keyring.keyring, personId, secret);
  const upload = signVaultUpload(personId, sealed, nextUploadPosition(current), keyring.signer(personId));
  await http.api(vaultRoutes.putVault, { body: upload });
  seenUploads.remember(slot, vaultUploadState(personId, upload));
};

/**
 * Rotates the person's keys: a `rotate` statement signed by the previous key and the new key,
 * then every vault copy it can re-seal (keyring with old and new keys) is uploaded signed by the
 * new key, as the next version of its slot. A crash between the two leaves the directory ahead of the vault, so callers that
 * persist nothing else should retry the re-seal rather than the rotation.
 */
export const rotateOwnKeys = async (owner: Owner): Promise<RotationResult> => {
  const { http, personId, keyring } = owner;
  const directory = await owner.directory();
  const current = directory.currentKey(personId);
  const head = directory.headOf(personId);
  if (!current || !head) {
    throw new Error('There is no published key to rotate: the enrolment is pending or the key was revoked');
  }
  const previous = keyring.signer(personId, current.keyId);
  const next = generateIdentityKeys();
  const signed = signStatement(rotateStatement(current, head, next), previous, { person: personId, ...next });
  const record = await http.api(keyRoutes.appendStatement, { body: { signed } });
  keyring.add(next);

  const resealed: Pick<VaultCopy, 'kind' | 'credentialId'>[] = [];
  const skipped: Pick<VaultCopy, 'kind' | 'credentialId'>[] = [];
  for (const stored of (await http.api(vaultRoutes.getVaults)).vaults) {
    const slot = { kind: stored.vault.kind, credentialId: stored.vault.credentialId };
    const secret = secretFor(owner, stored.vault);
    if (!secret) {
      skipped.push(slot);
      continue;
    }
    keyring.remember(secret);
    await resealCopy(owner, stored, secret);
    resealed.push(slot);
  }
  return { keyId: next.keyId, record, resealed, skipped };
};

/**
 * Revokes the person's own current key with a statement signed by it. The server then marks the
 * person revoked and ends all their sessions.
 */
export const revokeOwnKey = async (owner: Owner): Promise<StatementRecord> => {
  const { http, personId, keyring } = owner;
  const directory = await owner.directory();
  const current = directory.currentKey(personId);
  const head = directory.headOf(personId);
  if (!current || !head) {
    throw new Error('There is no published key to revoke');
  }
  const signed = signStatement(revokeStatement(current, head, ''), keyring.signer(personId, current.keyId));
  return http.api(keyRoutes.appendStatement, { body: { signed } });
};
