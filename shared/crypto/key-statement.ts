/**
 * Signatures and hashes of key-directory statements.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { fromBase64url, toBase64url } from '../encoding/bytes';
import { type CanonicalValue, canonicalBytes } from '../encoding/canonical';
import type { KeyStatement, SignedKeyStatement, StatementSignature } from '../schemas/key-statement';
import type { SignSecretKey } from './identity-keys';
import { signTagged, verifyTagged } from './sign';
import { taggedHash } from './tagged';

/** Tag of every signature over a statement (subject, endorser, previous key, revoker). */
export const KEY_STATEMENT_TAG = 'parley/key-statement/v1';
/** Tag of a signed statement's hash: its chain link and its transparency-log record. */
export const KEY_STATEMENT_HASH_TAG = 'parley/key-statement-hash/v1';

/** Who signs a statement: a person and one of their keys (key id base64url, libsodium secret key). */
export type StatementSigner = {
  readonly person: string;
  readonly keyId: string;
  readonly signSecretKey: SignSecretKey;
};

/**
 * The bytes every signer of a statement signs under {@link KEY_STATEMENT_TAG}: the JCS form of
 * the statement (RFC 8785, UTF-8). The statement must already be schema-valid.
 */
export const keyStatementBytes = (statement: KeyStatement): Uint8Array => canonicalBytes(statement as CanonicalValue);

/**
 * Signs a statement as `signer.person` with the key `signer.keyId`: Ed25519 over
 * `'parley/key-statement/v1' || 0x00 || JCS(statement)`.
 */
export const signKeyStatement = (statement: KeyStatement, signer: StatementSigner): StatementSignature => ({
  signer: signer.person,
  keyId: signer.keyId,
  signature: toBase64url(signTagged(KEY_STATEMENT_TAG, keyStatementBytes(statement), signer.signSecretKey)),
});

/**
 * Whether one signature over the statement verifies under the given Ed25519 public key. Only the
 * signature bytes are checked here: whether `signer` and `keyId` name that key is the
 * directory's question (shared/directory). Never throws: malformed input is `false`.
 */
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
      signPublicKey,
    );
  } catch {
    return false;
  }
};

/**
 * The statement hash, base64url: SHA-256('parley/key-statement-hash/v1' || 0x00 ||
 * JCS({ statement, signatures })). Only those two members count, so a record carrying other
 * fields (a database row, a bundle item) hashes the same. It is the next statement's `prevHash`
 * and the record hash of the statement's log leaf.
 */
export const keyStatementHash = (signed: SignedKeyStatement): string =>
  toBase64url(
    taggedHash(
      KEY_STATEMENT_HASH_TAG,
      canonicalBytes({ statement: signed.statement, signatures: signed.signatures } as unknown as CanonicalValue),
    ),
  );
