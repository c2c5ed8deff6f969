import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contactVerifications, credentials, keyVaults } from '../../db/schema/index';
import {
  VAULT_UPLOAD_TAG,
  VERIFICATIONS_UPLOAD_TAG,
  vaultUploadMessage,
  verificationsUploadMessage,
} from '../../shared/crypto/upload-signature';
import type { VaultCopy } from '../../shared/schemas/identity';
import type { Caller } from '../auth/caller';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { isSignedByCurrentKey } from './person-keys';

const toCopy = (row: typeof keyVaults.$inferSelect): VaultCopy => ({
  kind: row.kind,
  credentialId: row.credentialId,
  blob: Buffer.from(row.blob).toString('base64url'),
});

export const listVaults = async (context: ServerContext, personId: string): Promise<VaultCopy[]> =>
  (await context.database.db.select().from(keyVaults).where(eq(keyVaults.personId, personId))).map(toCopy);

/** A PRF copy belongs to one of the person's own passkeys; other kinds name none. */
export const assertVaultShape = async (tx: Tx, personId: string, vault: VaultCopy): Promise<void> => {
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

/** Inserts or replaces one vault copy. */
export const storeVault = async (context: ServerContext, tx: Tx, personId: string, vault: VaultCopy): Promise<void> => {
  await assertVaultShape(tx, personId, vault);
  const row = {
    personId,
    kind: vault.kind,
    credentialId: vault.credentialId,
    blob: Buffer.from(vault.blob, 'base64url'),
    updatedAt: context.now(),
  };
  await tx
    .insert(keyVaults)
    .values(row)
    .onConflictDoUpdate({ target: [keyVaults.personId, keyVaults.kind, keyVaults.credentialId], set: row });
};

export type VaultUpload = { vault: VaultCopy; keyId: string; signature: string };

/** Stores a vault copy signed by the person's current key: a stolen session alone cannot swap it. */
export const storeSignedVault = async (context: ServerContext, tx: Tx, personId: string, upload: VaultUpload) => {
  const message = vaultUploadMessage(personId, upload.vault);
  if (!(await isSignedByCurrentKey(tx, personId, upload.keyId, VAULT_UPLOAD_TAG, message, upload.signature))) {
    throw new ProblemError('forbidden', 'The vault must be signed by your current key');
  }
  await storeVault(context, tx, personId, upload.vault);
};

export const uploadVault = (context: ServerContext, caller: Caller, upload: VaultUpload): Promise<void> =>
  context.database.transaction((tx) => storeSignedVault(context, tx, caller.personId, upload));

export const getVerifications = async (context: ServerContext, personId: string) => {
  const [row] = await context.database.db
    .select()
    .from(contactVerifications)
    .where(eq(contactVerifications.personId, personId));
  return row
    ? (JSON.parse(Buffer.from(row.blob).toString('utf8')) as { blob: string; keyId: string; signature: string })
    : null;
};

export const putVerifications = async (
  context: ServerContext,
  caller: Caller,
  upload: { blob: string; keyId: string; signature: string },
): Promise<void> =>
  context.database.transaction(async (tx) => {
    const message = verificationsUploadMessage(caller.personId, upload.blob);
    if (
      !(await isSignedByCurrentKey(
        tx,
        caller.personId,
        upload.keyId,
        VERIFICATIONS_UPLOAD_TAG,
        message,
        upload.signature,
      ))
    ) {
      throw new ProblemError('forbidden', 'The list must be signed by your current key');
    }
    const row = { personId: caller.personId, blob: Buffer.from(JSON.stringify(upload)), updatedAt: context.now() };
    await tx
      .insert(contactVerifications)
      .values(row)
      .onConflictDoUpdate({ target: contactVerifications.personId, set: row });
  });
