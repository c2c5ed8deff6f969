/**
 * Enrolment in the browser: redeem-check the invitation, create the passkey (PRF evaluated at
 * creation), generate identity keys, sign the `enrol` statement, seal the keyring into a PRF copy
 * (or a passphrase copy when the passkey has no PRF) and a recovery copy, and post it all.
 * Spec: docs/PROTOCOL.md §7, §8.
 */

import { API } from '../../shared/api/index';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { formatRecoveryKey, generateRecoveryKey } from '../../shared/crypto/recovery-key';
import type { FingerprintSubject } from '../../shared/crypto/safety-number';
import { signVaultUpload, vaultUploadState } from '../../shared/crypto/signed-upload';
import { initCrypto } from '../../shared/crypto/sodium';
import { vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { FIRST_UPLOAD } from '../../shared/crypto/upload-signature';
import { sealVault } from '../../shared/crypto/vault';
import type { Keyring } from '../../shared/crypto/vault-keyring';
import {
  MIN_PASSPHRASE_LENGTH,
  newKdfParams,
  wrappingKeyFromPassphrase,
  wrappingKeyFromPrf,
  wrappingKeyFromRecoveryKey,
} from '../../shared/crypto/vault-keys';
import { toBase64url } from '../../shared/encoding/bytes';
import type { EnrolmentOptionsResponse, SessionView, VaultCopy } from '../../shared/schemas/identity';
import type { RegistrationResponse } from '../../shared/schemas/webauthn';
import { api } from '../api/transport';
import { holdKeyring } from './keyring-store';
import { createPasskey } from './passkeys';
import { rememberUpload } from './seen-uploads';
import { signedEnrolStatement } from './statements';

export { MIN_PASSPHRASE_LENGTH };

/** What the invitee is shown before creating a passkey. */
export type InvitationSummary = EnrolmentOptionsResponse['invitation'];

/** The outcome of a finished enrolment: signed in and unlocked; the recovery key to show once. */
export type EnrolmentResult = {
  readonly session: SessionView;
  readonly recoveryKey: string;
  /** The new key's public half, for the safety number the person compares with their admin. */
  readonly subject: FingerprintSubject;
};

/** Reads the invitation of a token (the fragment of the link: browsers never send it to the server). */
export const openInvitation = async (token: string): Promise<EnrolmentOffer> =>
  new EnrolmentOffer(token, await api(API.enrolmentOptions, { body: { token } }));

/** An invitation checked by the server, with the registration options bound to it. */
export class EnrolmentOffer {
  constructor(
    readonly token: string,
    readonly offer: EnrolmentOptionsResponse,
  ) {}

  get invitation(): InvitationSummary {
    return this.offer.invitation;
  }

  /** Creates the passkey; the result says whether a passphrase is needed (no PRF). */
  async createPasskey(): Promise<EnrolmentCeremony> {
    const { response, prfOutput } = await createPasskey(this.offer.options);
    return new EnrolmentCeremony(this, response, prfOutput);
  }
}

/** A created passkey awaiting the keys and vaults that make the enrolment. */
export class EnrolmentCeremony {
  readonly #prfOutput: Uint8Array | null;
  #isSpent = false;

  constructor(
    readonly offer: EnrolmentOffer,
    readonly response: RegistrationResponse,
    prfOutput: Uint8Array | null,
  ) {
    this.#prfOutput = prfOutput;
  }

  /** The passkey gave no PRF output: the vault then needs an unlock passphrase. */
  get needsPassphrase(): boolean {
    return this.#prfOutput === null;
  }

  /** Generates and publishes the keys; signs in, unlocks, and returns the recovery key to show once. */
  async finish(passphrase?: string): Promise<EnrolmentResult> {
    await initCrypto();
    if (this.#prfOutput === null && (passphrase === undefined || [...passphrase].length < MIN_PASSPHRASE_LENGTH)) {
      throw new Error(`Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`);
    }
    // The server spends the challenge on the first attempt and the PRF output is zeroed after
    // sealing: a second attempt must start again from fresh options, never reuse this one.
    if (this.#isSpent) {
      throw new Error('This passkey attempt is used up: start again');
    }
    this.#isSpent = true;
    const { personId } = this.offer.offer;
    const keys = generateIdentityKeys();
    const statement = signedEnrolStatement(this.offer.offer, keys);
    const keyring: Keyring = [
      { keyId: keys.keyId, signSecretKey: keys.signSecretKey, boxSecretKey: keys.boxSecretKey },
    ];
    const recoveryKey = generateRecoveryKey();
    const vaults: VaultCopy[] = [
      {
        kind: 'recovery',
        credentialId: '',
        blob: toBase64url(sealVault(keyring, personId, 'recovery', wrappingKeyFromRecoveryKey(recoveryKey, personId))),
      },
    ];
    if (this.#prfOutput !== null) {
      const key = wrappingKeyFromPrf(this.#prfOutput, personId);
      vaults.push({
        kind: 'prf',
        credentialId: this.response.id,
        blob: toBase64url(sealVault(keyring, personId, 'prf', key)),
      });
      key.fill(0);
      this.#prfOutput.fill(0);
    } else {
      const kdf = newKdfParams();
      const key = wrappingKeyFromPassphrase(passphrase ?? '', kdf);
      vaults.push({
        kind: 'passphrase',
        credentialId: '',
        blob: toBase64url(sealVault(keyring, personId, 'passphrase', key, kdf)),
      });
      key.fill(0);
    }
    try {
      // Each first copy is signed by the new key at version 1 (docs/PROTOCOL.md §8.5).
      const uploads = vaults.map((vault) => signVaultUpload(personId, vault, FIRST_UPLOAD, keys));
      const session = await api(API.enrolmentVerify, {
        body: { token: this.offer.token, response: this.response, statement, vaults: uploads },
      });
      for (const upload of uploads) {
        rememberUpload(personId, vaultUploadSlot(upload.vault), vaultUploadState(personId, upload));
      }
      holdKeyring(personId, keyring, this.#prfOutput === null ? 'passphrase' : 'prf');
      const { person, signKey, boxKey } = statement.statement;
      return { session, recoveryKey: formatRecoveryKey(recoveryKey), subject: { person, signKey, boxKey } };
    } finally {
      recoveryKey.fill(0);
      keys.signSecretKey.fill(0);
      keys.boxSecretKey.fill(0);
    }
  }
}
