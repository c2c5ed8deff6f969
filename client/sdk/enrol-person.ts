import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { enrolmentRoutes } from '../../shared/api/identity';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { formatRecoveryKey, generateRecoveryKey } from '../../shared/crypto/recovery-key';
import { signVaultUpload, vaultUploadState } from '../../shared/crypto/signed-upload';
import { initCrypto } from '../../shared/crypto/sodium';
import { vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { FIRST_UPLOAD } from '../../shared/crypto/upload-signature';
import { VAULT_PRF_SALT } from '../../shared/crypto/vault';
import {
  newKdfParams,
  wrappingKeyFromPassphrase,
  wrappingKeyFromPrf,
  wrappingKeyFromRecoveryKey,
} from '../../shared/crypto/vault-keys';
import { parseInvitationFragment } from '../../shared/log/log-pin-text';
import { InvitationToken, type SeenUploads, type SessionView } from '../../shared/schemas/identity';
import { enrolStatement, signStatement } from './key-statements';
import { ParleyHttp } from './parley-http';
import { SoftwareAuthenticator } from './software-authenticator';
import { UnlockedKeyring } from './unlocked-keyring';
import { sealVaultCopy, type VaultSecret } from './vault-copies';
import { PrfUnavailableError } from './vault-prf';
import { withoutPrfResults } from './webauthn-json';

/** Options of an enrolment. */
export type EnrolOptions = {
  /** The server's public origin when `baseUrl` is another address (see {@link ParleyHttp}). */
  origin?: string;
  /** Whether the new passkey supports PRF; default `true`. Without it the vault gets a passphrase copy. */
  hasPrf?: boolean;
  /** The passphrase of the vault's passphrase copy; required when `hasPrf` is `false`. */
  passphrase?: string;
  /** Argon2id costs of the passphrase copy; libsodium's MODERATE by default. Lower them in tests only. */
  kdfCosts?: { opsLimit: number; memLimit: number };
  /** The `fetch` to use. */
  fetch?: typeof fetch;
};

/** What an enrolment leaves behind: a signed-in, unlocked person and their one-time recovery key. */
export type Enrolment = {
  readonly http: ParleyHttp;
  readonly authenticator: SoftwareAuthenticator;
  readonly session: SessionView;
  readonly keyring: UnlockedKeyring;
  /** The recovery key, formatted for writing down; the server never sees it. */
  readonly recoveryKey: string;
  readonly rpId: string;
  /** The first signed version of each vault copy, as uploaded. */
  readonly uploads: SeenUploads;
};

/** The token of an invitation link (`…/enrol#<token>`, perhaps followed by the log pin) or the bare token. */
export const invitationToken = (linkOrToken: string): string => {
  const hash = linkOrToken.lastIndexOf('#');
  const fragment = hash === -1 ? linkOrToken.trim() : linkOrToken.slice(hash + 1);
  return InvitationToken.parse(parseInvitationFragment(fragment).token);
};

/**
 * Enrols the invitee of a link, as the browser app does: registers a passkey (with PRF evaluated at
 * creation), generates identity keys, signs the `enrol` statement with them, seals the keyring into
 * a PRF (or passphrase) copy and a recovery copy, and posts it all. Signs the person in.
 *
 * @throws {ApiProblem} when the server refuses the invitation, passkey or statement.
 */
export const enrolPerson = async (
  baseUrl: string,
  linkOrToken: string,
  options: EnrolOptions = {},
): Promise<Enrolment> => {
  await initCrypto();
  const token = invitationToken(linkOrToken);
  const hasPrf = options.hasPrf ?? true;
  if (!hasPrf && options.passphrase === undefined) {
    throw new TypeError('Without PRF, enrolment needs a passphrase for the vault');
  }
  const http = new ParleyHttp({
    baseUrl,
    ...(options.origin === undefined ? {} : { origin: options.origin }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const authenticator = new SoftwareAuthenticator({ origin: http.origin, hasPrf });
  const {
    invitation,
    personId,
    options: creation,
  } = await http.api(enrolmentRoutes.enrolmentOptions, {
    body: { token },
  });
  const creationOptions = creation as unknown as PublicKeyCredentialCreationOptionsJSON;
  const created = authenticator.createCredential(creationOptions, hasPrf ? { prf: { first: VAULT_PRF_SALT } } : {});
  const credentialId = created.response.id;
  if (hasPrf && !created.prf) {
    throw new PrfUnavailableError(credentialId);
  }

  const keys = generateIdentityKeys();
  const subject = {
    person: personId,
    party: invitation.party.id,
    role: invitation.role,
    name: invitation.name,
    invitation: invitation.id,
    authority: invitation.invitedBy?.id ?? 'bootstrap',
  };
  const signed = signStatement(enrolStatement(subject, keys), { person: personId, ...keys });

  const recovery = generateRecoveryKey();
  const secrets: VaultSecret[] = [{ kind: 'recovery', key: wrappingKeyFromRecoveryKey(recovery, personId) }];
  if (created.prf) {
    secrets.push({ kind: 'prf', credentialId, key: wrappingKeyFromPrf(created.prf.first, personId) });
  } else {
    const kdf = newKdfParams(options.kdfCosts);
    secrets.push({ kind: 'passphrase', kdf, key: wrappingKeyFromPassphrase(options.passphrase ?? '', kdf) });
  }
  const keyring = new UnlockedKeyring(
    [{ keyId: keys.keyId, signSecretKey: keys.signSecretKey, boxSecretKey: keys.boxSecretKey }],
    secrets,
  );
  const signer = { keyId: keys.keyId, signSecretKey: keys.signSecretKey };
  const vaults = secrets.map((secret) =>
    signVaultUpload(personId, sealVaultCopy(keyring.keyring, personId, secret), FIRST_UPLOAD, signer),
  );

  const session = await http.api(enrolmentRoutes.enrolmentVerify, {
    body: { token, response: withoutPrfResults(created.response), statement: signed, vaults },
  });
  http.useSession(session);
  return {
    http,
    authenticator,
    session,
    keyring,
    recoveryKey: formatRecoveryKey(recovery),
    rpId: creationOptions.rp.id ?? new URL(http.origin).hostname,
    uploads: Object.fromEntries(
      vaults.map((upload) => [vaultUploadSlot(upload.vault), vaultUploadState(personId, upload)]),
    ),
  };
};
