import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateCredentialOptions, GetAssertionOptions } from './ceremony-options';
import { SoftwareAuthenticator } from './software-authenticator';
import { WebAuthnError } from './webauthn-error';
import { withoutPrfResults } from './webauthn-json';

const RP_ID = 'localhost';
const ORIGIN = 'http://localhost:8080';

const registrationOptions = (rpID = RP_ID) =>
  generateRegistrationOptions({
    rpName: 'Parley',
    rpID,
    userName: 'envoy@example.org',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });

/** Registers with the given faults and verifies the response as the server would. */
const verifyRegistration = async (authenticator: SoftwareAuthenticator, faults: CreateCredentialOptions = {}) => {
  const optionsJSON = await registrationOptions();
  const { response } = authenticator.createCredential(optionsJSON, faults);
  return verifyRegistrationResponse({
    response: withoutPrfResults(response),
    expectedChallenge: optionsJSON.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: true,
  });
};

/** Signs in with the given faults and verifies the response against `credential`. */
const verifyAssertion = async (
  authenticator: SoftwareAuthenticator,
  credential: WebAuthnCredential,
  faults: GetAssertionOptions = {},
) => {
  const optionsJSON = await generateAuthenticationOptions({ rpID: RP_ID, userVerification: 'required' });
  const { response } = authenticator.getAssertion(optionsJSON, faults);
  return verifyAuthenticationResponse({
    response: withoutPrfResults(response),
    expectedChallenge: optionsJSON.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    credential,
    requireUserVerification: true,
  });
};

describe('SoftwareAuthenticator faults that @simplewebauthn/server refuses', () => {
  let authenticator: SoftwareAuthenticator;
  let credential: WebAuthnCredential;

  beforeEach(async () => {
    authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const verification = await verifyRegistration(authenticator);
    if (!verification.verified) {
      throw new Error('registration did not verify');
    }
    credential = verification.registrationInfo.credential;
  });

  it('refuses a replayed challenge', async () => {
    const old = await generateAuthenticationOptions({ rpID: RP_ID });
    await expect(verifyAssertion(authenticator, credential, { challengeOverride: old.challenge })).rejects.toThrow(
      /Unexpected authentication response challenge/,
    );
    await expect(verifyRegistration(authenticator, { challengeOverride: old.challenge })).rejects.toThrow(
      /Unexpected registration response challenge/,
    );
  });

  it('refuses a wrong origin', async () => {
    const originOverride = 'https://parley.example.net';
    await expect(verifyAssertion(authenticator, credential, { originOverride })).rejects.toThrow(
      /Unexpected authentication response origin "https:\/\/parley.example.net"/,
    );
    await expect(verifyRegistration(authenticator, { originOverride })).rejects.toThrow(
      /Unexpected registration response origin/,
    );
  });

  it('refuses a wrong RP ID hash', async () => {
    const rpIdOverride = 'example.net';
    await expect(verifyAssertion(authenticator, credential, { rpIdOverride })).rejects.toThrow(/Unexpected RP ID hash/);
    await expect(verifyRegistration(authenticator, { rpIdOverride })).rejects.toThrow(/Unexpected RP ID hash/);
  });

  it('refuses the wrong ceremony type', async () => {
    await expect(verifyAssertion(authenticator, credential, { typeOverride: 'webauthn.create' })).rejects.toThrow(
      /Unexpected authentication response type/,
    );
    await expect(verifyRegistration(authenticator, { typeOverride: 'webauthn.get' })).rejects.toThrow(
      /Unexpected registration response type/,
    );
  });

  it('refuses a counter that is not greater than the stored one, unless both are zero', async () => {
    const stored = { ...credential, counter: 5 };
    await expect(verifyAssertion(authenticator, stored, { counterOverride: 3 })).rejects.toThrow(
      'Response counter value 3 was lower than expected 5',
    );
    await expect(verifyAssertion(authenticator, stored, { counterOverride: 5 })).rejects.toThrow(
      /Response counter value 5/,
    );
    const zero = await verifyAssertion(authenticator, { ...credential, counter: 0 }, { counterOverride: 0 });
    expect(zero).toMatchObject({ verified: true, authenticationInfo: { newCounter: 0 } });
  });

  it('refuses a response without user verification', async () => {
    await expect(verifyAssertion(authenticator, credential, { userVerified: false })).rejects.toThrow(
      'User verification required, but user could not be verified',
    );
    await expect(verifyRegistration(authenticator, { userVerified: false })).rejects.toThrow(
      'User verification was required, but user could not be verified',
    );
  });

  it('refuses a response without user presence', async () => {
    await expect(verifyAssertion(authenticator, credential, { userPresent: false })).rejects.toThrow(
      'User not present during authentication',
    );
    await expect(verifyRegistration(authenticator, { userPresent: false })).rejects.toThrow(
      'User presence was required, but user was not present',
    );
  });

  it('returns verified false for a bogus signature', async () => {
    const verification = await verifyAssertion(authenticator, credential, { bogusSignature: true });
    expect(verification.verified).toBe(false);
  });

  it('answers with a credential id the application does not know', async () => {
    const stranger = new SoftwareAuthenticator({ origin: ORIGIN });
    stranger.createCredential(await registrationOptions());
    const optionsJSON = await generateAuthenticationOptions({ rpID: RP_ID });
    const { response } = stranger.getAssertion(optionsJSON);
    const knownIds = new Set([credential.id]);
    expect(knownIds.has(response.id)).toBe(false);
  });
});

describe('SoftwareAuthenticator refusals of its own, as a browser would', () => {
  it('refuses an RP ID that does not fit the origin unless told to skip the check', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const optionsJSON = await registrationOptions('example.org');
    expect(() => authenticator.createCredential(optionsJSON)).toThrow(WebAuthnError);
    expect(() => authenticator.createCredential(optionsJSON)).toThrow(/RP ID "example.org" is not valid/);
    expect(authenticator.createCredential(optionsJSON, { skipRpIdCheck: true }).response.id).toBeTruthy();
    const requestJSON = await generateAuthenticationOptions({ rpID: 'example.org' });
    expect(() => authenticator.getAssertion(requestJSON)).toThrow(expect.objectContaining({ name: 'SecurityError' }));
  });

  it('accepts a registrable suffix of the host and refuses a bare top-level domain', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: 'https://app.parley.example' });
    const suffix = await registrationOptions('parley.example');
    const topLevel = await registrationOptions('example');
    expect(() => authenticator.createCredential(suffix)).not.toThrow();
    expect(() => authenticator.createCredential(topLevel)).toThrow(WebAuthnError);
  });

  it('refuses to register a credential it already holds in excludeCredentials', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const id = authenticator.createCredential(await registrationOptions()).response.id;
    const optionsJSON = await generateRegistrationOptions({
      rpName: 'Parley',
      rpID: RP_ID,
      userName: 'someone-else',
      excludeCredentials: [{ id }],
    });
    expect(() => authenticator.createCredential(optionsJSON)).toThrow(
      expect.objectContaining({ name: 'InvalidStateError' }),
    );
  });

  it('refuses to sign in when it holds no credential for the RP ID', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const optionsJSON = await generateAuthenticationOptions({ rpID: RP_ID });
    expect(() => authenticator.getAssertion(optionsJSON)).toThrow(expect.objectContaining({ name: 'NotAllowedError' }));
  });

  it('refuses to run in an insecure context', () => {
    expect(() => new SoftwareAuthenticator({ origin: 'http://parley.example' })).toThrow(
      expect.objectContaining({ name: 'SecurityError' }),
    );
  });
});
