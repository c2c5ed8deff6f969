import { and, asc, gte, lt, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checkpoints, entries, keyStatements, logLeaves, logNodes } from '../../db/schema/index';
import { CIPHERTEXT_HASH_TAG, ENTRY_HASH_TAG, entrySigningBytes } from '../../shared/crypto/entry-bytes';
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { emptyDirectory } from '../../shared/directory/index';
import { canonicalBytes } from '../../shared/encoding/canonical';
import type { Checkpoint } from '../../shared/log/checkpoint';
import { CompactTree } from '../../shared/log/compact-tree';
import { equalHashes } from '../../shared/log/hash-checks';
import { leafInput, leafKindOf } from '../../shared/log/leaf';
import { hashLeaf } from '../../shared/log/merkle';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { verifyEd25519 } from '../crypto/ed25519';
import { taggedSha256 } from '../crypto/hashes';
import { base64url } from '../encoding/base64url';
import { readLegacyBefore } from '../services/deployment-trust';
import { checkAttachments } from './fsck-attachments';
import { checkStoredCheckpoint } from './fsck-checkpoint';

export type FsckFailure = { readonly subject: string; readonly reason: string };
export type FsckReport = {
  readonly leaves: number;
  readonly entries: number;
  readonly statements: number;
  readonly checkpoints: number;
  /** Stored attachments re-read and checked against their size and digest. */
  readonly attachments: number;
  readonly treeSize: number;
  /** The legacy boundary the directory was re-verified with (docs/PROTOCOL.md §7.8). */
  readonly legacyBefore: number;
  readonly failures: FsckFailure[];
};

const PAGE = 5000;

/**
 * Re-derives the whole log from the stored records, trusting nothing stored but the log key:
 * every leaf from its record, every stored node and checkpoint root from the leaves, every entry's
 * hash, ciphertext hash, signature (by its author's key valid at that position) and chain link,
 * the directory from its statements (those below the deployment's legacy boundary by the rules of
 * their time), and every checkpoint's count of key statements; the latest checkpoint's signature
 * by the pinned key; and that no stored record lacks its leaf. `trusted` are checkpoint notes seen
 * elsewhere (a client's pinned checkpoint, an earlier bundle): the stored log must extend each, or
 * it was truncated, rolled back or forked, which nothing stored could show. Given `dataDir`, every
 * stored attachment is re-read and checked against its recorded size and digest.
 */
