/**
 * Key-directory statements as the browser builds them (docs/PROTOCOL.md §7). Signing is
 * `signKeyStatement` of shared/crypto; this file only assembles the fields.
 */
import type { IdentityKeys } from '../../shared/crypto/identity-keys';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import type { ChainHead, KeyRecord } from '../../shared/directory/index';
import { toBase64url } from '../../shared/encoding/bytes';
import type { EnrolmentOptionsResponse } from '../../shared/schemas/identity';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';

/**
 * The `enrol` statement exactly as server/services/enrolment.ts expects it: the invitation's
 * person, party, role and name, seq 1 with no previous hash, and the inviting admin (or
 * `bootstrap` for an operator invitation) as the authority; signed by the new key alone.
 */
export const signedEnrolStatement = (
  offer: Pick<EnrolmentOptionsResponse, 'invitation' | 'personId'>,
  keys: IdentityKeys,
): SignedKeyStatement => {
  const statement: KeyStatement = {
    v: 1,
    kind: 'enrol',
    person: offer.personId,
    party: offer.invitation.party.id,
    role: offer.invitation.role,
    name: offer.invitation.name,
    seq: 1,
    prevHash: '',
    keyId: keys.keyId,
    signKey: toBase64url(keys.signPublicKey),
    boxKey: toBase64url(keys.boxPublicKey),
    issuedAt: new Date().toISOString(),
    authority: offer.invitation.invitedBy?.id ?? 'bootstrap',
    invitation: offer.invitation.id,
  };
  return {
    statement,
    signatures: [signKeyStatement(statement, { person: offer.personId, ...keys })],
  };
};

/** The revocation of a person's current key with an admin as the authority (to be signed by them). */
export const adminRevokeStatement = (current: KeyRecord, head: ChainHead, adminId: string): KeyStatement => ({
  v: 1,
  kind: 'revoke',
  person: current.person,
  party: current.party,
  role: current.role,
  name: current.name,
  seq: head.seq + 1,
  prevHash: head.hash,
  keyId: current.keyId,
  signKey: current.signKey,
  boxKey: current.boxKey,
  issuedAt: new Date().toISOString(),
  authority: adminId,
  invitation: '',
});
