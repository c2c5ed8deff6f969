import { createHash, createPublicKey, sign } from 'node:crypto';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { concatBytes, equalBytes, toBase64url } from '../../shared/encoding/bytes';
import { ceremonyAuthenticatorData, ceremonyClientDataJSON } from './ceremony-bytes';
import type { CeremonyFaults, CeremonyResult, CreateCredentialOptions, GetAssertionOptions } from './ceremony-options';
import { checkCreationOptions } from './check-creation-options';
import { COSE_ALG_ES256, encodeCosePublicKey } from './encode-cose-public-key';
import { encodeNoneAttestation } from './encode-none-attestation';
import { evaluatePrf, type PrfOutputs } from './evaluate-prf';
import { isRpIdValidForHost, parseWebOrigin, type WebOrigin } from './parse-web-origin';
import { type PrfRequest, resolvePrfRequest } from './resolve-prf-request';
import { selectCredential } from './select-credential';
import { SoftwareAuthenticatorState } from './software-authenticator-state';
import {
  createStoredCredential,
  type StoredCredential,
  storedCredentialFromJSON,
  storedCredentialToJSON,
} from './stored-credential';
import { WebAuthnError } from './webauthn-error';
import {
  prfResultsToJSON,
  type SoftwareAuthenticationResponseJSON,
  type SoftwareRegistrationResponseJSON,
} from './webauthn-json';

/** Constructor options of {@link SoftwareAuthenticator}. */
export type SoftwareAuthenticatorOptions = {
  /** The web origin the authenticator "runs" in, e.g. `http://localhost:8080`; must be a secure context. */
  origin: string;
  /** Whether credentials support the PRF extension (CTAP `hmac-secret`); default `true`. */
  hasPrf?: boolean;
};

/**
 * A software FIDO2 platform authenticator plus the browser around it, for tests, CLIs and
 * benchmarks. Its ceremonies return exactly the JSON that @simplewebauthn/browser v14's
 * `startRegistration` / `startAuthentication` return: P-256 (COSE -7) discoverable credentials,
 * `none` attestation, UP and UV set, sign count +1 per assertion. Methods are synchronous.
 *
 * PRF inputs are passed as bytes in the per-call options; outputs come back both inside
 * `clientExtensionResults.prf.results` (base64url) and as bytes in {@link CeremonyResult.prf}.
 * Strip them with `withoutPrfResults` (./webauthn-json) before sending a response to a server.
 */
export class SoftwareAuthenticator {
  /** Whether credentials support PRF; when `false`, registration reports `prf.enabled: false`. */
  readonly hasPrf: boolean;
  readonly #webOrigin: WebOrigin;
  readonly #credentials = new Map<string, StoredCredential>();

  /** @throws {WebAuthnError} `SecurityError` when `origin` is not a secure context. */
  constructor({ origin, hasPrf = true }: SoftwareAuthenticatorOptions) {
    this.#webOrigin = parseWebOrigin(origin);
    this.hasPrf = hasPrf;
  }

  /** The serialised origin reported in `clientDataJSON`. */
  get origin(): string {
    return this.#webOrigin.origin;
  }

  /**
   * Restores an authenticator saved with {@link SoftwareAuthenticator.exportState}.
   *
   * @throws {z.ZodError} when `state` does not match {@link SoftwareAuthenticatorState}.
   */
  static fromState(state: unknown): SoftwareAuthenticator {
    const parsed = SoftwareAuthenticatorState.parse(state);
    const authenticator = new SoftwareAuthenticator({ origin: parsed.origin, hasPrf: parsed.hasPrf });
    for (const json of parsed.credentials) {
      authenticator.#credentials.set(json.id, storedCredentialFromJSON(json));
    }
    return authenticator;
  }

