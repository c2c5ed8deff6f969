import { keyStatements } from '../../db/schema/index';
import { loadLogSigner } from '../../server/log/log-key';
import { TransparencyLog } from '../../server/log/transparency-log';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { TestServer } from './test-server';

/**
 * What a server whose own statement check is switched off (a hostile or broken operator) would
 * do: appends a statement to the log and the directory exactly as `KeyDirectory.append` does, but
 * without the shared rules. Only the clients and the offline verifier stand in the way then.
 */
export const appendUncheckedStatement = async (server: TestServer, signed: SignedKeyStatement) => {
  const log = new TransparencyLog(loadLogSigner(server.config));
  const hash = fromBase64url(keyStatementHash(signed));
  return server.database.transaction(async (tx) => {
    const { firstIndex } = await log.append(tx, [{ kind: 'key-statement', hash }]);
    const { statement } = signed;
    await tx.insert(keyStatements).values({
      position: firstIndex,
      hash,
      personId: statement.person,
      seq: statement.seq,
      kind: statement.kind,
      keyId: statement.keyId,
      signed,
    });
    return firstIndex;
  });
};
