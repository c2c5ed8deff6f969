import type { AuthenticationResponseJSON, Base64URLString, RegistrationResponseJSON } from '@simplewebauthn/server';
import { toBase64url } from '../../shared/encoding/bytes';
import type { PrfOutputs } from './evaluate-prf';

/** PRF values as WebAuthn L3 `toJSON()` encodes them: base64url without padding. */
export type PrfValuesJSON = { first: Base64URLString; second?: Base64URLString };

/** `clientExtensionResults` as this authenticator reports them. */
export type ClientExtensionResultsJSON = {
  credProps?: { rk: boolean };
  prf?: { enabled?: boolean; results?: PrfValuesJSON };
};

/**
 * `RegistrationResponseJSON` of @simplewebauthn/browser v14, except that PRF results are
 * base64url strings (as in WebAuthn L3 `toJSON()`) rather than `ArrayBuffer`s.
 */
export type SoftwareRegistrationResponseJSON = Omit<RegistrationResponseJSON, 'clientExtensionResults'> & {
  clientExtensionResults: ClientExtensionResultsJSON;
};

/** `AuthenticationResponseJSON` of @simplewebauthn/browser v14, PRF results as in {@link SoftwareRegistrationResponseJSON}. */
export type SoftwareAuthenticationResponseJSON = Omit<AuthenticationResponseJSON, 'clientExtensionResults'> & {
  clientExtensionResults: ClientExtensionResultsJSON;
};

type WithoutPrfResults<R> = Omit<R, 'clientExtensionResults'> & {
  clientExtensionResults: Omit<ClientExtensionResultsJSON, 'prf'> & { prf?: { enabled?: boolean } };
};

/**
 * Drops PRF results from a response before it is sent to a server. PRF outputs are key material
 * that must never leave the client; `prf.enabled` is kept. The result fits @simplewebauthn/server's
 * `RegistrationResponseJSON` / `AuthenticationResponseJSON`.
 */
export const withoutPrfResults = <R extends { clientExtensionResults: ClientExtensionResultsJSON }>(
  response: R,
): WithoutPrfResults<R> => {
  const { prf, ...otherResults } = response.clientExtensionResults;
  const clientExtensionResults =
    prf?.enabled === undefined ? otherResults : { ...otherResults, prf: { enabled: prf.enabled } };
  return { ...response, clientExtensionResults };
};

/** PRF outputs as the `results` member of `clientExtensionResults.prf`, or nothing without outputs. */
export const prfResultsToJSON = (prf: PrfOutputs | undefined): { results?: PrfValuesJSON } =>
  prf ? { results: { first: toBase64url(prf.first), ...(prf.second ? { second: toBase64url(prf.second) } : {}) } } : {};