export const fsck = async (
  db: Db,
  log: { verifierKey: string; origin: string },
  onProgress: (done: number, total: number) => void = () => {},
  trusted: readonly string[] = [],
  dataDir?: string,
): Promise<FsckReport> => {
  const failures: FsckFailure[] = [];
  const fail = (subject: string, reason: string) => failures.push({ subject, reason });
  const witnesses = openWitnesses(trusted, log, fail);
  const stored = await db.select().from(checkpoints).orderBy(asc(checkpoints.treeSize));
  const latest = stored.at(-1);
  const treeSize = latest?.treeSize ?? 0;
  if (latest) {
    const verified = verifyCheckpoint(latest.note, log.verifierKey, log.origin);
    if (!verified.ok) {
      fail(`checkpoint ${latest.treeSize}`, `latest checkpoint does not verify: ${verified.reason}`);
    }
  }
  const rootsAt = new Map(stored.map((row) => [row.treeSize, row]));
  const tree = new CompactTree();
  const legacyBefore = await readLegacyBefore(db).catch((error: unknown) => {
    fail('legacy boundary', `${(error as Error).message}: the directory is re-verified as if it were 0`);
    return 0;
  });
  const directory = emptyDirectory({ legacyBefore });
  const heads = new Map<string, { seq: number; hash: string }>();
  let entryCount = 0;
  let statementCount = 0;
  /** Key-statement leaves so far, whether or not their record is stored: what a checkpoint counts. */
  let statementLeaves = 0;
  for (let start = 0; start < Math.max(treeSize, 1); start += PAGE) {
    const end = start + PAGE;
    const [leaves, entryRows, statementRows, nodeRows] = await Promise.all([
      db
        .select()
        .from(logLeaves)
        .where(and(gte(logLeaves.index, start), lt(logLeaves.index, end)))
        .orderBy(asc(logLeaves.index)),
      db
        .select()
        .from(entries)
        .where(and(gte(entries.leafIndex, start), lt(entries.leafIndex, end))),
      db
        .select()
        .from(keyStatements)
        .where(and(gte(keyStatements.position, start), lt(keyStatements.position, end))),
      // Nodes completed by the leaves of this page: the last leaf under node (l, i) is (i+1)·2^l − 1.
      db
        .select()
        .from(logNodes)
        .where(
          sql`((${logNodes.index} + 1) << ${logNodes.level}::int) - 1 >= ${start} and ((${logNodes.index} + 1) << ${logNodes.level}::int) - 1 < ${end}`,
        ),
    ]);
    const nodeAt = new Map(nodeRows.map((row) => [`${row.level}:${row.index}`, row.hash]));
    const entryAt = new Map(entryRows.map((row) => [row.leafIndex, row]));
    const statementAt = new Map(statementRows.map((row) => [row.position, row]));
    let expected = start;
    for (const leaf of leaves) {
      if (leaf.index !== expected) {
        fail(`leaf ${expected}`, `missing from the log (next stored leaf is ${leaf.index})`);
      }
      expected = leaf.index + 1;
      const kind = leafKindOf(leaf.kind);
      statementLeaves += kind === 'key-statement' ? 1 : 0;
      const entry = entryAt.get(leaf.index);
      const statement = statementAt.get(leaf.index);
      let recordHash: Uint8Array | undefined;
      if (kind === 'entry' && entry) {
        entryCount++;
        recordHash = taggedSha256(
          ENTRY_HASH_TAG,
          canonicalBytes({ header: entry.header as never, signature: entry.signature }),
        );
        checkEntry(entry, recordHash, leaf.index, directory, heads, fail);
      } else if (kind === 'key-statement' && statement) {
        statementCount++;
        recordHash = Buffer.from(keyStatementHash(statement.signed), 'base64url');
        const applied = directory.apply(statement.signed, leaf.index);
        if (!applied.ok) {
          fail(`statement ${base64url(recordHash)} at leaf ${leaf.index}`, applied.reason);
        }
      } else {
        fail(`leaf ${leaf.index}`, `its ${kind ?? 'unknown'} record is missing`);
      }
      if (recordHash && !equalHashes(recordHash, leaf.recordHash)) {
        fail(
          `leaf ${leaf.index}`,
          `record hash ${base64url(leaf.recordHash)} does not match the stored record (${base64url(recordHash)})`,
        );
      }
      const leafHash = hashLeaf(leafInput(kind ?? 'entry', leaf.recordHash));
      if (!equalHashes(leafHash, leaf.leafHash)) {
        fail(`leaf ${leaf.index}`, 'stored leaf hash is not the hash of its leaf input');
      }
      for (const node of tree.append(leafHash)) {
        const storedNode = nodeAt.get(`${node.level}:${node.index}`);
        if (!storedNode || !equalHashes(storedNode, node.hash)) {
          fail(
            `node ${node.level}:${node.index}`,
            storedNode ? 'stored hash differs from the recomputed one' : 'missing',
          );
        }
      }
      const checkpoint = rootsAt.get(tree.size);
      if (checkpoint) {
        checkStoredCheckpoint(checkpoint, tree.root(), statementLeaves, fail);
      }
      const witness = witnesses.get(tree.size);
      if (witness && !equalHashes(witness.rootHash, tree.root())) {
        fail(`trusted checkpoint ${tree.size}`, 'the stored leaves at this size hash to another root: the log forked');
      }
    }
    if (expected < Math.min(end, treeSize)) {
      fail(`leaf ${expected}`, `missing: the log ends at ${expected} but its checkpoint says ${treeSize}`);
    }
    onProgress(Math.min(end, treeSize), treeSize);
  }
  if (tree.size > treeSize) {
    fail(`leaf ${treeSize}`, `${tree.size - treeSize} leaves beyond the latest checkpoint`);
  }
  for (const size of witnesses.keys()) {
    if (size > tree.size) {
      fail(
        `trusted checkpoint ${size}`,
        `the stored log has only ${tree.size} leaves: it was truncated or rolled back`,
      );
    }
  }
  await checkRecordsHaveLeaves(db, fail);
  const attachmentCount = dataDir === undefined ? 0 : await checkAttachments(db, dataDir, fail);
  return {
    attachments: attachmentCount,
    leaves: tree.size,
    entries: entryCount,
    statements: statementCount,
    checkpoints: stored.length,
    treeSize,
    legacyBefore,
    failures,
  };
};

