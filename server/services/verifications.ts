import { eq } from 'drizzle-orm';
import { contactVerifications } from '../../db/schema/index';
import { nextUploadPosition, verificationsUploadState } from '../../shared/crypto/signed-upload';
import { VERIFICATIONS_UPLOAD_TAG, verificationsUploadMessage } from '../../shared/crypto/upload-signature';
import type { StoredVerifications, VerificationsUpload } from '../../shared/schemas/identity';
import type { Caller } from '../auth/caller';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { isSignedByCurrentKey } from './person-keys';
import { assertNextUpload } from './upload-order';

/** What the `blob` column holds: the sealed list, and who signed it how, as sent. */
type SentList = { blob: string; keyId: string; signature: string };

const toStored = (row: typeof contactVerifications.$inferSelect): StoredVerifications => {
  const { blob, keyId, signature } = JSON.parse(Buffer.from(row.blob).toString('utf8')) as SentList;
  return row.version === 0
    ? { blob, version: 0, keyId, signature }
    : { blob, version: row.version, previousHash: row.previousHash, keyId, signature };
};

export const getVerifications = async (context: ServerContext, personId: string) => {
  const [row] = await context.database.db
    .select()
    .from(contactVerifications)
    .where(eq(contactVerifications.personId, personId));
  return row ? toStored(row) : null;
};

/**
 * Replaces the person's sealed list of verified contacts with an upload signed by their current
 * key at the next version of the stored one; an older upload replayed is refused as a conflict.
 */
export const putVerifications = async (
  context: ServerContext,
  caller: Caller,
  upload: VerificationsUpload,
): Promise<void> =>
  context.database.transaction(async (tx) => {
    const { personId } = caller;
    const message = verificationsUploadMessage(personId, upload.blob, upload);
    if (
      !(await isSignedByCurrentKey(tx, personId, upload.keyId, VERIFICATIONS_UPLOAD_TAG, message, upload.signature))
    ) {
      throw new ProblemError('forbidden', 'The list must be signed by your current key');
    }
    const [row] = await tx
      .select()
      .from(contactVerifications)
      .where(eq(contactVerifications.personId, personId))
      .for('update');
    const stored = row ? verificationsUploadState(personId, toStored(row)) : null;
    assertNextUpload('list of verified contacts', nextUploadPosition(stored), upload);
    const sent: SentList = { blob: upload.blob, keyId: upload.keyId, signature: upload.signature };
    const values = {
      personId,
      blob: Buffer.from(JSON.stringify(sent)),
      version: upload.version,
      previousHash: upload.previousHash,
      updatedAt: context.now(),
    };
    if (row) {
      await tx.update(contactVerifications).set(values).where(eq(contactVerifications.personId, personId));
      return;
    }
    const inserted = await tx
      .insert(contactVerifications)
      .values(values)
      .onConflictDoNothing()
      .returning({ personId: contactVerifications.personId });
    if (inserted.length === 0) {
      throw new ProblemError(
        'conflict',
        'Another list of verified contacts was stored meanwhile: fetch it and sign again',
      );
    }
  });
