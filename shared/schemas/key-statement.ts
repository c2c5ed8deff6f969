import { z } from 'zod';
import { FixedBase64url, Hash32, KeyId, Text, Timestamp, Uuid } from './common';
import { Role } from './role';

/**
 * A key-directory statement: the public keys of one person, as a signed, hash-linked,
 * append-only record. Each person's statements form a chain (`seq`, `prevHash`); every statement
 * is also a leaf of the transparency log.
 *
 * - `enrol` (seq 1): new keys bound to person, party and role; signed by the new key (proof of
 *   possession) and by the inviting admin (`authority`), or `authority: 'bootstrap'` for an admin
 *   invited from the operator's command line.
 * - `rotate`: new keys; signed by the previous key and the new key.
 * - `revoke`: ends the key named by `keyId`; signed by the person's current key or by an admin
 *   (`authority`).
 */
export const KeyStatement = z.strictObject({
  v: z.literal(1),
  kind: z.enum(['enrol', 'rotate', 'revoke']),
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
