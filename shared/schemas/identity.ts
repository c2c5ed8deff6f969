import { z } from 'zod';
import { Base64url, FixedBase64url, Hash32, KeyId, Timestamp, Uuid } from './common';
import { SignedKeyStatement } from './key-statement';
import { Role } from './role';
import { AuthenticationResponse, CeremonyOptions, RegistrationResponse } from './webauthn';

/** An invitation token: 32 random bytes, base64url; only its hash is stored. */
export const InvitationToken = FixedBase64url(32);

export const PartyView = z.object({ id: Uuid, name: z.string() });
export type PartyView = z.infer<typeof PartyView>;

/** A party's display name: 2 to 120 characters, no control characters (it is printed and shown). */
export const PartyName = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .refine((name) => [...name].every((char) => char >= ' ' && char !== '\u007f'), 'no control characters');

export const PersonView = z.object({
  id: Uuid,
  name: z.string(),
  role: Role,
  party: PartyView,
  status: z.enum(['pending', 'active', 'revoked']),
  /** The person's current key in the directory; absent while pending or after revocation. */
  keyId: KeyId.optional(),
});
export type PersonView = z.infer<typeof PersonView>;

export const VaultKind = z.enum(['prf', 'passphrase', 'recovery']);
export type VaultKind = z.infer<typeof VaultKind>;

/** An encrypted key vault as stored: opaque bytes the server cannot open. */
export const VaultCopy = z.strictObject({
  kind: VaultKind,
  /** For `prf`: the passkey whose PRF output wraps it. Empty otherwise. */
  credentialId: z.string().max(512),
  blob: Base64url(8192),
});
export type VaultCopy = z.infer<typeof VaultCopy>;

/** A signed upload's version: 1 for the first signed upload of its slot, then one more each time. */
export const UploadVersion = z.number().int().min(1).max(2_147_483_647);
/** The hash of the stored upload a new one replaces (docs/PROTOCOL.md §8.5); '' for the first. */
export const PreviousUploadHash = z.union([Hash32, z.literal('')]);

/**
 * A vault upload at its place in the slot's history, signed by the person's current key so that
 * a stolen session can neither replace the copy nor put an older one back.
 */
export const VaultUpload = z.strictObject({
  vault: VaultCopy,
  version: UploadVersion,
  previousHash: PreviousUploadHash,
  keyId: KeyId,
  signature: FixedBase64url(64),
});
export type VaultUpload = z.infer<typeof VaultUpload>;

/**
 * A vault copy as stored: the signed upload, or at version 0 a copy stored before uploads were
 * versioned, which carries no signature (a client that has seen a signed version refuses it).
 */
export const StoredVaultCopy = z.union([VaultUpload, z.strictObject({ vault: VaultCopy, version: z.literal(0) })]);
export type StoredVaultCopy = z.infer<typeof StoredVaultCopy>;

export const EnrolmentOptionsRequest = z.strictObject({ token: InvitationToken });
export const EnrolmentOptionsResponse = z.object({
  invitation: z.object({
    party: PartyView,
    role: Role,
    name: z.string(),
    expiresAt: Timestamp,
    /** The inviting admin, whose key will endorse the new one; absent for the operator's CLI. */
    invitedBy: z.object({ id: Uuid, name: z.string() }).optional(),
    id: Uuid,
  }),
  personId: Uuid,
  options: CeremonyOptions,
});
export type EnrolmentOptionsResponse = z.infer<typeof EnrolmentOptionsResponse>;

export const EnrolmentVerifyRequest = z.strictObject({
  token: InvitationToken,
  response: RegistrationResponse,
  /** The enrol statement signed by the new key (the admin endorses it later). */
  statement: SignedKeyStatement,
  /** The first signed upload of each vault copy, signed by the new key. */
  vaults: z.array(VaultUpload).min(1).max(3),
});

export const SessionView = z.object({
  person: PersonView,
  csrfToken: z.string(),
  /** The passkey this session signed in with: the browser asks it for the PRF output. */
  credentialId: z.string(),
  expiresAt: Timestamp,
});
export type SessionView = z.infer<typeof SessionView>;

export const MaybeSession = z.object({ session: SessionView.nullable() });

