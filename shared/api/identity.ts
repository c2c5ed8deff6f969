import { z } from 'zod';
import { Count, Uuid } from '../schemas/common';
import {
  CreatedInvitation,
  CreateInvitationRequest,
  CredentialId,
  DirectoryPage,
  EndorsementState,
  EndorseRequest,
  EnrolmentOptionsRequest,
  EnrolmentOptionsResponse,
  EnrolmentVerifyRequest,
  InvitationView,
  MaybeSession,
  PartyView,
  PasskeyRemovalChallenge,
  PasskeyVerifyRequest,
  PasskeyView,
  PendingEnrolment,
  PersonView,
  RemovePasskeyRequest,
  RevokePersonRequest,
  SessionView,
  SignInOptionsResponse,
  SignInVerifyRequest,
  StatementRecord,
  StoredVaultCopy,
  StoredVerifications,
  VaultUpload,
  VerificationsUpload,
} from '../schemas/identity';
import { SignedKeyStatement } from '../schemas/key-statement';
import { ADMINS, ANY_PERSON, ANY_PERSON_OR_PENDING, PUBLIC } from './access';
import { defineRoute } from './route';

const CEREMONY = ['rateLimited', 'badOrigin'] as const;

export const enrolmentRoutes = {
  enrolmentOptions: defineRoute({
    method: 'POST',
    path: '/api/enrolment/options',
    tag: 'identity',
    access: PUBLIC,
    summary: 'Redeem-check an invitation and get passkey registration options',
    body: EnrolmentOptionsRequest,
    response: EnrolmentOptionsResponse,
    problems: [...CEREMONY, 'forbidden'],
  }),
  enrolmentVerify: defineRoute({
    method: 'POST',
    path: '/api/enrolment/verify',
    tag: 'identity',
    access: PUBLIC,
    status: 201,
    summary: 'Register the passkey, store the encrypted vaults and the self-signed key statement; signs in',
    body: EnrolmentVerifyRequest,
    response: SessionView,
    problems: [...CEREMONY, 'forbidden', 'conflict'],
  }),
};

export const sessionRoutes = {
  signInOptions: defineRoute({
    method: 'POST',
    path: '/api/session/options',
    tag: 'identity',
    access: PUBLIC,
    summary: 'Passkey authentication options (discoverable: no user name)',
    response: SignInOptionsResponse,
    problems: CEREMONY,
  }),
  signInVerify: defineRoute({
    method: 'POST',
    path: '/api/session/verify',
    tag: 'identity',
    access: PUBLIC,
    summary: 'Verify a passkey assertion and start a new session',
    body: SignInVerifyRequest,
    response: SessionView,
    problems: [...CEREMONY, 'forbidden'],
  }),
  getSession: defineRoute({
    method: 'GET',
    path: '/api/session',
    tag: 'identity',
    access: PUBLIC,
    summary: 'The current session, or null when signed out',
    response: MaybeSession,
  }),
  signOut: defineRoute({
    method: 'DELETE',
    path: '/api/session',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: 'End this session',
    response: null,
  }),
  signOutEverywhere: defineRoute({
    method: 'POST',
    path: '/api/session/sign-out-everywhere',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: 'End every session of the signed-in person',
    response: z.object({ ended: Count }),
  }),
};

export const passkeyRoutes = {
  listPasskeys: defineRoute({
    method: 'GET',
    path: '/api/passkeys',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: "The signed-in person's passkeys",
    response: z.object({ passkeys: z.array(PasskeyView) }),
  }),
  passkeyOptions: defineRoute({
    method: 'POST',
    path: '/api/passkeys/options',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: 'Registration options for an additional passkey',
    response: SignInOptionsResponse,
    problems: ['rateLimited'],
  }),
  passkeyVerify: defineRoute({
    method: 'POST',
    path: '/api/passkeys/verify',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    status: 201,
    summary: 'Register an additional passkey (and its PRF vault copy)',
    body: PasskeyVerifyRequest,
    response: PasskeyView,
    problems: ['rateLimited', 'conflict'],
  }),
  passkeyRemovalChallenge: defineRoute({
    method: 'POST',
    path: '/api/passkeys/removal-challenge',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: 'A single-use challenge (five minutes) to sign into the removal of one of your passkeys',
    response: PasskeyRemovalChallenge,
    problems: ['rateLimited'],
  }),
  removePasskey: defineRoute({
    method: 'POST',
    path: '/api/passkeys/:credentialId/remove',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary:
      'Remove one of your passkeys, never the last, with a removal signed by your current key over a fresh challenge: ends the sessions it signed in and deletes its PRF vault copy',
    params: z.object({ credentialId: CredentialId }),
    body: RemovePasskeyRequest,
    response: z.object({ endedSessions: Count }),
    problems: ['notFound', 'conflict'],
  }),
};

