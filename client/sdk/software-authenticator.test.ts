import { createPublicKey } from 'node:crypto';
import { decodeCBOR } from '@levischuck/tiny-cbor';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  type AuthenticationExtensionsClientInputs,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url, utf8Bytes } from '../../shared/encoding/bytes';
import type { GetAssertionOptions } from './ceremony-options';
import type { PrfInputs } from './evaluate-prf';
import { SoftwareAuthenticator } from './software-authenticator';
import { withoutPrfResults } from './webauthn-json';

const RP_ID = 'localhost';
const ORIGIN = 'http://localhost:8080';
const USER_ID = new Uint8Array(utf8Bytes('envoy-0001'));

const register = async (
  authenticator: SoftwareAuthenticator,
  extensions?: AuthenticationExtensionsClientInputs,
  prf?: PrfInputs,
) => {
  const optionsJSON = await generateRegistrationOptions({
    rpName: 'Parley',
    rpID: RP_ID,
    userName: 'envoy@example.org',
    userID: USER_ID,
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    ...(extensions ? { extensions } : {}),
  });
  const result = authenticator.createCredential(optionsJSON, prf ? { prf } : {});
  const verification = await verifyRegistrationResponse({
    response: withoutPrfResults(result.response),
    expectedChallenge: optionsJSON.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    requireUserVerification: true,
  });
  if (!verification.verified) {
    throw new Error('registration did not verify');
  }
  return { optionsJSON, result, info: verification.registrationInfo };
};

const authenticate = async (
  authenticator: SoftwareAuthenticator,
  credential: WebAuthnCredential,
  options: GetAssertionOptions = {},
) => {
  const optionsJSON = await generateAuthenticationOptions({ rpID: RP_ID, userVerification: 'required' });
  const result = authenticator.getAssertion(optionsJSON, options);
  const verification = await verifyAuthenticationResponse({
    response: withoutPrfResults(result.response),
    expectedChallenge: optionsJSON.challenge,
    expectedOrigin: ORIGIN,
    expectedRPID: RP_ID,
    credential,
    requireUserVerification: true,
  });
  return { result, verification };
};

