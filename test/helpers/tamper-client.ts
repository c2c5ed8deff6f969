import { LogConsistencyError } from '../../client/sdk/log-checker';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { DirectoryVerificationError, fetchStatements } from '../../client/sdk/verified-directory';
import { ApiProblem } from '../../shared/api/client';
import { entryRoutes } from '../../shared/api/entries';
import { logRoutes } from '../../shared/api/log';
import { computeCiphertextHash, computeEntryHash } from '../../shared/crypto/entry-bytes';
import { verifyEntrySignature } from '../../shared/crypto/entry-signature';
import type { SignPublicKey } from '../../shared/crypto/identity-keys';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { type DirectoryState, verifyKeyDirectory } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { LeafKind } from '../../shared/log/leaf';
import { checkEntryInclusion } from '../../shared/log/log-monitor';
import type { StoredEntry } from '../../shared/schemas/stream';

/** Something a client refused, named as the verifier names it. */
export type ClientFinding = { readonly subject: string; readonly reason: string };

type Trusted = { readonly treeSize: number; readonly rootHash: string };

/** Whether the record `hash` is leaf `index` of the trusted tree, by a proof the server must serve. */
const proveLeaf = async (
  person: ParleyPerson,
  trusted: Trusted,
  index: number,
  hash: string,
  kind: LeafKind,
): Promise<string | undefined> => {
  if (index >= trusted.treeSize) {
    return `leaf ${index} is beyond the trusted tree of size ${trusted.treeSize}`;
  }
  const served = await person
    .api(logRoutes.inclusionProof, { query: { index, treeSize: trusted.treeSize } })
    .catch((error: unknown) => {
      if (error instanceof ApiProblem) {
        return `the server gives no inclusion proof (${error.message})`;
      }
      throw error;
    });
  if (typeof served === 'string') {
    return served;
  }
  const checked = checkEntryInclusion(trusted, index, fromBase64url(hash), kind, served.proof.map(fromBase64url));
  return checked.ok
    ? undefined
    : `not leaf ${index} of the trusted tree of size ${trusted.treeSize}: ${checked.reason}`;
};

const checkEntry = async (
  person: ParleyPerson,
  trusted: Trusted,
  directory: DirectoryState,
  entry: StoredEntry,
  previous: { seq: number; hash: string } | undefined,
): Promise<string[]> => {
  const { header } = entry;
  const hash = computeEntryHash(header, entry.signature);
  const problems: string[] = [];
  if (hash !== entry.entryHash) {
    problems.push(`the server names it ${entry.entryHash}, but its header and signature hash to ${hash}`);
  }
  const expected = (previous?.seq ?? 0) + 1;
  if (header.seq !== expected) {
    problems.push(
      `is seq ${header.seq} where seq ${expected} was due; it links back to ${header.prevHash || '(none)'}`,
    );
  } else if (header.prevHash !== (previous?.hash ?? '')) {
    problems.push(`prevHash ${header.prevHash} is not the hash of seq ${expected - 1} (${previous?.hash})`);
  }
  const key = directory.keyRecord(header.author.keyId);
  if (!key || key.person !== header.author.person || !directory.isKeyValidAt(key.keyId, entry.leafIndex)) {
    problems.push(`the author's key ${header.author.keyId} is not valid at leaf ${entry.leafIndex}`);
  } else if (!verifyEntrySignature(entry, fromBase64url(key.signKey) as SignPublicKey)) {
    problems.push("the signature does not verify under the author's key");
  }
  if (
    entry.ciphertext !== undefined &&
    computeCiphertextHash(fromBase64url(entry.ciphertext)) !== header.ciphertextHash
  ) {
    problems.push('the ciphertext is not the one the author signed');
  }
  const inclusion = await proveLeaf(person, trusted, entry.leafIndex, hash, 'entry');
  return inclusion ? [...problems, inclusion] : problems;
};

const checkStream = async (
  person: ParleyPerson,
  trusted: Trusted,
  directory: DirectoryState,
  streamId: string,
): Promise<ClientFinding[]> => {
  const findings: ClientFinding[] = [];
  let previous: { seq: number; hash: string } | undefined;
  let head: { seq: number; hash: string } | null = null;
  for (let after = 0; ; ) {
    const page = await person.api(entryRoutes.listEntries, { params: { streamId }, query: { after, limit: 1000 } });
    head = page.stream.head;
    for (const entry of page.entries) {
      const hash = computeEntryHash(entry.header, entry.signature);
      const subject = `entry ${hash} (${entry.header.streamKind} ${streamId} seq ${entry.header.seq}, leaf ${entry.leafIndex})`;
      for (const reason of await checkEntry(person, trusted, directory, entry, previous)) {
        findings.push({ subject, reason });
      }
      previous = { seq: entry.header.seq, hash };
    }
    const last = page.entries.at(-1);
    if (!last || page.entries.length < 1000) {
      break;
    }
    after = last.header.seq;
  }
  if (head && (head.seq !== previous?.seq || head.hash !== previous.hash)) {
    findings.push({
      subject: `stream ${streamId}`,
      reason: `the stated head seq ${head.seq} is not the last entry read`,
    });
  }
  return findings;
};

/**
 * What a client (the SDK person) refuses on this server: the log monitor (pinned key, consistency
 * with the checkpoint it trusted before), the SDK's verified key directory, each statement and
 * entry proven in the trusted tree, and each stream read back as one signed, unbroken chain.
 * A refused checkpoint ends the check: a client trusts nothing more from that server.
 */
export const checkAsClient = async (person: ParleyPerson, streams: readonly string[]): Promise<ClientFinding[]> => {
  let trusted: Trusted;
  try {
    trusted = await person.checkLog();
  } catch (error) {
    if (error instanceof LogConsistencyError) {
      return [{ subject: 'log', reason: error.message }];
    }
    throw error;
  }
  const findings: ClientFinding[] = [];
  try {
    await person.directory();
  } catch (error) {
    if (!(error instanceof DirectoryVerificationError)) {
      throw error;
    }
    for (const failure of error.failures) {
      findings.push({
        subject: `statement ${failure.statementHash} (leaf ${failure.position})`,
        reason: failure.reason,
      });
    }
  }
  const records = await fetchStatements(person.http);
  for (const record of records) {
    const hash = keyStatementHash(record.signed);
    const problem = await proveLeaf(person, trusted, record.position, hash, 'key-statement');
    if (problem) {
      findings.push({ subject: `statement ${hash} (leaf ${record.position})`, reason: problem });
    }
  }
  // Entries are judged against what the statements prove, refused ones left out (as the SDK does).
  const { state } = verifyKeyDirectory(records.map(({ signed, position }) => ({ signed, position })));
  for (const streamId of streams) {
    findings.push(...(await checkStream(person, trusted, state, streamId)));
  }
  return findings;
};