export const vaultRoutes = {
  getVaults: defineRoute({
    method: 'GET',
    path: '/api/vault',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: "The signed-in person's encrypted key vaults, each as its owner signed it",
    response: z.object({ vaults: z.array(StoredVaultCopy) }),
  }),
  putVault: defineRoute({
    method: 'PUT',
    path: '/api/vault',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary:
      'Store or replace one vault copy, signed by the current key at the next version of its slot, naming the stored one',
    body: VaultUpload,
    response: null,
    problems: ['conflict'],
  }),
  getVerifications: defineRoute({
    method: 'GET',
    path: '/api/verifications',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: 'The sealed list of contacts this person verified',
    response: z.object({ verifications: StoredVerifications.nullable() }),
  }),
  putVerifications: defineRoute({
    method: 'PUT',
    path: '/api/verifications',
    tag: 'identity',
    access: ANY_PERSON_OR_PENDING,
    summary: 'Replace the sealed list of verified contacts, signed at the next version, naming the stored one',
    body: VerificationsUpload,
    response: null,
    problems: ['conflict'],
  }),
};

export const partyRoutes = {
  listParties: defineRoute({
    method: 'GET',
    path: '/api/parties',
    tag: 'directory',
    access: ANY_PERSON_OR_PENDING,
    summary: 'All parties (delegations); a pending person sees only their own and their inviter’s',
    response: z.object({ parties: z.array(PartyView) }),
  }),
  listPeople: defineRoute({
    method: 'GET',
    path: '/api/people',
    tag: 'directory',
    access: ANY_PERSON_OR_PENDING,
    summary:
      'Everyone enrolled, with party, role, status and current key id; a pending person sees only themselves and their inviter',
    response: z.object({ people: z.array(PersonView) }),
  }),
  revokePerson: defineRoute({
    method: 'POST',
    path: '/api/people/:personId/revoke',
    tag: 'directory',
    access: ADMINS,
    summary: 'Revoke a person: ends their sessions and, with a signed statement, their key',
    params: z.object({ personId: Uuid }),
    body: RevokePersonRequest,
    response: PersonView,
    problems: ['notFound', 'conflict'],
  }),
};

export const invitationRoutes = {
  listInvitations: defineRoute({
    method: 'GET',
    path: '/api/invitations',
    tag: 'directory',
    access: ADMINS,
    summary: 'Invitations and their state',
    response: z.object({ invitations: z.array(InvitationView) }),
  }),
  createInvitation: defineRoute({
    method: 'POST',
    path: '/api/invitations',
    tag: 'directory',
    access: ADMINS,
    status: 201,
    summary: "Invite a person into the caller's own party with a role; the link is shown once, valid 72 hours",
    body: CreateInvitationRequest,
    response: CreatedInvitation,
    problems: ['notFound', 'forbidden'],
  }),
  revokeInvitation: defineRoute({
    method: 'DELETE',
    path: '/api/invitations/:invitationId',
    tag: 'directory',
    access: ADMINS,
    summary: 'Withdraw an unused invitation',
    params: z.object({ invitationId: Uuid }),
    response: null,
    problems: ['notFound', 'conflict'],
  }),
};

export const keyRoutes = {
  listStatements: defineRoute({
    method: 'GET',
    path: '/api/keys/statements',
    tag: 'directory',
    // Statements name everyone enrolled: a pending person (perhaps a leaked invitation) sees none.
    access: ANY_PERSON,
    summary:
      "Key-directory statements in log order after a position, each with its inclusion proof in the tree of `treeSize`, and that tree's checkpoint counting its key statements",
    query: z.object({
      treeSize: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      after: z.coerce.number().int().min(-1).max(Number.MAX_SAFE_INTEGER).default(-1),
      limit: z.coerce.number().int().min(1).max(1000).default(1000),
    }),
    response: DirectoryPage,
    problems: ['validation'],
  }),
  appendStatement: defineRoute({
    method: 'POST',
    path: '/api/keys/statements',
    tag: 'directory',
    access: ANY_PERSON,
    status: 201,
    summary: 'Append a signed rotation, revocation, endorsement or party policy',
    body: z.strictObject({ signed: SignedKeyStatement }),
    response: StatementRecord,
    problems: ['conflict'],
  }),
  listPendingEnrolments: defineRoute({
    method: 'GET',
    path: '/api/keys/pending',
    tag: 'directory',
    access: ADMINS,
    summary: "Enrolments into the caller's party awaiting its admins' endorsement",
    response: z.object({ pending: z.array(PendingEnrolment) }),
  }),
  endorseEnrolment: defineRoute({
    method: 'POST',
    path: '/api/keys/pending/:personId/endorse',
    tag: 'directory',
    access: ADMINS,
    status: 201,
    summary:
      "Countersign a new person's enrol statement as an admin of their party; published once the party's threshold of admins has signed",
    params: z.object({ personId: Uuid }),
    body: EndorseRequest,
    response: EndorsementState,
    problems: ['notFound', 'conflict'],
  }),
};