  /** The whole state, private keys and PRF secrets included, as a JSON-safe object. Keep it secret. */
  exportState(): SoftwareAuthenticatorState {
    const credentials = [...this.#credentials.values()].map(storedCredentialToJSON);
    return { version: 1, origin: this.origin, hasPrf: this.hasPrf, credentials };
  }

  /** base64url ids of all stored credentials, oldest first. */
  credentialIds(): string[] {
    return [...this.#credentials.keys()];
  }

  /** @throws {RangeError} for an unknown credential id. */
  signCount(credentialId: string): number {
    const credential = this.#credentials.get(credentialId);
    if (!credential) {
      throw new RangeError(`No credential ${credentialId} on this authenticator`);
    }
    return credential.signCount;
  }

  /**
   * Registers a new discoverable credential, like `startRegistration({ optionsJSON })`. A stored
   * credential for the same RP ID and user handle is replaced, as CTAP2 authenticators do.
   *
   * @throws {WebAuthnError} `SecurityError` when `rp.id` does not fit the origin; see also
   *   {@link checkCreationOptions}.
   */
  createCredential(
    optionsJSON: PublicKeyCredentialCreationOptionsJSON,
    options: CreateCredentialOptions = {},
  ): CeremonyResult<SoftwareRegistrationResponseJSON> {
    const rpId = this.#checkedRpId(optionsJSON.rp.id, options);
    const storedForRpId = [...this.#credentials.values()].filter((stored) => stored.rpId === rpId);
    const userHandle = checkCreationOptions(optionsJSON, storedForRpId);
    const prfRequest = resolvePrfRequest(optionsJSON.extensions, options.prf, { hasAllowList: false });
    const credential = createStoredCredential({ rpId, userHandle, userName: optionsJSON.user.name });
    const publicKey = createPublicKey(credential.privateKey);
    const attestedCredential = { credentialId: credential.id, cosePublicKey: encodeCosePublicKey(publicKey) };
    const authData = ceremonyAuthenticatorData({ rpId, signCount: credential.signCount, attestedCredential }, options);
    const { challenge } = optionsJSON;
    const clientDataJSON = ceremonyClientDataJSON({ type: 'webauthn.create', challenge, origin: this.origin }, options);
    const prf = this.#evaluatePrf(credential, prfRequest);

    for (const stored of storedForRpId) {
      if (equalBytes(stored.userHandle, userHandle)) {
        this.#credentials.delete(toBase64url(stored.id));
      }
    }
    const id = toBase64url(credential.id);
    this.#credentials.set(id, credential);

    const wantsCredProps = optionsJSON.extensions?.credProps === true;
    const response: SoftwareRegistrationResponseJSON = {
      id,
      rawId: id,
      response: {
        attestationObject: toBase64url(encodeNoneAttestation(authData)),
        clientDataJSON: toBase64url(clientDataJSON),
        transports: ['internal'],
        publicKeyAlgorithm: COSE_ALG_ES256,
        publicKey: toBase64url(publicKey.export({ format: 'der', type: 'spki' })),
        authenticatorData: toBase64url(authData),
      },
      type: 'public-key',
      clientExtensionResults: {
        ...(wantsCredProps ? { credProps: { rk: true } } : {}),
        ...(prfRequest.isRequested ? { prf: { enabled: this.hasPrf, ...prfResultsToJSON(prf) } } : {}),
      },
      authenticatorAttachment: 'platform',
    };
    return prf ? { response, prf } : { response };
  }

  /**
   * Signs in with a stored credential, like `startAuthentication({ optionsJSON })`: with an empty
   * or absent `allowCredentials`, the discoverable credential for the RP ID (or `options.credentialId`).
   *
   * @throws {WebAuthnError} `SecurityError` when `rpId` does not fit the origin, `NotAllowedError`
   *   when no credential (or more than one, unchosen) matches.
   */
  getAssertion(
    optionsJSON: PublicKeyCredentialRequestOptionsJSON,
    options: GetAssertionOptions = {},
  ): CeremonyResult<SoftwareAuthenticationResponseJSON> {
    const rpId = this.#checkedRpId(optionsJSON.rpId, options);
    const allowCredentials = optionsJSON.allowCredentials ?? [];
    const credential = selectCredential(this.#credentials.values(), rpId, allowCredentials, options.credentialId);
    const id = toBase64url(credential.id);
    const prfRequest = resolvePrfRequest(optionsJSON.extensions, options.prf, {
      credentialId: id,
      hasAllowList: allowCredentials.length > 0,
    });
    const prf = this.#evaluatePrf(credential, prfRequest);

    credential.signCount += 1;
    const authData = ceremonyAuthenticatorData({ rpId, signCount: credential.signCount }, options);
    const { challenge } = optionsJSON;
    const clientDataJSON = ceremonyClientDataJSON({ type: 'webauthn.get', challenge, origin: this.origin }, options);
    const clientDataHash = createHash('sha256').update(clientDataJSON).digest();
    const signedBytes = concatBytes(authData, clientDataHash);
    // A bogus signature is still valid DER, so the verifier gets as far as checking it.
    const message = options.bogusSignature ? concatBytes(signedBytes, new Uint8Array([0])) : signedBytes;

    const response: SoftwareAuthenticationResponseJSON = {
      id,
      rawId: id,
      response: {
        authenticatorData: toBase64url(authData),
        clientDataJSON: toBase64url(clientDataJSON),
        signature: toBase64url(sign('sha256', message, credential.privateKey)),
        userHandle: toBase64url(credential.userHandle),
      },
      type: 'public-key',
      clientExtensionResults: prfRequest.isRequested && this.hasPrf ? { prf: prfResultsToJSON(prf) } : {},
      authenticatorAttachment: 'platform',
    };
    return prf ? { response, prf } : { response };
  }

  #checkedRpId(requested: string | undefined, faults: CeremonyFaults): string {
    const rpId = requested ?? this.#webOrigin.host;
    if (!faults.skipRpIdCheck && !isRpIdValidForHost(rpId, this.#webOrigin.host)) {
      throw new WebAuthnError('SecurityError', `RP ID "${rpId}" is not valid for origin ${this.origin}`);
    }
    return rpId;
  }

  #evaluatePrf(credential: StoredCredential, request: PrfRequest): PrfOutputs | undefined {
    return this.hasPrf && request.isRequested && request.inputs
      ? evaluatePrf(credential.prfSecret, request.inputs)
      : undefined;
  }
}
