/**
 * The key directory as this browser verified it: every statement re-checked from the first with
 * the shared rules (shared/directory), trusting nothing the server says about keys.
 */
import { API } from '../../shared/api/index';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { initCrypto } from '../../shared/crypto/sodium';
import { type DirectoryFailure, type DirectoryState, verifyKeyDirectory } from '../../shared/directory/index';
import type { StatementRecord } from '../../shared/schemas/identity';
import { api } from '../api/transport';

const PAGE = 1000;

/** The server's directory does not verify: each refused statement, with its position and reason. */
export class DirectoryVerificationError extends Error {
  constructor(readonly failures: readonly DirectoryFailure[]) {
    const [first] = failures;
    super(
      `The key directory does not verify: ${failures.length} statement(s) refused` +
        (first ? `, first at log position ${first.position}: ${first.reason}` : ''),
    );
    this.name = 'DirectoryVerificationError';
  }
}

const fetchStatements = async (): Promise<StatementRecord[]> => {
  const all: StatementRecord[] = [];
  for (;;) {
    const after = all.at(-1)?.position ?? -1;
    const { statements } = await api(API.listStatements, { query: { after, limit: PAGE } });
    all.push(...statements);
    if (statements.length < PAGE) {
      return all;
    }
  }
};

/**
 * Fetches and verifies the whole directory.
 *
 * @throws {DirectoryVerificationError} when any statement is refused or its reported hash is wrong.
 */
export const fetchVerifiedDirectory = async (): Promise<DirectoryState> => {
  await initCrypto();
  const records = await fetchStatements();
  const { state, failures } = verifyKeyDirectory(records.map(({ signed, position }) => ({ signed, position })));
  const misreported = records
    .filter((record) => record.hash !== keyStatementHash(record.signed))
    .map((record) => ({ position: record.position, statementHash: record.hash, reason: 'the reported hash is wrong' }));
  if (failures.length + misreported.length > 0) {
    throw new DirectoryVerificationError([...failures, ...misreported]);
  }
  return state;
};