export const SignInOptionsResponse = z.object({ options: CeremonyOptions });
export const SignInVerifyRequest = z.strictObject({ response: AuthenticationResponse });

export const PasskeyView = z.object({
  id: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.optional(),
  hasPrf: z.boolean(),
  backedUp: z.boolean(),
});

export const PasskeyVerifyRequest = z.strictObject({ response: RegistrationResponse, vault: VaultUpload.optional() });

/** A passkey's id, as WebAuthn gives it (base64url): in a path, naming the passkey to remove. */
export const CredentialId = Base64url(1023).min(1);

/** A single-use challenge, issued to the signed-in person, for them to sign into a passkey removal. */
export const PasskeyRemovalChallenge = z.object({ challenge: FixedBase64url(32) });

/** The removal of a passkey, signed by the person's current key (docs/PROTOCOL.md §8.5). */
export const RemovePasskeyRequest = z.strictObject({
  challenge: FixedBase64url(32),
  keyId: KeyId,
  signature: FixedBase64url(64),
});

/** The verified-contacts list, sealed to its owner's own key, at its place in history, signed by them. */
export const VerificationsUpload = z.strictObject({
  blob: Base64url(65536),
  version: UploadVersion,
  previousHash: PreviousUploadHash,
  keyId: KeyId,
  signature: FixedBase64url(64),
});
export type VerificationsUpload = z.infer<typeof VerificationsUpload>;

/**
 * The verified-contacts list as stored: the signed upload, or at version 0 a list stored before
 * uploads were versioned, signed under the legacy tag over person and blob only.
 */
export const StoredVerifications = z.union([
  VerificationsUpload,
  z.strictObject({ blob: Base64url(65536), version: z.literal(0), keyId: KeyId, signature: FixedBase64url(64) }),
]);
export type StoredVerifications = z.infer<typeof StoredVerifications>;

export const CreateInvitationRequest = z.strictObject({
  partyId: Uuid,
  role: Role,
  name: z.string().trim().min(1).max(120),
});
export const InvitationView = z.object({
  id: Uuid,
  party: PartyView,
  role: Role,
  name: z.string(),
  expiresAt: Timestamp,
  status: z.enum(['open', 'used', 'expired', 'revoked']),
});
export const CreatedInvitation = z.object({ invitation: InvitationView, link: z.string() });

export const StatementRecord = z.object({
  position: z.number().int().nonnegative(),
  hash: z.string(),
  signed: SignedKeyStatement,
});
export type StatementRecord = z.infer<typeof StatementRecord>;

/** A statement as listed for a tree size: with its RFC 6962 inclusion proof at its position in that tree. */
export const ProvenStatementRecord = StatementRecord.extend({ proof: z.array(Hash32).max(64) });
export type ProvenStatementRecord = z.infer<typeof ProvenStatementRecord>;

/**
 * A page of the key directory as of one tree size: the log's checkpoint of that size carrying the
 * count of key statements (docs/PROTOCOL.md §9.1), and statements after a position with their proofs.
 */
export const DirectoryPage = z.object({
  checkpoint: z.string(),
  statements: z.array(ProvenStatementRecord),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

/** Where an endorsement stands: published once the party's threshold of admins has signed. */
export const EndorsementState = z.object({
  published: StatementRecord.nullable(),
  signatures: z.number().int().nonnegative(),
  required: z.number().int().positive(),
});

export const PendingEnrolment = z.object({
  person: PersonView,
  signed: SignedKeyStatement,
  invitedBy: Uuid.nullable(),
});
export const EndorseRequest = z.strictObject({ signature: FixedBase64url(64), keyId: KeyId });
export const RevokePersonRequest = z.strictObject({ statement: SignedKeyStatement.optional() });

/**
 * What a client remembers of its own stored uploads, per slot (`vault:prf:<passkey>`,
 * `vault:recovery`, `vault:passphrase`, `verifications`): the last version it saw or made, and
 * that upload's hash. It refuses anything older from the server (docs/PROTOCOL.md §8.5).
 */
export const SeenUploads = z.record(
  z.string().max(1100),
  z.strictObject({ version: z.number().int().min(0).max(2_147_483_647), hash: PreviousUploadHash }),
);
export type SeenUploads = z.infer<typeof SeenUploads>;
