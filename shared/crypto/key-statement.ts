/**
 * Signatures and hashes of key-directory statements.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { fromBase64url, toBase64url } from '../encoding/bytes';
import { type CanonicalValue, canonicalBytes } from '../encoding/canonical';
import type { KeyStatement, SignedKeyStatement, StatementSignature } from '../schemas/key-statement';
import type { SignPublicKey, SignSecretKey } from './identity-keys';
import { signTagged, verifyTagged } from './sign';
import { taggedHash } from './tagged';

/** Tag of every signature over a statement (subject, endorser, previous key, revoker). */
export const KEY_STATEMENT_TAG = 'parley/key-statement/v1';
/** Tag of a signed statement's hash: its chain link and its transparency-log record. */
export const KEY_STATEMENT_HASH_TAG = 'parley/key-statement-hash/v1';

/** The bytes every signer of a statement signs (under {@link KEY_STATEMENT_TAG}). */
export const keyStatementBytes = (statement: KeyStatement): Uint8Array => canonicalBytes(statement as CanonicalValue);

/** Signs a statement as `person` with the key `keyId`. */
export const signKeyStatement = (
  statement: KeyStatement,
  signer: { readonly person: string; readonly keyId: string; readonly signSecretKey: SignSecretKey },
): StatementSignature => ({
  signer: signer.person,
  keyId: signer.keyId,
  signature: toBase64url(signTagged(KEY_STATEMENT_TAG, keyStatementBytes(statement), signer.signSecretKey)),
});

/** Whether one signature over the statement verifies under the given Ed25519 public key. */
export const verifyStatementSignature = (
  statement: KeyStatement,
  signature: StatementSignature,
  signPublicKey: Uint8Array,
): boolean => {
  try {
    return verifyTagged(
      KEY_STATEMENT_TAG,
      keyStatementBytes(statement),
      fromBase64url(signature.signature),
      signPublicKey as SignPublicKey,
    );
  } catch {
    return false;
  }
};

/** SHA-256('parley/key-statement-hash/v1' || 0x00 || canonical({ statement, signatures })), base64url. */
export const keyStatementHash = (signed: SignedKeyStatement): string =>
  toBase64url(taggedHash(KEY_STATEMENT_HASH_TAG, canonicalBytes(signed as unknown as CanonicalValue)));
