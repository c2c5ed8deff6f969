import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { keyStatements, pendingEnrolments } from '../../db/schema/index';
import { taggedMessage } from '../../shared/crypto/tagged';
import { fromBase64url } from '../../shared/encoding/bytes';
import { verifyEd25519 } from '../crypto/ed25519';

export type PersonKey = { readonly keyId: string; readonly signKey: string; readonly boxKey: string };

/**
 * A person's current key: from their latest directory statement unless it revoked it, or from
 * their enrolment while it awaits endorsement.
 */
export const currentKeyOf = async (db: Db | Tx, personId: string): Promise<PersonKey | null> => {
  const [latest] = await db
    .select({ signed: keyStatements.signed, kind: keyStatements.kind })
    .from(keyStatements)
    .where(eq(keyStatements.personId, personId))
    .orderBy(desc(keyStatements.seq))
    .limit(1);
  const statement =
    latest?.signed.statement ??
    (await db.select().from(pendingEnrolments).where(eq(pendingEnrolments.personId, personId)).limit(1))[0]?.signed
      .statement;
  if (!statement || latest?.kind === 'revoke') {
    return null;
  }
  return { keyId: statement.keyId, signKey: statement.signKey, boxKey: statement.boxKey };
};

/** Whether `signature` (base64url) is the person's current key signing `message` under `tag`. */
export const isSignedByCurrentKey = async (
  db: Db | Tx,
  personId: string,
  keyId: string,
  tag: string,
  message: Uint8Array,
  signature: string,
): Promise<boolean> => {
  const key = await currentKeyOf(db, personId);
  return (
    key !== null &&
    key.keyId === keyId &&
    verifyEd25519(taggedMessage(tag, message), fromBase64url(signature), fromBase64url(key.signKey))
  );
};
