/**
 * The signature rule every key statement obeys: exactly the required signers, each with a key
 * that is current at this point of the log, each signature valid.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import { verifyStatementSignature } from '../crypto/key-statement';
import { fromBase64url } from '../encoding/bytes';
import type { KeyStatement, StatementSignature } from '../schemas/key-statement';
import type { KeyRecord } from './key-record';

/** A signature a statement needs: this person with this key. */
export type RequiredSigner = { readonly person: string; readonly keyId: string; readonly signKey: string };

/** The signature a key record gives. */
export const signerOf = (key: KeyRecord): RequiredSigner => ({
  person: key.person,
  keyId: key.keyId,
  signKey: key.signKey,
});

/** The proof of possession of the key a statement publishes. */
export const newKeyOf = (statement: KeyStatement): RequiredSigner => ({
  person: statement.person,
  keyId: statement.keyId,
  signKey: statement.signKey,
});

/** An admin's current key, to endorse or revoke with; refuses an unknown, revoked or non-admin authority. */
export const adminSigner = (
  directory: { currentKey(person: string): KeyRecord | undefined },
  admin: string,
): RequiredSigner | string => {
  const key = directory.currentKey(admin);
  if (!key) {
    return `authority ${admin} has no current key (never enrolled, or revoked)`;
  }
  return key.role === 'admin' ? signerOf(key) : `authority ${admin} is not an admin (role ${key.role})`;
};

type KeyLookup = { keyRecord(keyId: string): KeyRecord | undefined };

const who = (signer: { readonly person?: string; readonly signer?: string; readonly keyId: string }) =>
  `${signer.person ?? signer.signer} with key ${signer.keyId}`;

/**
 * Why the signers' keys disqualify the statement, or null: a key signs once; a key that was
 * rotated away or revoked signs nothing more, whatever the statement; a signature names its
 * key's owner as `signer`. Checked before the statement's own rules, so the reason says so.
 */
export const signerKeyProblem = (directory: KeyLookup, signatures: readonly StatementSignature[]): string | null => {
  const keyIds = signatures.map((signature) => signature.keyId);
  if (new Set(keyIds).size !== keyIds.length) {
    return 'duplicate signer: each key signs a statement once';
  }
  for (const signature of signatures) {
    const key = directory.keyRecord(signature.keyId);
    if (key?.endedAt !== undefined) {
      const when = `${key.endedBy === 'revoke' ? 'revoked' : 'rotated away'} at position ${key.endedAt}`;
      return `signed with a ${key.endedBy === 'revoke' ? 'revoked' : 'superseded'} key: ${who(signature)}, ${when}${
        key.endedBy === 'revoke' ? ` (${key.person} has no current key)` : ''
      }`;
    }
    if (key && key.person !== signature.signer) {
      return `the signature by ${who(signature)} names the wrong signer: that key is ${key.person}'s`;
    }
  }
  return null;
};

/**
 * Why the signatures are not exactly `fixed` plus `extra` more of `pool` (other signers than the
 * fixed ones), each valid; null when they are. A party's admins sign by quorum: the authority is
 * fixed, and as many other current admins of the party as its threshold asks for.
 */
export const quorumSignaturesProblem = (
  statement: KeyStatement,
  signatures: readonly StatementSignature[],
  fixed: readonly RequiredSigner[],
  pool: readonly RequiredSigner[],
  extra: number,
): string | null => {
  const isFixed = (signer: RequiredSigner) =>
    fixed.some((required) => required.person === signer.person && required.keyId === signer.keyId);
  const others = pool.filter((signer) => !isFixed(signer));
  const chosen = others.filter((signer) =>
    signatures.some((signature) => signature.signer === signer.person && signature.keyId === signer.keyId),
  );
  if (chosen.length < extra) {
    return `a ${statement.kind} statement needs ${extra} more admin(s) of the party besides ${fixed.map(who).join(' and ')} (its threshold); got ${chosen.length}`;
  }
  return requiredSignaturesProblem(statement, signatures, [...fixed, ...chosen.slice(0, extra)]);
};

/** Why the signatures are not exactly `required`, each valid; null when they are. */
export const requiredSignaturesProblem = (
  statement: KeyStatement,
  signatures: readonly StatementSignature[],
  required: readonly RequiredSigner[],
): string | null => {
  const isRequired = (signature: StatementSignature) =>
    required.some((signer) => signer.person === signature.signer && signer.keyId === signature.keyId);
  const extra = signatures.find((signature) => !isRequired(signature));
  if (extra) {
    return `extra signature by ${who(extra)}: a ${statement.kind} is signed by ${required.map(who).join(' and ')} only`;
  }
  for (const signer of required) {
    const signature = signatures.find(
      (candidate) => candidate.signer === signer.person && candidate.keyId === signer.keyId,
    );
    if (!signature) {
      return `missing the signature of ${who(signer)}`;
    }
    if (!verifyStatementSignature(statement, signature, fromBase64url(signer.signKey))) {
      return `the signature of ${who(signer)} does not verify`;
    }
  }
  return null;
};
