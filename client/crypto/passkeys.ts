/**
 * Passkey ceremonies with the vault's PRF evaluated in the same touch. The server's options are
 * JSON, which cannot carry bytes, so the PRF input is added here after fetching them; the PRF
 * output is taken out of the response, and the `prf` member deleted, before anything is sent:
 * the server must never see it (crypto reference §5).
 */
import {
  type AuthenticationExtensionsClientOutputs,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { VAULT_PRF_SALT } from '../../shared/crypto/vault';
import { AuthenticationResponse, type CeremonyOptions, RegistrationResponse } from '../../shared/schemas/webauthn';

/** A ceremony's response, safe to send, and the PRF output kept in the browser (null without PRF). */
export type PasskeyOutcome<R> = { readonly response: R; readonly prfOutput: Uint8Array | null };

const prfInputs = () => ({ prf: { eval: { first: new Uint8Array(VAULT_PRF_SALT) } } });

/** Removes the PRF member from the extension results and returns a copy of its first output. */
const takePrfOutput = (results: AuthenticationExtensionsClientOutputs): Uint8Array | null => {
  const first = results.prf?.results?.first;
  delete results.prf;
  if (first === undefined) {
    return null;
  }
  const bytes = ArrayBuffer.isView(first)
    ? new Uint8Array(first.buffer, first.byteOffset, first.byteLength).slice()
    : new Uint8Array(first).slice();
  return bytes.length === 32 ? bytes : null;
};

/** Creates a passkey (registration) and asks it for the vault PRF at creation. */
export const createPasskey = async (options: CeremonyOptions): Promise<PasskeyOutcome<RegistrationResponse>> => {
  const optionsJSON = options as unknown as PublicKeyCredentialCreationOptionsJSON;
  optionsJSON.extensions = { ...optionsJSON.extensions, ...prfInputs() };
  const response = await startRegistration({ optionsJSON });
  const prfOutput = takePrfOutput(response.clientExtensionResults);
  return { response: RegistrationResponse.parse(response), prfOutput };
};

/**
 * Signs in with a passkey (an assertion) and asks it for the vault PRF. With `credentialId`, only
 * that passkey is offered (unlocking again as the same person); without, the browser lets the
 * person pick any discoverable passkey of this site, with no user name.
 */
export const assertPasskey = async (
  options: CeremonyOptions,
  credentialId?: string,
): Promise<PasskeyOutcome<AuthenticationResponse>> => {
  const optionsJSON = options as unknown as PublicKeyCredentialRequestOptionsJSON;
  optionsJSON.extensions = { ...optionsJSON.extensions, ...prfInputs() };
  if (credentialId !== undefined) {
    optionsJSON.allowCredentials = [{ id: credentialId, type: 'public-key' }];
  }
  const response = await startAuthentication({ optionsJSON });
  const prfOutput = takePrfOutput(response.clientExtensionResults);
  return { response: AuthenticationResponse.parse(response), prfOutput };
};
