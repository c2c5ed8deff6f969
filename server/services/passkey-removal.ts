import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { challenges, credentials, keyVaults, sessions } from '../../db/schema/index';
import { PASSKEY_REMOVAL_TAG, passkeyRemovalMessage } from '../../shared/crypto/passkey-removal';
import type { Caller } from '../auth/caller';
import { issueChallenge } from '../auth/passkeys';
import { hashToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { isSignedByCurrentKey } from './person-keys';

export type PasskeyRemoval = { challenge: string; keyId: string; signature: string };

/** A challenge for the caller alone to sign into one passkey removal. */
export const startPasskeyRemoval = async (context: ServerContext, caller: Caller) => ({
  challenge: await issueChallenge(context, 'remove-passkey', { personId: caller.personId }),
});

/**
 * Spends the caller's removal challenge inside the removal's transaction: a refused removal
 * leaves it unspent (nothing changes at all), a completed one cannot be replayed.
 */
const spendChallenge = async (context: ServerContext, tx: Tx, personId: string, challenge: string) => {
  const now = context.now();
  const [spent] = await tx
    .update(challenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(challenges.challengeHash, hashToken(challenge)),
        eq(challenges.purpose, 'remove-passkey'),
        eq(challenges.personId, personId),
        isNull(challenges.usedAt),
        gt(challenges.expiresAt, now),
      ),
    )
    .returning({ hash: challenges.challengeHash });
  if (!spent) {
    throw new ProblemError('forbidden', 'The removal challenge is unknown, not yours, already used or expired');
  }
};

/**
 * Removes one of the caller's passkeys, never the last, on a removal signed by their current key
 * over a challenge issued to them: deletes the passkey and its PRF vault copy and ends every
 * session it signed in, all in one transaction.
 */
export const removePasskey = async (
  context: ServerContext,
  caller: Caller,
  credentialId: string,
  removal: PasskeyRemoval,
): Promise<{ endedSessions: number }> => {
  const { personId } = caller;
  const result = await context.database.transaction(async (tx) => {
    await spendChallenge(context, tx, personId, removal.challenge);
    const message = passkeyRemovalMessage(personId, credentialId, removal.challenge);
    if (!(await isSignedByCurrentKey(tx, personId, removal.keyId, PASSKEY_REMOVAL_TAG, message, removal.signature))) {
      throw new ProblemError('forbidden', 'The removal must be signed by your current key');
    }
    const owned = await tx
      .select({ id: credentials.id })
      .from(credentials)
      .where(eq(credentials.personId, personId))
      .for('update');
    if (!owned.some((credential) => credential.id === credentialId)) {
      throw new ProblemError('notFound', 'You have no passkey with this id');
    }
    if (owned.length === 1) {
      throw new ProblemError('conflict', 'This is your last passkey: add another before removing it');
    }
    await tx
      .delete(keyVaults)
      .where(
        and(eq(keyVaults.personId, personId), eq(keyVaults.kind, 'prf'), eq(keyVaults.credentialId, credentialId)),
      );
    const ended = await tx
      .update(sessions)
      .set({ endedAt: context.now() })
      .where(and(eq(sessions.personId, personId), eq(sessions.credentialId, credentialId), isNull(sessions.endedAt)))
      .returning({ id: sessions.id });
    await tx.delete(credentials).where(and(eq(credentials.id, credentialId), eq(credentials.personId, personId)));
    return { endedSessions: ended.length };
  });
  context.logger.info({ event: 'passkey.removed', person: personId }, 'passkey removed');
  return result;
};
