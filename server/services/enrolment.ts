import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { credentials, invitations, pendingEnrolments, people } from '../../db/schema/index';
import { taggedMessage } from '../../shared/crypto/tagged';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { EnrolmentOptionsResponse, VaultCopy, VaultUpload } from '../../shared/schemas/identity';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { RegistrationResponse } from '../../shared/schemas/webauthn';
import {
  consumeChallenge,
  issueChallenge,
  logRefusal,
  registrationOptions,
  verifyRegistration,
} from '../auth/passkeys';
import { createSession } from '../auth/sessions';
import { csrfTokenFor } from '../auth/tokens';
import type { ServerContext } from '../context';
import { verifyEd25519 } from '../crypto/ed25519';
import { ProblemError } from '../problems';
import { openInvitationForToken } from './invitations';
import type { KeyDirectory } from './key-directory';
import { sessionView } from './sign-in';
import { storeVaultUpload, vaultUploadSignedBytes } from './vaults';

/** Checks an invitation and prepares the passkey registration of the person it invites. */
export const startEnrolment = async (context: ServerContext, token: string): Promise<EnrolmentOptionsResponse> => {
  const { invitation, party } = await openInvitationForToken(context, context.database.db, token, false);
  const personId = randomUUID();
  const userHandle = new Uint8Array(randomBytes(32));
  const challenge = await issueChallenge(context, 'enrol', { invitationId: invitation.id, personId, userHandle });
  const inviter = invitation.invitedBy
    ? (await context.database.db.select().from(people).where(eq(people.id, invitation.invitedBy)))[0]
    : undefined;
  return {
    invitation: {
      id: invitation.id,
      party: { id: party.id, name: party.name },
      role: invitation.role,
      name: invitation.displayName,
      expiresAt: invitation.expiresAt.toISOString(),
      ...(inviter ? { invitedBy: { id: inviter.id, name: inviter.displayName } } : {}),
    },
    personId,
    options: await registrationOptions(context, challenge, { handle: userHandle, name: invitation.displayName }),
  };
};

/** Which vault copies an enrolment must bring: the recovery copy, and a PRF or passphrase copy. */
const assertVaultSet = (vaults: readonly VaultCopy[], credentialId: string): void => {
  const kinds = vaults.map((vault) => vault.kind);
  if (new Set(kinds).size !== kinds.length) {
    throw new ProblemError('validation', 'At most one vault copy of each kind');
  }
  if (!kinds.includes('recovery') || !(kinds.includes('prf') || kinds.includes('passphrase'))) {
    throw new ProblemError('validation', 'Enrolment needs a recovery copy and a PRF or passphrase copy of the vault');
  }
  const prf = vaults.find((vault) => vault.kind === 'prf');
  if (prf && prf.credentialId !== credentialId) {
    throw new ProblemError('validation', 'The PRF copy must name the passkey being registered');
  }
};

/** Each first copy must be signed by the key the enrolment publishes: nobody else can vouch for it yet. */
const assertSignedByNewKey = (personId: string, statement: SignedKeyStatement, vaults: readonly VaultUpload[]) => {
  const { keyId, signKey } = statement.statement;
  for (const upload of vaults) {
    const { tag, message } = vaultUploadSignedBytes(personId, upload);
    const signature = fromBase64url(upload.signature);
    if (upload.keyId !== keyId || !verifyEd25519(taggedMessage(tag, message), signature, fromBase64url(signKey))) {
      throw new ProblemError(
        'forbidden',
        `The ${upload.vault.kind} vault copy must be signed by the key being enrolled`,
      );
    }
  }
};

/**
 * Registers the invitee's passkey, stores their encrypted vaults and self-signed enrol statement
 * (published at once for an operator-bootstrapped admin, else held for the inviting admin's
 * endorsement), spends the invitation, and signs them in: all in one transaction.
 */
export const finishEnrolment = async (
  context: ServerContext,
  directory: KeyDirectory,
  request: { token: string; response: RegistrationResponse; statement: SignedKeyStatement; vaults: VaultUpload[] },
) => {
  const { challenge, row: issued } = await consumeChallenge(context, request.response.response.clientDataJSON, 'enrol');
  const passkey = await verifyRegistration(context, request.response, challenge);
  assertVaultSet(
    request.vaults.map((upload) => upload.vault),
    passkey.id,
  );
  const personId = issued.personId ?? '';
  const result = await context.database.transaction(async (tx) => {
    const { invitation } = await openInvitationForToken(context, tx, request.token, true);
    if (invitation.id !== issued.invitationId || !issued.userHandle) {
      logRefusal(context, 'registration', 'challenge issued for another invitation');
      throw new ProblemError('passkeyRejected', 'The challenge was issued for another invitation');
    }
    const expected = {
      kind: 'enrol',
      person: personId,
      party: invitation.partyId,
      role: invitation.role,
      name: invitation.displayName,
      invitation: invitation.id,
      authority: invitation.invitedBy ?? 'bootstrap',
    };
    directory.assertSelfSignedEnrolment(request.statement, expected);
    assertSignedByNewKey(personId, request.statement, request.vaults);
    const [taken] = await tx.select({ id: credentials.id }).from(credentials).where(eq(credentials.id, passkey.id));
    if (taken) {
      throw new ProblemError('conflict', 'This passkey is already registered');
    }
    const isBootstrap = invitation.invitedBy === null;
    const now = context.now();
    await tx.insert(people).values({
      id: personId,
      partyId: invitation.partyId,
      role: invitation.role,
      displayName: invitation.displayName,
      status: isBootstrap ? 'active' : 'pending',
      userHandle: issued.userHandle,
      createdAt: now,
    });
    await tx.insert(credentials).values({
      id: passkey.id,
      personId,
      publicKey: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports,
      deviceType: passkey.deviceType,
      backedUp: passkey.backedUp,
      hasPrf: request.vaults.some((upload) => upload.vault.kind === 'prf'),
      createdAt: now,
    });
    for (const upload of request.vaults) {
      await storeVaultUpload(context, tx, personId, upload);
    }
    await tx.update(invitations).set({ usedAt: now, usedBy: personId }).where(eq(invitations.id, invitation.id));
    if (isBootstrap) {
      await directory.append(tx, request.statement);
    } else {
      await tx.insert(pendingEnrolments).values({ personId, signed: request.statement, createdAt: now });
    }
    return createSession(context, tx, personId, passkey.id, undefined);
  });
  context.logger.info({ event: 'person.enrolled', person: personId }, 'enrolled');
  return {
    token: result.token,
    view: await sessionView(context, {
      personId,
      csrfToken: csrfTokenFor(result.token),
      credentialId: passkey.id,
      expiresAt: result.expiresAt,
    }),
  };
};
