import { and, eq, gt, isNull } from 'drizzle-orm';
import { challenges } from '../../db/schema/index';
import { type AuthenticationResponse, CeremonyOptions, type RegistrationResponse } from '../../shared/schemas/webauthn';
import type { ServerContext } from '../context';
import { ProblemError } from '../problems';
import { hashToken, randomToken } from './tokens';

/** A challenge lives five minutes and is consumed by its first use, successful or not. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
// Ed25519, ES256, RS256: what SimpleWebAuthn verifies on Node 20.
const ALGORITHMS = [-8, -7, -257];

let webAuthn: Promise<typeof import('@simplewebauthn/server')> | undefined;

/**
 * Loads SimpleWebAuthn once. It takes about a fifth of a second, so the server loads it as soon as
 * it listens rather than before (a restart is not held up by it); ceremonies await it.
 */
export const loadWebAuthn = () => {
  webAuthn ??= import('@simplewebauthn/server');
  return webAuthn;
};

type ChallengePurpose = (typeof challenges.$inferInsert)['purpose'];
type ChallengeBinding = { invitationId?: string; personId?: string; userHandle?: Uint8Array };

/** Creates and stores (as a hash) a fresh challenge for one ceremony. */
export const issueChallenge = async (
  context: ServerContext,
  purpose: ChallengePurpose,
  binding: ChallengeBinding = {},
) => {
  const challenge = randomToken();
  await context.database.db.insert(challenges).values({
    challengeHash: hashToken(challenge),
    purpose,
    invitationId: binding.invitationId ?? null,
    personId: binding.personId ?? null,
    userHandle: binding.userHandle ?? null,
    expiresAt: new Date(context.now().getTime() + CHALLENGE_TTL_MS),
  });
  return challenge;
};

const challengeOf = (clientDataJSON: string): string | undefined => {
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    if (typeof parsed.challenge === 'string' && parsed.challenge.length <= 128) {
      return parsed.challenge;
    }
  } catch {}
  return undefined;
};

/**
 * Consumes the challenge a response answers, in its own committed statement, so it is spent
 * whatever happens next. Refuses unknown, used, expired and wrongly purposed challenges.
 */
export const consumeChallenge = async (context: ServerContext, clientDataJSON: string, purpose: ChallengePurpose) => {
  const ceremony = purpose === 'sign-in' ? 'authentication' : 'registration';
  const challenge = challengeOf(clientDataJSON);
  if (challenge === undefined) {
    logRefusal(context, ceremony, 'no challenge in clientDataJSON');
    throw new ProblemError('passkeyRejected', 'clientDataJSON does not carry a challenge');
  }
  const now = context.now();
  const [row] = await context.database.db
    .update(challenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(challenges.challengeHash, hashToken(challenge)),
        eq(challenges.purpose, purpose),
        isNull(challenges.usedAt),
        gt(challenges.expiresAt, now),
      ),
    )
    .returning();
  if (!row) {
    // A replayed or stale response is the attempt most worth an operator's notice.
    logRefusal(context, ceremony, 'challenge unknown, used or expired');
    throw new ProblemError('passkeyRejected', 'The challenge is unknown, already used or expired');
  }
  return { challenge, row };
};

export const registrationOptions = async (
  context: ServerContext,
  challenge: string,
  user: { handle: Uint8Array; name: string },
  exclude: readonly { id: string; transports: readonly string[] }[] = [],
) => {
  const { generateRegistrationOptions } = await loadWebAuthn();
  const options = await generateRegistrationOptions({
    rpName: context.config.rpName,
    rpID: context.config.rpId,
    userName: user.name,
    userDisplayName: user.name,
    userID: new Uint8Array(user.handle),
    challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    excludeCredentials: exclude.map((credential) => ({ id: credential.id, transports: [...credential.transports] })),
    supportedAlgorithmIDs: ALGORITHMS,
    extensions: { prf: {} } as never,
  });
  return CeremonyOptions.parse(options);
};

export const authenticationOptions = async (context: ServerContext, challenge: string) => {
  const { generateAuthenticationOptions } = await loadWebAuthn();
  const options = await generateAuthenticationOptions({
    rpID: context.config.rpId,
    challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
    timeout: CHALLENGE_TTL_MS,
    userVerification: 'required',
    allowCredentials: [],
  });
  return CeremonyOptions.parse(options);
};

/** Turns SimpleWebAuthn's throws and `verified: false` into one refusal, logging the reason. */
const refuse = (context: ServerContext, purpose: string, error: unknown): ProblemError => {
  const reason = error instanceof Error ? error.message : 'signature did not verify';
  context.logger.warn({ event: 'passkey.rejected', purpose, reason }, 'passkey response refused');
  return new ProblemError('passkeyRejected', reason);
};

/** What Parley keeps of a verified registration. */
export type RegisteredPasskey = {
  readonly id: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: string[];
  readonly deviceType: string;
  readonly backedUp: boolean;
};

export const verifyRegistration = async (
  context: ServerContext,
  response: RegistrationResponse,
  challenge: string,
): Promise<RegisteredPasskey> => {
  const { verifyRegistrationResponse } = await loadWebAuthn();
  try {
    const result = await verifyRegistrationResponse({
      response: response as never,
      expectedChallenge: challenge,
      expectedOrigin: context.config.publicOrigin,
      expectedRPID: context.config.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
    if (!result.verified) {
      throw new Error('registration did not verify');
    }
    const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
    return {
      id: credential.id,
      publicKey: new Uint8Array(credential.publicKey),
      counter: credential.counter,
      transports: [...(credential.transports ?? [])],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    };
  } catch (error) {
    throw refuse(context, 'registration', error);
  }
};

export const verifyAuthentication = async (
  context: ServerContext,
  response: AuthenticationResponse,
  challenge: string,
  credential: { id: string; publicKey: Uint8Array; counter: number; transports: string[] },
): Promise<{ newCounter: number; backedUp: boolean }> => {
  const { verifyAuthenticationResponse } = await loadWebAuthn();
  try {
    const result = await verifyAuthenticationResponse({
      response: response as never,
      expectedChallenge: challenge,
      expectedOrigin: context.config.publicOrigin,
      expectedRPID: context.config.rpId,
      credential: {
        ...credential,
        publicKey: new Uint8Array(credential.publicKey),
        transports: credential.transports as never,
      },
      requireUserVerification: true,
    });
    if (!result.verified) {
      throw new Error('signature did not verify');
    }
    return { newCounter: result.authenticationInfo.newCounter, backedUp: result.authenticationInfo.credentialBackedUp };
  } catch (error) {
    throw refuse(context, 'authentication', error);
  }
};

/** Logs a refused ceremony that failed before SimpleWebAuthn saw it (unknown passkey, revoked person). */
export const logRefusal = (context: ServerContext, purpose: string, reason: string): void => {
  context.logger.warn({ event: 'passkey.rejected', purpose, reason }, 'passkey response refused');
};
