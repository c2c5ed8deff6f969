import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { openDatabase } from '../../db/client';
import { checkpoints, keyStatements, logLeaves, logNodes, parties } from '../../db/schema/index';
import type { LogSigner } from '../../server/log/log-key';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { fromBase64url } from '../../shared/encoding/bytes';
import { formatCheckpointBody } from '../../shared/log/checkpoint';
import { leafInput, leafKindCode } from '../../shared/log/leaf';
import { hashLeaf } from '../../shared/log/merkle';
import { MerkleTree } from '../../shared/log/merkle-tree';
import { nodesCompletedByAppend } from '../../shared/log/proof-plan';
import { signNote } from '../../shared/log/signed-note';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));
/** The migrations of the last release before party roots. */
const LEGACY_MIGRATIONS = 5;

/** A copy of the migrations folder holding only the first `count`, as an older release shipped them. */
const olderMigrations = (count: number): string => {
  const folder = mkdtempSync(join(tmpdir(), 'parley-old-migrations-'));
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return folder;
};

/**
 * A PGlite data directory as the release before party roots left it: its schema, its parties, and
 * a log holding `statements` appended under the old rules, with checkpoints signed the old way (no
 * count of key statements). Nothing of the new rules is applied: this is the data an operator
 * upgrades. Returns the log's size.
 */
export const writeLegacyDeployment = async (
  dataDir: string,
  signer: LogSigner,
  partyNames: Readonly<Record<string, string>>,
  statements: readonly SignedKeyStatement[],
): Promise<number> => {
  const folder = olderMigrations(LEGACY_MIGRATIONS);
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    await database.db.insert(parties).values(Object.entries(partyNames).map(([id, name]) => ({ id, name })));
    const tree = new MerkleTree();
    for (const signed of statements) {
      const hash = fromBase64url(keyStatementHash(signed));
      const leafHash = hashLeaf(leafInput('key-statement', hash));
      const index = tree.append(leafHash);
      const { statement } = signed;
      await database.db
        .insert(logLeaves)
        .values({ index, kind: leafKindCode('key-statement'), recordHash: hash, leafHash });
      const completed = nodesCompletedByAppend(index).map((ref) => ({ ...ref, hash: tree.node(ref) }));
      if (completed.length > 0) {
        await database.db.insert(logNodes).values(completed);
      }
      await database.db.insert(keyStatements).values({
        position: index,
        hash,
        personId: statement.person,
        seq: statement.seq,
        kind: statement.kind,
        keyId: statement.keyId,
        signed,
      });
      const body = formatCheckpointBody({ origin: signer.name, treeSize: tree.size, rootHash: tree.root() });
      const note = signNote(body, signer.name, signer.sign, signer.publicKey);
      await database.db.insert(checkpoints).values({ treeSize: tree.size, rootHash: tree.root(), note });
    }
    return tree.size;
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
};
