/**
 * Checks every kind of statement shares, under the party-root rules and the legacy ones alike.
 * Spec: docs/PROTOCOL.md#73-rules
 */
import { type BoxPublicKey, deriveKeyId, type SignPublicKey } from '../crypto/identity-keys';
import { fromBase64url } from '../encoding/bytes';
import type { KeyStatement } from '../schemas/key-statement';
import type { DirectoryView } from './directory-view';
import type { KeyRecord } from './key-record';

/**
 * The published key id must be derived from the keys (§2), and the key id and both public keys
 * new to the whole directory: a box key has no proof of possession, so without this anyone could
 * publish someone else's box key as their own.
 */
export const freshKeyProblem = (directory: DirectoryView, statement: KeyStatement): string | null => {
  const derived = deriveKeyId(
    fromBase64url(statement.signKey) as SignPublicKey,
    fromBase64url(statement.boxKey) as BoxPublicKey,
  );
  if (derived !== statement.keyId) {
    return `the key id is not derived from the keys (expected ${derived})`;
  }
  const used =
    directory.keyRecord(statement.keyId) ??
    directory.keyWithPublicKey(statement.signKey) ??
    directory.keyWithPublicKey(statement.boxKey);
  return used ? `a key of ${statement.keyId} is already in the directory (key ${used.keyId} of ${used.person})` : null;
};

/** Chain, party, role and invitation rules every statement after an enrolment shares; the current key if they hold. */
export const successorProblem = (directory: DirectoryView, statement: KeyStatement): KeyRecord | string => {
  const head = directory.headOf(statement.person);
  const current = directory.currentKey(statement.person);
  if (!head || !current) {
    return head
      ? `person ${statement.person} has no current key: after a revocation they must be invited again`
      : `person ${statement.person} is not enrolled`;
  }
  if (statement.seq !== head.seq + 1 || statement.prevHash !== head.hash) {
    return `the statement does not extend the person's chain: expected seq ${head.seq + 1} and prevHash ${head.hash}`;
  }
  if (statement.party !== current.party || statement.role !== current.role) {
    return `party and role cannot change (${current.party}, ${current.role})`;
  }
  return statement.invitation === '' ? current : `a ${statement.kind} redeems no invitation: it must be empty`;
};

/** Why a statement that acts on the current key (revoke, endorse, policy) does not name exactly it. */
export const namesCurrentKeyProblem = (statement: KeyStatement, current: KeyRecord): string | null => {
  const { keyId, signKey, boxKey } = statement;
  return keyId === current.keyId && signKey === current.signKey && boxKey === current.boxKey
    ? null
    : `a ${statement.kind} names the person's current key ${current.keyId} and its public keys`;
};

/** Why an enrolment does not start a new person's chain (seq 1, no previous hash), or null. */
export const chainStartProblem = (directory: DirectoryView, statement: KeyStatement): string | null => {
  if (directory.headOf(statement.person)) {
    return `person ${statement.person} is already enrolled: an enrolment starts a new person`;
  }
  return statement.seq === 1 && statement.prevHash === ''
    ? null
    : 'an enrolment starts the chain: seq 1 and an empty prevHash';
};

/** The current key a statement acts on (revoke, endorse, policy) after the successor checks, or why not. */
export const currentKeyActedOn = (directory: DirectoryView, statement: KeyStatement): KeyRecord | string => {
  const current = successorProblem(directory, statement);
  return typeof current === 'string' ? current : (namesCurrentKeyProblem(statement, current) ?? current);
};
