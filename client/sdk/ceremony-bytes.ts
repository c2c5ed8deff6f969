import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { type AttestedCredential, buildAuthenticatorData } from './build-authenticator-data';
import { buildClientDataJSON } from './build-client-data-json';
import type { CeremonyFaults } from './ceremony-options';

/** Browsers tolerate padding in the challenge and always report it unpadded. */
const normaliseChallenge = (challenge: string): string => toBase64url(fromBase64url(challenge.replace(/=+$/, '')));

/** Authenticator data of one ceremony, with the injected faults applied. */
export const ceremonyAuthenticatorData = (
  fields: { rpId: string; signCount: number; attestedCredential?: AttestedCredential },
  faults: CeremonyFaults,
): Uint8Array =>
  buildAuthenticatorData({
    ...fields,
    rpId: faults.rpIdOverride ?? fields.rpId,
    isUserPresent: faults.userPresent ?? true,
    isUserVerified: faults.userVerified ?? true,
    signCount: faults.counterOverride ?? fields.signCount,
  });

/** `clientDataJSON` of one ceremony, with the injected faults applied. */
export const ceremonyClientDataJSON = (
  fields: { type: 'webauthn.create' | 'webauthn.get'; challenge: string; origin: string },
  faults: CeremonyFaults,
): Uint8Array =>
  buildClientDataJSON({
    type: faults.typeOverride ?? fields.type,
    challenge: faults.challengeOverride ?? normaliseChallenge(fields.challenge),
    origin: faults.originOverride ?? fields.origin,
  });
