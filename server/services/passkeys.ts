import { asc, eq } from 'drizzle-orm';
import { credentials, people } from '../../db/schema/index';
import type { VaultUpload } from '../../shared/schemas/identity';
import type { RegistrationResponse } from '../../shared/schemas/webauthn';
import type { Caller } from '../auth/caller';
import {
  consumeChallenge,
  issueChallenge,
  logRefusal,
  registrationOptions,
  verifyRegistration,
} from '../auth/passkeys';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { storeSignedVault } from './vaults';

const toView = (row: typeof credentials.$inferSelect) => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
  ...(row.lastUsedAt ? { lastUsedAt: row.lastUsedAt.toISOString() } : {}),
  hasPrf: row.hasPrf,
  backedUp: row.backedUp,
});

export const listPasskeys = async (context: ServerContext, personId: string) =>
  (
    await context.database.db
      .select()
      .from(credentials)
      .where(eq(credentials.personId, personId))
      .orderBy(asc(credentials.createdAt))
  ).map(toView);

/** Registration options for another passkey of the signed-in person, excluding the ones they have. */
export const startAddPasskey = async (context: ServerContext, caller: Caller) => {
  const [person] = await context.database.db.select().from(people).where(eq(people.id, caller.personId));
  if (!person) {
    throw new ProblemError('unauthenticated');
  }
  const existing = await context.database.db
    .select()
    .from(credentials)
    .where(eq(credentials.personId, caller.personId));
  const challenge = await issueChallenge(context, 'add-passkey', { personId: caller.personId });
  return {
    options: await registrationOptions(
      context,
      challenge,
      { handle: person.userHandle, name: person.displayName },
      existing.map((credential) => ({ id: credential.id, transports: credential.transports })),
    ),
  };
};

/** Registers another passkey; its PRF vault copy, if given, must be signed by the current key. */
export const finishAddPasskey = async (
  context: ServerContext,
  caller: Caller,
  response: RegistrationResponse,
  vault: VaultUpload | undefined,
) => {
  const { challenge, row } = await consumeChallenge(context, response.response.clientDataJSON, 'add-passkey');
  if (row.personId !== caller.personId) {
    logRefusal(context, 'registration', 'challenge issued to someone else');
    throw new ProblemError('passkeyRejected', 'The challenge was issued to someone else');
  }
  const passkey = await verifyRegistration(context, response, challenge);
  if (vault && (vault.vault.kind !== 'prf' || vault.vault.credentialId !== passkey.id)) {
    throw new ProblemError('validation', "A new passkey's vault copy must be its own PRF copy");
  }
  const inserted = await context.database.transaction(async (tx) => {
    const [taken] = await tx.select({ id: credentials.id }).from(credentials).where(eq(credentials.id, passkey.id));
    if (taken) {
      throw new ProblemError('conflict', 'This passkey is already registered');
    }
    const [created] = await tx
      .insert(credentials)
      .values({
        id: passkey.id,
        personId: caller.personId,
        publicKey: passkey.publicKey,
        counter: passkey.counter,
        transports: passkey.transports,
        deviceType: passkey.deviceType,
        backedUp: passkey.backedUp,
        hasPrf: vault?.vault.kind === 'prf',
        createdAt: context.now(),
      })
      .returning();
    if (vault) {
      await storeSignedVault(context, tx, caller.personId, vault);
    }
    return created;
  });
  if (!inserted) {
    throw new Error('credential insert returned nothing');
  }
  return toView(inserted);
};