describe('SoftwareAuthenticator against @simplewebauthn/server v14', () => {
  it('registers a credential the server verifies as none attestation with user verification', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const { result, info } = await register(authenticator);
    expect(info).toMatchObject({ fmt: 'none', userVerified: true, credentialDeviceType: 'singleDevice' });
    expect(info.credential).toMatchObject({ id: result.response.id, counter: 0 });
    expect(result.response).toMatchObject({
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } },
      response: { transports: ['internal'], publicKeyAlgorithm: -7 },
    });
    expect(Object.keys(result.response.response)).toEqual([
      'attestationObject',
      'clientDataJSON',
      'transports',
      'publicKeyAlgorithm',
      'publicKey',
      'authenticatorData',
    ]);
    expect(result.prf).toBeUndefined();
    expect(authenticator.credentialIds()).toEqual([result.response.id]);
  });

  it('encodes authenticator data, COSE key and clientDataJSON as a browser does', async () => {
    const { optionsJSON, result } = await register(new SoftwareAuthenticator({ origin: ORIGIN }));
    const { response } = result.response;
    const attestation = decodeCBOR(fromBase64url(response.attestationObject)) as Map<string, unknown>;
    expect([...attestation.keys()]).toEqual(['fmt', 'attStmt', 'authData']);
    expect(attestation.get('fmt')).toBe('none');
    expect(attestation.get('attStmt')).toEqual(new Map());
    const authData = attestation.get('authData') as Uint8Array;
    expect(toBase64url(authData)).toBe(response.authenticatorData);
    expect(authData.slice(0, 32)).toEqual(sha256(utf8Bytes(RP_ID)));
    expect(authData[32]).toBe(0x45);
    expect(authData.slice(33, 37)).toEqual(new Uint8Array(4));
    expect(authData.slice(37, 53)).toEqual(new Uint8Array(16));
    const credentialId = fromBase64url(result.response.rawId);
    expect(credentialId.length).toBeGreaterThanOrEqual(16);
    expect([authData[53], authData[54]]).toEqual([0, credentialId.length]);
    expect(authData.slice(55, 55 + credentialId.length)).toEqual(credentialId);
    const coseKey = decodeCBOR(authData.slice(55 + credentialId.length)) as Map<number, unknown>;
    expect([...coseKey.keys()]).toEqual([1, 3, -1, -2, -3]);
    const jwk = createPublicKey({
      key: Buffer.from(fromBase64url(response.publicKey ?? '')),
      format: 'der',
      type: 'spki',
    }).export({ format: 'jwk' });
    expect(coseKey.get(1)).toBe(2);
    expect(coseKey.get(3)).toBe(-7);
    expect(coseKey.get(-1)).toBe(1);
    expect(toBase64url(coseKey.get(-2) as Uint8Array)).toBe(jwk.x);
    expect(toBase64url(coseKey.get(-3) as Uint8Array)).toBe(jwk.y);
    expect(new TextDecoder().decode(fromBase64url(response.clientDataJSON))).toBe(
      `{"type":"webauthn.create","challenge":"${optionsJSON.challenge}","origin":"${ORIGIN}","crossOrigin":false}`,
    );
  });

  it('signs in with the discoverable credential, returns the user handle and raises the counter', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const { optionsJSON, info } = await register(authenticator);
    const first = await authenticate(authenticator, info.credential);
    expect(first.verification).toMatchObject({ verified: true, authenticationInfo: { userVerified: true } });
    expect(first.result.response.response.userHandle).toBe(optionsJSON.user.id);
    expect(first.result.response.clientExtensionResults).toEqual({});
    const firstCounter = first.verification.authenticationInfo.newCounter;
    const second = await authenticate(authenticator, { ...info.credential, counter: firstCounter });
    expect(second.verification.verified).toBe(true);
    expect(second.verification.authenticationInfo.newCounter).toBeGreaterThan(firstCounter);
    expect(authenticator.signCount(info.credential.id)).toBe(2);
  });

  it('asks which credential to use when several are discoverable for the RP ID', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    await register(authenticator);
    const optionsJSON = await generateRegistrationOptions({ rpName: 'Parley', rpID: RP_ID, userName: 'staff' });
    const other = authenticator.createCredential(optionsJSON).response.id;
    const requestJSON = await generateAuthenticationOptions({ rpID: RP_ID });
    expect(() => authenticator.getAssertion(requestJSON)).toThrow(/2 credentials match/);
    expect(authenticator.getAssertion(requestJSON, { credentialId: other }).response.id).toBe(other);
    const allowCredentials = [{ id: other }];
    const allowed = await generateAuthenticationOptions({ rpID: RP_ID, allowCredentials });
    expect(authenticator.getAssertion(allowed).response.id).toBe(other);
  });

  it('replaces the stored credential when the same user registers again', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    await register(authenticator);
    const { result } = await register(authenticator);
    expect(authenticator.credentialIds()).toEqual([result.response.id]);
  });
});

