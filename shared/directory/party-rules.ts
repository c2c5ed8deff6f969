/**
 * The party-root rules (docs/PROTOCOL.md §7.3): each party has a root, its first admin, enrolled
 * once from the operator's command line; from then on only that party's own admins — as many as
 * its threshold — enrol, endorse or revoke its people. No admin of another party and no operator
 * can add anyone to an existing party.
 */
import type { KeyStatement, StatementSignature } from '../schemas/key-statement';
import type { DirectoryView } from './directory-view';
import type { KeyRecord } from './key-record';
import { chainStartProblem, currentKeyActedOn, freshKeyProblem, successorProblem } from './shared-rules';
import {
  newKeyOf,
  quorumSignaturesProblem,
  type RequiredSigner,
  requiredSignaturesProblem,
  signerOf,
} from './statement-signatures';

type Signatures = readonly StatementSignature[];

/** The authority's key if it may sign for the statement's party; otherwise why not. */
const partyAuthority = (directory: DirectoryView, statement: KeyStatement): KeyRecord | string => {
  const { authority, party, person } = statement;
  if (statement.kind === 'enrol' && authority === '') {
    return 'an enrolment names its authority: the endorsing admin, or bootstrap';
  }
  if (statement.kind === 'enrol' && authority === person) {
    return 'a person cannot endorse their own enrolment';
  }
  if (authority === '' || authority === 'bootstrap' || authority === person) {
    return statement.kind === 'revoke'
      ? 'a revocation names an admin as authority, or none when the person revokes their own key'
      : `a ${statement.kind} statement names one of the party's admins as authority (not "${authority}")`;
  }
  if (!directory.partyRecord(party)) {
    return `party ${party} has no root yet: its first admin must be bootstrapped from the command line`;
  }
  const key = directory.currentKey(authority);
  if (!key) {
    return `authority ${authority} has no current key (never enrolled, or revoked)`;
  }
  if (key.role !== 'admin') {
    return `authority ${authority} is not an admin (role ${key.role})`;
  }
  if (key.party !== party) {
    return `authority ${authority} is an admin of party ${key.party}, not of ${party}: only a party's own admins act for it`;
  }
  return key.partyEndorsed
    ? key
    : `authority ${authority} was never endorsed along party ${party}'s own chain: they cannot act for it`;
};

/** The fixed signers plus as many of the party's other admins as its threshold asks. */
const byPartyQuorum = (
  directory: DirectoryView,
  statement: KeyStatement,
  signatures: Signatures,
  fixed: readonly RequiredSigner[],
  admins: number,
): string | null => {
  const record = directory.partyRecord(statement.party);
  const threshold = record?.threshold ?? 1;
  const pool = directory.partyAdmins(statement.party).map(signerOf);
  return quorumSignaturesProblem(statement, signatures, fixed, pool, threshold - admins);
};

const enrolProblem = (directory: DirectoryView, statement: KeyStatement, signatures: Signatures) => {
  const start = chainStartProblem(directory, statement);
  if (start) {
    return start;
  }
  const own = newKeyOf(statement);
  if (statement.authority === 'bootstrap') {
    if (statement.role !== 'admin' || statement.invitation === '') {
      return 'only an admin with an operator invitation may be bootstrapped (role admin, non-empty invitation)';
    }
    const root = directory.partyRecord(statement.party);
    if (root) {
      return `party ${statement.party} already has its root (${root.root}): the command line may only start a new party`;
    }
    return freshKeyProblem(directory, statement) ?? requiredSignaturesProblem(statement, signatures, [own]);
  }
  const authority = partyAuthority(directory, statement);
  if (typeof authority === 'string') {
    return authority;
  }
  return (
    freshKeyProblem(directory, statement) ??
    byPartyQuorum(directory, statement, signatures, [own, signerOf(authority)], 1)
  );
};

const rotateProblem = (directory: DirectoryView, statement: KeyStatement, signatures: Signatures) => {
  const current = successorProblem(directory, statement);
  if (typeof current === 'string') {
    return current;
  }
  if (statement.authority !== '') {
    return 'a rotation names no authority: the person rotates their own key';
  }
  return (
    freshKeyProblem(directory, statement) ??
    requiredSignaturesProblem(statement, signatures, [signerOf(current), newKeyOf(statement)])
  );
};

/** Whether ending `key` would leave its party fewer admins than its threshold. */
const leavesTooFewAdmins = (directory: DirectoryView, key: KeyRecord): string | null => {
  const record = directory.partyRecord(key.party);
  if (!record || key.role !== 'admin' || !key.partyEndorsed) {
    return null;
  }
  const remaining = directory.partyAdmins(key.party).filter((admin) => admin.person !== key.person).length;
  return remaining < record.threshold
    ? `revoking ${key.person} would leave party ${key.party} ${remaining} admin(s), fewer than its threshold ${record.threshold}: lower the threshold or endorse another admin first`
    : null;
};

const revokeProblem = (directory: DirectoryView, statement: KeyStatement, signatures: Signatures) => {
  const current = currentKeyActedOn(directory, statement);
  if (typeof current === 'string') {
    return current;
  }
  const tooFew = leavesTooFewAdmins(directory, current);
  if (tooFew) {
    return tooFew;
  }
  if (statement.authority === '') {
    return requiredSignaturesProblem(statement, signatures, [signerOf(current)]);
  }
  const authority = partyAuthority(directory, statement);
  return typeof authority === 'string'
    ? authority
    : byPartyQuorum(directory, statement, signatures, [signerOf(authority)], 1);
};

const endorseProblem = (directory: DirectoryView, statement: KeyStatement, signatures: Signatures) => {
  const current = currentKeyActedOn(directory, statement);
  if (typeof current === 'string') {
    return current;
  }
  const authority = partyAuthority(directory, statement);
  if (typeof authority === 'string') {
    return authority;
  }
  return current.partyEndorsed
    ? `key ${current.keyId} is already endorsed along party ${current.party}'s chain`
    : byPartyQuorum(directory, statement, signatures, [signerOf(authority)], 1);
};

const policyProblem = (directory: DirectoryView, statement: KeyStatement, signatures: Signatures) => {
  const current = currentKeyActedOn(directory, statement);
  if (typeof current === 'string') {
    return current;
  }
  if (statement.authority !== '') {
    return 'a policy names no authority: it is signed by the admin who proposes it and the quorum';
  }
  if (current.role !== 'admin' || !current.partyEndorsed || !directory.partyRecord(current.party)) {
    return `a policy is proposed by an admin of the party, endorsed along its chain (${current.person} is not)`;
  }
  const admins = directory.partyAdmins(current.party).length;
  const threshold = statement.threshold ?? 0;
  if (threshold > admins) {
    return `a threshold of ${threshold} needs at least ${threshold} admins; party ${current.party} has ${admins}`;
  }
  return byPartyQuorum(directory, statement, signatures, [signerOf(current)], 1);
};

/** Why a statement breaks the party-root rules; null when it does not. */
export const partyStatementProblem = (
  directory: DirectoryView,
  statement: KeyStatement,
  signatures: Signatures,
): string | null => {
  switch (statement.kind) {
    case 'enrol':
      return enrolProblem(directory, statement, signatures);
    case 'rotate':
      return rotateProblem(directory, statement, signatures);
    case 'revoke':
      return revokeProblem(directory, statement, signatures);
    case 'endorse':
      return endorseProblem(directory, statement, signatures);
    case 'policy':
      return policyProblem(directory, statement, signatures);
  }
};
