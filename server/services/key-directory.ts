import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { keyStatements } from '../../db/schema/index';
import { deriveKeyId } from '../../shared/crypto/identity-keys';
import { keyStatementHash, verifyStatementSignature } from '../../shared/crypto/key-statement';
import { applyKeyStatement, type DirectoryState, emptyDirectory } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { DirectoryPage, StatementRecord } from '../../shared/schemas/identity';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { base64url } from '../encoding/base64url';
import { lockLog } from '../log/node-store';
import type { TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';
import { readLegacyBefore } from './deployment-trust';

type ExpectedEnrolment = {
  kind: string;
  person: string;
  party: string;
  role: string;
  name: string;
  invitation: string;
  authority: string;
};

const toRecord = (row: typeof keyStatements.$inferSelect): StatementRecord => ({
  position: row.position,
  hash: base64url(row.hash),
  signed: row.signed,
});

/**
 * The key directory: validates statements with the shared directory rules (the same code every
 * client and the offline verifier run) and appends them to the transparency log.
 */
export class KeyDirectory {
  #legacyBefore: number | undefined;

  constructor(readonly log: TransparencyLog) {}

  /** The deployment's legacy boundary (§7.8), read once: it never changes. */
  async legacyBefore(db: Db | Tx): Promise<number> {
    this.#legacyBefore ??= await readLegacyBefore(db);
    return this.#legacyBefore;
  }

  /** An enrolment as the new person submits it: theirs alone, matching their invitation. */
  assertSelfSignedEnrolment(signed: SignedKeyStatement, expected: ExpectedEnrolment): void {
    const { statement, signatures } = signed;
    for (const [field, value] of Object.entries(expected)) {
      if (statement[field as keyof typeof statement] !== value) {
        throw new ProblemError('statementRejected', `The statement's ${field} does not match the invitation`);
      }
    }
    if (statement.seq !== 1 || statement.prevHash !== '') {
      throw new ProblemError('statementRejected', 'An enrolment starts a chain: seq 1, no previous hash');
    }
    const derived = deriveKeyId(fromBase64url(statement.signKey) as never, fromBase64url(statement.boxKey) as never);
    if (derived !== statement.keyId) {
      throw new ProblemError('statementRejected', 'The key id is not derived from the keys');
    }
    const [own] = signatures;
    if (
      signatures.length !== 1 ||
      !own ||
      own.signer !== statement.person ||
      own.keyId !== statement.keyId ||
      !verifyStatementSignature(statement, own, fromBase64url(statement.signKey))
    ) {
      throw new ProblemError('statementRejected', 'The enrolment must carry exactly the new key’s own valid signature');
    }
  }

  /**
   * The whole directory, replayed in log order with the shared rules: a statement's validity can
   * depend on anyone's keys (the admins who endorsed a signer, the party's threshold). Statements
   * are few. Throws if a stored statement no longer verifies.
   */
  async state(db: Db | Tx): Promise<DirectoryState> {
    const history = await db.select().from(keyStatements).orderBy(asc(keyStatements.position));
    const state = emptyDirectory({ legacyBefore: await this.legacyBefore(db) });
    for (const row of history) {
      const replayed = state.apply(row.signed, row.position);
      if (!replayed.ok) {
        throw new Error(`stored statement ${row.position} no longer verifies: ${replayed.reason}`);
      }
    }
    return state;
  }

  /** Validates a fully signed statement against the directory and appends it to the log. */
  async append(tx: Tx, signed: SignedKeyStatement) {
    await lockLog(tx);
    const { statement } = signed;
    if (statement.kind === 'enrol' || statement.kind === 'rotate') {
      const [reused] = await tx
        .select({ position: keyStatements.position })
        .from(keyStatements)
        .where(eq(keyStatements.keyId, statement.keyId));
      if (reused) {
        throw new ProblemError('statementRejected', 'This key id is already in the directory');
      }
    }
    const state = await this.state(tx);
    const position = (await this.log.latest(tx))?.treeSize ?? 0;
    const applied = applyKeyStatement(state, signed, position);
    if (!applied.ok) {
      throw new ProblemError('statementRejected', applied.reason);
    }
    const hash = fromBase64url(keyStatementHash(signed));
    const { firstIndex, checkpoint } = await this.log.append(tx, [{ kind: 'key-statement', hash }]);
    const [row] = await tx
      .insert(keyStatements)
      .values({
        position: firstIndex,
        hash,
        personId: statement.person,
        seq: statement.seq,
        kind: statement.kind,
        keyId: statement.keyId,
        signed,
      })
      .returning();
    if (!row) {
      throw new Error('statement insert returned nothing');
    }
    return { record: toRecord(row), checkpoint };
  }

  /**
   * A page of the directory as of tree size `treeSize`: the statements after position `after` and
   * below the tree size, each with its inclusion proof in that tree, and the tree's checkpoint
   * counting its key statements (docs/PROTOCOL.md §9.1).
   */
  async page(db: Db, treeSize: number, after: number, limit: number): Promise<DirectoryPage> {
    const checkpoint = await this.log.countedCheckpointAt(db, treeSize);
    const rows = await db
      .select()
      .from(keyStatements)
      .where(and(gt(keyStatements.position, after), lt(keyStatements.position, treeSize)))
      .orderBy(asc(keyStatements.position))
      .limit(limit);
    const proofs = await this.log.inclusionProofs(
      db,
      rows.map((row) => row.position),
      treeSize,
    );
    return {
      checkpoint,
      statements: rows.map((row, index) => ({
        ...toRecord(row),
        proof: (proofs[index] ?? []).map(base64url),
      })),
    };
  }

  async ofPerson(db: Db | Tx, personId: string): Promise<StatementRecord[]> {
    const rows = await db
      .select()
      .from(keyStatements)
      .where(and(eq(keyStatements.personId, personId)))
      .orderBy(asc(keyStatements.position));
    return rows.map(toRecord);
  }
}
