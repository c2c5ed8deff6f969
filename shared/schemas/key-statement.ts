import { z } from 'zod';
import { FixedBase64url, Hash32, KeyId, Text, Timestamp, Uuid } from './common';
import { Role } from './role';

/** Most admins a party can require to sign its enrolments, endorsements and revocations. */
export const MAX_PARTY_THRESHOLD = 3;

/**
 * A key-directory statement: the public keys of one person, as a signed, hash-linked,
 * append-only record. Each person's statements form a chain (`seq`, `prevHash`); every statement
 * is also a leaf of the transparency log. Spec: docs/PROTOCOL.md §7.
 *
 * - `enrol` (seq 1): new keys bound to person, party and role; signed by the new key (proof of
 *   possession) and by the party's own admins (`authority` first, as many as the party's
 *   threshold), or `authority: 'bootstrap'` for the first admin of a new party: its root.
 * - `rotate`: new keys; signed by the previous key and the new key.
 * - `revoke`: ends the key named by `keyId`; signed by the person's current key, or by the
 *   party's admins (`authority` first).
 * - `endorse`: the party's admins vouch for a person's current key that was published before
 *   party roots existed (an upgraded deployment) without being endorsed along the party's chain.
 * - `policy`: the party's admins set how many of them (`threshold`) must sign from now on.
 */
export const KeyStatement = z
  .strictObject({
    v: z.literal(1),
    kind: z.enum(['enrol', 'rotate', 'revoke', 'endorse', 'policy']),
    person: Uuid,
    party: Uuid,
    role: Role,
    name: Text(1, 120),
    seq: z.number().int().min(1).max(1_000_000),
    prevHash: z.union([Hash32, z.literal('')]),
    keyId: KeyId,
    signKey: FixedBase64url(32),
    boxKey: FixedBase64url(32),
    issuedAt: Timestamp,
    authority: z.union([Uuid, z.literal('bootstrap'), z.literal('')]),
    invitation: z.union([Uuid, z.literal('')]),
    /** Only in a `policy` statement: the party's new threshold. */
    threshold: z.number().int().min(1).max(MAX_PARTY_THRESHOLD).optional(),
  })
  .refine((statement) => (statement.kind === 'policy') === (statement.threshold !== undefined), {
    message: 'threshold is present exactly in a policy statement',
    path: ['threshold'],
  });
export type KeyStatement = z.infer<typeof KeyStatement>;

/** One signature over a statement's canonical bytes. */
export const StatementSignature = z.strictObject({
  signer: Uuid,
  keyId: KeyId,
  signature: FixedBase64url(64),
});
export type StatementSignature = z.infer<typeof StatementSignature>;

export const SignedKeyStatement = z.strictObject({
  statement: KeyStatement,
  signatures: z.array(StatementSignature).min(1).max(4),
});
export type SignedKeyStatement = z.infer<typeof SignedKeyStatement>;