const checkEntry = (
  entry: typeof entries.$inferSelect,
  recordHash: Uint8Array,
  position: number,
  directory: ReturnType<typeof emptyDirectory>,
  heads: Map<string, { seq: number; hash: string }>,
  fail: (subject: string, reason: string) => void,
) => {
  const subject = `entry ${base64url(recordHash)} (stream ${entry.streamId} seq ${entry.seq}, leaf ${position})`;
  const { header } = entry;
  if (base64url(taggedSha256(CIPHERTEXT_HASH_TAG, entry.ciphertext)) !== header.ciphertextHash) {
    fail(subject, 'ciphertext does not match the ciphertext hash its header commits to');
  }
  if (!equalHashes(recordHash, entry.hash)) {
    fail(subject, 'stored hash is not the hash of its header and signature');
  }
  const key = directory.keyRecord(header.author.keyId);
  if (!key || key.person !== header.author.person || !directory.isKeyValidAt(header.author.keyId, position)) {
    fail(subject, "the author's key was not valid at this position in the log");
  } else if (
    !verifyEd25519(
      entrySigningBytes(header),
      Buffer.from(entry.signature, 'base64url'),
      Buffer.from(key.signKey, 'base64url'),
    )
  ) {
    fail(subject, 'the signature does not verify');
  }
  const head = heads.get(header.stream);
  if (header.seq !== (head?.seq ?? 0) + 1 || header.prevHash !== (head?.hash ?? '')) {
    fail(subject, `chain broken: expected seq ${(head?.seq ?? 0) + 1} after ${head?.hash || 'the start'}`);
  }
  heads.set(header.stream, { seq: header.seq, hash: base64url(recordHash) });
};

/** The trusted checkpoints that verify under the pinned key, by size; the others are named. */
const openWitnesses = (
  notes: readonly string[],
  log: { verifierKey: string; origin: string },
  fail: (subject: string, reason: string) => void,
): Map<number, Checkpoint> => {
  const witnesses = new Map<number, Checkpoint>();
  for (const [index, note] of notes.entries()) {
    const verified = verifyCheckpoint(note, log.verifierKey, log.origin);
    if (verified.ok) {
      witnesses.set(verified.checkpoint.treeSize, verified.checkpoint);
    } else {
      fail(`trusted checkpoint #${index + 1}`, `does not verify under the pinned key: ${verified.reason}`);
    }
  }
  return witnesses;
};

/** Entries and statements whose leaf is not in the log: left behind by a truncation or a removed leaf. */
const checkRecordsHaveLeaves = async (db: Db, fail: (subject: string, reason: string) => void) => {
  const leafAt = (position: typeof entries.leafIndex | typeof keyStatements.position) =>
    notExists(db.select({ index: logLeaves.index }).from(logLeaves).where(sql`${logLeaves.index} = ${position}`));
  const [entryRows, statementRows] = await Promise.all([
    db
      .select({ hash: entries.hash, streamId: entries.streamId, seq: entries.seq, leafIndex: entries.leafIndex })
      .from(entries)
      .where(leafAt(entries.leafIndex))
      .orderBy(asc(entries.leafIndex)),
    db
      .select({ hash: keyStatements.hash, position: keyStatements.position })
      .from(keyStatements)
      .where(leafAt(keyStatements.position))
      .orderBy(asc(keyStatements.position)),
  ]);
  const missing = (position: number) => `its leaf ${position} is not in the log (truncated, or the leaf removed)`;
  for (const row of entryRows) {
    fail(
      `entry ${base64url(row.hash)} (stream ${row.streamId} seq ${row.seq}, leaf ${row.leafIndex})`,
      missing(row.leafIndex),
    );
  }
  for (const row of statementRows) {
    fail(`statement ${base64url(row.hash)} at leaf ${row.position}`, missing(row.position));
  }
};
