import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { credentials, keyVaults } from '../../db/schema/index';
import { nextUploadPosition, vaultUploadState } from '../../shared/crypto/signed-upload';
import { VAULT_UPLOAD_TAG, vaultUploadMessage } from '../../shared/crypto/upload-signature';
import type { StoredVaultCopy, VaultCopy, VaultUpload } from '../../shared/schemas/identity';
import type { Caller } from '../auth/caller';
import type { ServerContext } from '../context';
import { base64url } from '../encoding/base64url';
import { ProblemError } from '../problems';
import { isSignedByCurrentKey } from './person-keys';
import { assertNextUpload } from './upload-order';

const toStored = (row: typeof keyVaults.$inferSelect): StoredVaultCopy => {
  const vault = { kind: row.kind, credentialId: row.credentialId, blob: base64url(row.blob) };
  return row.version === 0 || row.keyId === null || row.signature === null
    ? { vault, version: 0 }
    : { vault, version: row.version, previousHash: row.previousHash, keyId: row.keyId, signature: row.signature };
};

export const listVaults = async (context: ServerContext, personId: string): Promise<StoredVaultCopy[]> =>
  (await context.database.db.select().from(keyVaults).where(eq(keyVaults.personId, personId))).map(toStored);

/** A PRF copy belongs to one of the person's own passkeys; other kinds name none. */
const assertVaultShape = async (tx: Tx, personId: string, vault: VaultCopy): Promise<void> => {
  if (vault.kind !== 'prf') {
    if (vault.credentialId !== '') {
      throw new ProblemError('validation', 'Only a PRF vault names a passkey');
    }
    return;
  }
  const [owned] = await tx
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.id, vault.credentialId), eq(credentials.personId, personId)));
  if (!owned) {
    throw new ProblemError('validation', 'A PRF vault must name one of your passkeys');
  }
};

/** The message a vault upload's signature must cover, for a caller that checks it with a known key. */
export const vaultUploadSignedBytes = (personId: string, upload: VaultUpload) => ({
  tag: VAULT_UPLOAD_TAG,
  message: vaultUploadMessage(personId, upload.vault, upload),
});

/**
 * Stores an upload whose signature the caller has checked, as the next of its slot: its version
 * must be the stored one's plus one and its `previousHash` the stored one's hash, or it is a
 * replay (or lost a race) and is refused as a conflict. Of two concurrent uploads, one wins.
 */
export const storeVaultUpload = async (context: ServerContext, tx: Tx, personId: string, upload: VaultUpload) => {
  await assertVaultShape(tx, personId, upload.vault);
  const { kind, credentialId } = upload.vault;
  const slot = and(
    eq(keyVaults.personId, personId),
    eq(keyVaults.kind, kind),
    eq(keyVaults.credentialId, credentialId),
  );
  const [row] = await tx.select().from(keyVaults).where(slot).for('update');
  assertNextUpload(`${kind} vault copy`, nextUploadPosition(row && vaultUploadState(personId, toStored(row))), upload);
  const values = {
    personId,
    kind,
    credentialId,
    blob: Buffer.from(upload.vault.blob, 'base64url'),
    version: upload.version,
    previousHash: upload.previousHash,
    keyId: upload.keyId,
    signature: upload.signature,
    updatedAt: context.now(),
  };
  if (row) {
    await tx.update(keyVaults).set(values).where(slot);
    return;
  }
  const inserted = await tx.insert(keyVaults).values(values).onConflictDoNothing().returning({ kind: keyVaults.kind });
  if (inserted.length === 0) {
    throw new ProblemError('conflict', `Another ${kind} vault copy was stored meanwhile: fetch it and sign again`);
  }
};

/** Stores a vault copy signed by the person's current key: a stolen session alone cannot swap it. */
export const storeSignedVault = async (context: ServerContext, tx: Tx, personId: string, upload: VaultUpload) => {
  const { tag, message } = vaultUploadSignedBytes(personId, upload);
  if (!(await isSignedByCurrentKey(tx, personId, upload.keyId, tag, message, upload.signature))) {
    throw new ProblemError('forbidden', 'The vault must be signed by your current key');
  }
  await storeVaultUpload(context, tx, personId, upload);
};

export const uploadVault = (context: ServerContext, caller: Caller, upload: VaultUpload): Promise<void> =>
  context.database.transaction((tx) => storeSignedVault(context, tx, caller.personId, upload));
