import { keyRoutes } from '../../shared/api/identity';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { type DirectoryFailure, type DirectoryState, verifyKeyDirectory } from '../../shared/directory/index';
import type { StatementRecord } from '../../shared/schemas/identity';
import type { ParleyHttp } from './parley-http';

const PAGE = 1000;

/** Thrown when the server's key directory does not verify: names each refused statement. */
export class DirectoryVerificationError extends Error {
  constructor(readonly failures: readonly DirectoryFailure[]) {
    const [first] = failures;
    super(
      `The key directory does not verify: ${failures.length} statement(s) refused` +
        (first ? `, first at position ${first.position}: ${first.reason}` : ''),
    );
    this.name = 'DirectoryVerificationError';
  }
}

/** Every key-directory statement, in log order, paging through `GET /api/keys/statements`. */
export const fetchStatements = async (http: ParleyHttp): Promise<StatementRecord[]> => {
  const all: StatementRecord[] = [];
  for (;;) {
    const after = all.at(-1)?.position ?? -1;
    const { statements } = await http.api(keyRoutes.listStatements, { query: { after, limit: PAGE } });
    all.push(...statements);
    if (statements.length < PAGE) {
      return all;
    }
  }
};

/**
 * Fetches the whole key directory and re-verifies it from its first statement with the shared
 * rules (shared/directory), trusting nothing the server says about keys.
 *
 * @throws {DirectoryVerificationError} when any statement is refused.
 */
export const fetchVerifiedDirectory = async (http: ParleyHttp): Promise<DirectoryState> => {
  const records = await fetchStatements(http);
  const { state, failures } = verifyKeyDirectory(records.map(({ signed, position }) => ({ signed, position })));
  // The hash the server reports is what the log records: it must be the statement's own.
  const misreported = records
    .filter((record) => record.hash !== keyStatementHash(record.signed))
    .map((record) => ({ position: record.position, statementHash: record.hash, reason: 'the reported hash is wrong' }));
  if (failures.length + misreported.length > 0) {
    throw new DirectoryVerificationError([...failures, ...misreported]);
  }
  return state;
};