describe('SoftwareAuthenticator PRF', () => {
  const saltA = utf8Bytes('parley unlock salt A');
  const saltB = utf8Bytes('parley unlock salt B');

  it('returns 32-byte outputs, equal for equal salts and different for different salts', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const { result: created, info } = await register(authenticator, { prf: {} });
    expect(created.response.clientExtensionResults.prf).toEqual({ enabled: true });
    const { credential } = info;
    const first = await authenticate(authenticator, credential, { prf: { first: saltA, second: saltB } });
    const again = await authenticate(authenticator, { ...credential, counter: 1 }, { prf: { first: saltA } });
    const swapped = await authenticate(authenticator, { ...credential, counter: 2 }, { prf: { first: saltB } });
    expect(first.verification.verified && again.verification.verified && swapped.verification.verified).toBe(true);
    const outputs = first.result.prf;
    expect(outputs?.first).toHaveLength(32);
    expect(outputs?.second).toHaveLength(32);
    expect(again.result.prf?.first).toEqual(outputs?.first);
    expect(swapped.result.prf?.first).toEqual(outputs?.second);
    expect(outputs?.first).not.toEqual(outputs?.second);
    expect(first.result.response.clientExtensionResults.prf).toEqual({
      results: {
        first: toBase64url(outputs?.first ?? new Uint8Array()),
        second: toBase64url(outputs?.second ?? new Uint8Array()),
      },
    });
  });

  it('computes HMAC-SHA-256(secret, SHA-256("WebAuthn PRF" || 0x00 || salt)), checked with @noble/hashes', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    const { result } = await register(authenticator, undefined, { first: saltA });
    const secret = fromBase64url(authenticator.exportState().credentials[0]?.prfSecret ?? '');
    const salt = sha256(new Uint8Array([...utf8Bytes('WebAuthn PRF'), 0, ...saltA]));
    expect(result.prf?.first).toEqual(hmac(sha256, secret, salt));
    expect(result.response.clientExtensionResults.prf?.enabled).toBe(true);
    const later = authenticator.getAssertion(await generateAuthenticationOptions({ rpID: RP_ID }), {
      prf: { first: saltA },
    });
    expect(later.prf?.first).toEqual(result.prf?.first);
  });

  it('reads inputs given as base64url strings in extensions.prf.eval', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN });
    await register(authenticator);
    const optionsJSON = await generateAuthenticationOptions({ rpID: RP_ID });
    const fromBytes = authenticator.getAssertion(optionsJSON, { prf: { first: saltA } }).prf;
    const prfJSON = { eval: { first: toBase64url(saltA) } } as unknown as NonNullable<
      AuthenticationExtensionsClientInputs['prf']
    >;
    const fromJSON = authenticator.getAssertion({ ...optionsJSON, extensions: { prf: prfJSON } }).prf;
    expect(fromJSON?.first).toEqual(fromBytes?.first);
  });

  it('reports prf.enabled false and gives no outputs when hasPrf is false', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: ORIGIN, hasPrf: false });
    const { result, info } = await register(authenticator, { prf: {} }, { first: saltA });
    expect(result.response.clientExtensionResults.prf).toEqual({ enabled: false });
    expect(result.prf).toBeUndefined();
    const { result: assertion, verification } = await authenticate(authenticator, info.credential, {
      prf: { first: saltA },
    });
    expect(verification.verified).toBe(true);
    expect(assertion.prf).toBeUndefined();
    expect(assertion.response.clientExtensionResults.prf).toBeUndefined();
  });
});

describe('SoftwareAuthenticator state', () => {
  it('keeps signing after export and import, with a continuing counter and the same PRF', async () => {
    const original = new SoftwareAuthenticator({ origin: ORIGIN });
    const { info } = await register(original);
    const before = await authenticate(original, info.credential, { prf: { first: USER_ID } });
    const counter = before.verification.authenticationInfo.newCounter;
    const restored = SoftwareAuthenticator.fromState(JSON.parse(JSON.stringify(original.exportState())));
    expect(restored.credentialIds()).toEqual(original.credentialIds());
    expect(restored.signCount(info.credential.id)).toBe(counter);
    const after = await authenticate(restored, { ...info.credential, counter }, { prf: { first: USER_ID } });
    expect(after.verification.verified).toBe(true);
    expect(after.verification.authenticationInfo.newCounter).toBe(counter + 1);
    expect(after.result.prf?.first).toEqual(before.result.prf?.first);
  });

  it('refuses a state that does not match the schema', () => {
    const state = new SoftwareAuthenticator({ origin: ORIGIN }).exportState();
    expect(() => SoftwareAuthenticator.fromState({ ...state, version: 2 })).toThrow();
    const badCredential = { id: 'AAAAAAAAAAAAAAAAAAAAAA', rpId: RP_ID, userHandle: 'AA', userName: '', signCount: 0 };
    expect(() =>
      SoftwareAuthenticator.fromState({
        ...state,
        credentials: [{ ...badCredential, privateKey: 'AA', prfSecret: 'AA' }],
      }),
    ).toThrow();
  });
});
