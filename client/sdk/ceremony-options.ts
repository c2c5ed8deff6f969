import type { PrfInputs, PrfOutputs } from './evaluate-prf';

/**
 * Faults a test can inject into either ceremony, each of which a verifier must refuse.
 * Absent members mean "behave like an honest browser and authenticator".
 */
export type CeremonyFaults = {
  /** `false` clears the UP flag. */
  userPresent?: boolean;
  /** `false` clears the UV flag. */
  userVerified?: boolean;
  /** Puts this string, verbatim, in `clientDataJSON.origin`. */
  originOverride?: string;
  /** Hashes this RP ID into the authenticator data instead of the requested one. */
  rpIdOverride?: string;
  /** Puts this string, verbatim, in `clientDataJSON.challenge` (e.g. an old challenge). */
  challengeOverride?: string;
  /** Puts this string in `clientDataJSON.type`. */
  typeOverride?: string;
  /** Reports this sign count; the stored count still advances as usual. */
  counterOverride?: number;
  /** Skips the browser's check that the requested RP ID fits the origin. */
  skipRpIdCheck?: boolean;
};

/** Per-call options of {@link SoftwareAuthenticator.createCredential}. */
export type CreateCredentialOptions = CeremonyFaults & {
  /** PRF inputs as bytes (JSON options cannot carry them); implies the PRF extension. */
  prf?: PrfInputs;
};

/** Per-call options of {@link SoftwareAuthenticator.getAssertion}. */
export type GetAssertionOptions = CeremonyFaults & {
  /** PRF inputs as bytes (JSON options cannot carry them); implies the PRF extension. */
  prf?: PrfInputs;
  /** base64url id of the credential to use when several match (the user's choice in a browser). */
  credentialId?: string;
  /** Signs other bytes, so the signature is well-formed DER but does not verify. */
  bogusSignature?: boolean;
};

/**
 * What a ceremony returns: the JSON a browser would POST and, when PRF outputs were produced, the
 * same outputs as raw bytes for the caller's key derivation.
 */
export type CeremonyResult<Response> = { response: Response; prf?: PrfOutputs };
