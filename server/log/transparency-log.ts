import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client';
import { checkpoints, logLeaves, logNodes } from '../../db/schema/index';
import { toBase64url } from '../../shared/encoding/bytes';
import { formatCheckpointBody, parseCheckpointBody } from '../../shared/log/checkpoint';
import { type LeafKind, leafInput, leafKindCode } from '../../shared/log/leaf';
import { EMPTY_ROOT, foldRange, type Hash, hashChildren, hashLeaf } from '../../shared/log/merkle';
import {
  assembleProof,
  consistencyProofPlan,
  inclusionProofPlan,
  type NodeRef,
  nodesCompletedByAppend,
  rangeDecomposition,
} from '../../shared/log/proof-plan';
import { parseSignedNote, signNote } from '../../shared/log/signed-note';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { checkConsistency } from '../../shared/log/verify-consistency';
import { ProblemError } from '../problems';
import type { LogSigner } from './log-key';
import { NodeCache } from './node-cache';
import { fetchNodes, lockLog, lookupIn, lowestTiledLevel, nodeKey, splitByTiles } from './node-store';

/** Complete nodes kept in memory: at 32 bytes and a short key each, about 20 MB when full. */
const CACHED_NODES = 100_000;
/** At most this many of them are whole tile spans fetched ahead; the rest turn over with use. */
const TILED_NODES = CACHED_NODES / 2;

export type SignedCheckpoint = { readonly treeSize: number; readonly rootHash: Hash; readonly note: string };

/** The log's lock held by a transaction, with the checkpoint it found: the tree the next append extends. */
export type AppendLock = { readonly previous: SignedCheckpoint | null };

/** What an append stored: where its leaves start, the checkpoint over them, and the nodes it completed. */
export type Appended = {
  readonly firstIndex: number;
  readonly checkpoint: SignedCheckpoint;
  /** Every node the append knew or computed, keyed `level:index`; remember them only once committed. */
  readonly nodes: ReadonlyMap<string, Hash>;
};

/**
 * Called once for every checkpoint the log signs, inside the transaction that stores it, before
 * that transaction commits (so a failing hook publishes nothing). The seam where witness
 * cosigning plugs in: one call per sequencer batch, one per key statement.
 */
export type CheckpointHook = (tx: Tx, checkpoint: SignedCheckpoint) => Promise<void>;

/**
 * The one global append-only Merkle log. Appends run inside the caller's transaction under a
 * log-wide lock, touch O(log n) rows, and end with a checkpoint signed only after it has been
 * proven consistent with the previous one.
 */
export class TransparencyLog {
  /** Told the size of every checkpoint signed, before its transaction commits (witness cosigning). */
  onCheckpointSigned: ((treeSize: number) => void) | undefined;

  constructor(
    readonly signer: LogSigner,
    private readonly onCheckpoint?: CheckpointHook,
  ) {}

  /** Complete nodes served before. */
  readonly #cache = new NodeCache(CACHED_NODES);
  /** The largest tree size seen committed: sizes only grow, so smaller ones need no query. */
  #committedSize = 0;

  /**
   * The stored hashes of `refs`, from the cache where it has them and from one database fetch
   * otherwise. Only reads outside a transaction fill the cache (see {@link NodeCache}). Given the
   * tree a single proof is in, a miss fetches the whole tile span of each missing node at the
   * levels the cache can hold whole, so that the next proofs near it need no query. A batch of
   * proofs, or an append under the lock, fetches exactly the nodes it needs.
   */
  async #nodes(db: Db | Tx, refs: readonly NodeRef[], tiledTree?: number): Promise<Map<string, Hash>> {
    const found = new Map<string, Hash>();
    const missing: NodeRef[] = [];
    for (const ref of refs) {
      const hash = this.#cache.get(nodeKey(ref));
      if (hash) {
        found.set(nodeKey(ref), hash);
      } else {
        missing.push(ref);
      }
    }
    if (missing.length > 0) {
      const committed = !(db instanceof PgTransaction);
      const { exact, spans } =
        committed && tiledTree !== undefined
          ? splitByTiles(missing, lowestTiledLevel(tiledTree, TILED_NODES))
          : { exact: missing, spans: [] };
      const fetched = await fetchNodes(db, exact, spans);
      for (const [key, hash] of fetched) {
        found.set(key, hash);
        if (committed) {
          this.#cache.set(key, hash);
        }
      }
    }
    return found;
  }

  async latest(db: Db | Tx): Promise<SignedCheckpoint | null> {
    const [row] = await db.select().from(checkpoints).orderBy(desc(checkpoints.treeSize)).limit(1);
    return row ? { treeSize: row.treeSize, rootHash: row.rootHash, note: row.note } : null;
  }

  /**
   * Takes the log-wide lock (until the transaction ends) and answers the size of the tree, which is
   * the index the next appended leaf will get as long as the lock is held.
   */
  async lockForAppend(tx: Tx): Promise<AppendLock> {
    await lockLog(tx);
    return { previous: await this.latest(tx) };
  }

  /**
   * Keeps the nodes of an append whose transaction has committed, so the next append's frontier
   * and its receipts' proofs need no fetch. Never call it before the commit: a rolled-back append's
   * nodes would be wrong for whatever later takes those leaf positions.
   */
  rememberCommitted(appended: Appended): void {
    for (const [key, hash] of appended.nodes) {
      this.#cache.set(key, hash);
    }
    this.#committedSize = Math.max(this.#committedSize, appended.checkpoint.treeSize);
  }

  /**
   * Appends records as leaves; returns their indexes and the checkpoint that includes them. This is
   * the only place the log signs a checkpoint for new leaves: one per call, however many records.
   */
  async append(tx: Tx, records: readonly { kind: LeafKind; hash: Uint8Array }[], lock?: AppendLock): Promise<Appended> {
    const { previous } = lock ?? (await this.lockForAppend(tx));
    const oldSize = previous?.treeSize ?? 0;
    const frontier = rangeDecomposition(0, oldSize);
    // The frontier's subtrees are complete and committed (the lock is held): cached ones are current.
    const known = new Map(await this.#nodes(tx, frontier));
    const lookup = lookupIn(known);
    const newNodes: { level: number; index: number; hash: Hash }[] = [];
    const leafRows = records.map((record, offset) => {
      const index = oldSize + offset;
      const leafHash = hashLeaf(leafInput(record.kind, record.hash));
      known.set(nodeKey({ level: 0, index }), leafHash);
      for (const node of nodesCompletedByAppend(index)) {
        const hash = hashChildren(
          lookup({ level: node.level - 1, index: 2 * node.index }),
          lookup({ level: node.level - 1, index: 2 * node.index + 1 }),
        );
        known.set(nodeKey(node), hash);
        newNodes.push({ ...node, hash });
      }
      return { index, kind: leafKindCode(record.kind), recordHash: record.hash, leafHash };
    });
    const newSize = oldSize + records.length;
    const rootHash = foldRange(rangeDecomposition(0, newSize).map(lookup));
    const keyStatements =
      (previous ? await this.#keyStatementsIn(tx, previous) : 0) +
      records.filter((record) => record.kind === 'key-statement').length;
    if (previous) {
      await this.#assertConsistent(tx, previous, newSize, rootHash, known);
    }
    await tx.insert(logLeaves).values(leafRows);
    if (newNodes.length > 0) {
      await tx.insert(logNodes).values(newNodes);
    }
    const checkpoint = this.#sign(newSize, rootHash, keyStatements);
    await tx.insert(checkpoints).values(checkpoint);
    await this.onCheckpoint?.(tx, checkpoint);
    this.onCheckpointSigned?.(newSize);
    return { firstIndex: oldSize, checkpoint, nodes: known };
  }

  /**
   * Inclusion proofs of an append's own leaves in its checkpoint, inside its transaction: from the
   * nodes the append computed and the cache, with at most one fetch for the rest.
   */
  async proofsOfAppended(tx: Tx, appended: Appended, leafIndexes: readonly number[]): Promise<Hash[][]> {
    const plans = leafIndexes.map((leafIndex) => inclusionProofPlan(leafIndex, appended.checkpoint.treeSize));
    const missing = plans.flatMap((plan) => plan.flat()).filter((ref) => !appended.nodes.has(nodeKey(ref)));
    const fetched = missing.length > 0 ? await this.#nodes(tx, missing) : new Map<string, Hash>();
    const lookup = (ref: NodeRef) => appended.nodes.get(nodeKey(ref)) ?? lookupIn(fetched)(ref);
    return plans.map((plan) => assembleProof(plan, lookup));
  }

  /** Refuses to sign a tree head that the previous checkpoint's tree does not prove a prefix of. */
  async #assertConsistent(
    tx: Tx,
    previous: SignedCheckpoint,
    newSize: number,
    newRoot: Hash,
    known: Map<string, Hash>,
  ) {
    const plan = consistencyProofPlan(previous.treeSize, newSize);
    const missing = plan.flat().filter((ref) => !known.has(nodeKey(ref)));
    for (const [key, hash] of await this.#nodes(tx, missing)) {
      known.set(key, hash);
    }
    const proof = assembleProof(plan, lookupIn(known));
    const check = checkConsistency(previous.treeSize, newSize, proof, previous.rootHash, newRoot);
    if (!check.ok) {
      throw new Error(
        `refusing to sign checkpoint ${newSize}: not consistent with ${previous.treeSize}: ${check.reason}`,
      );
    }
  }

  /** How many key statements a signed tree holds: its note's count, or (a note signed before counts) the leaves'. */
  async #keyStatementsIn(db: Db | Tx, checkpoint: SignedCheckpoint): Promise<number> {
    const parsed = parseSignedNote(checkpoint.note);
    const body = parsed.ok ? parseCheckpointBody(parsed.note.body) : undefined;
    if (body?.ok && body.checkpoint.keyStatements !== undefined) {
      return body.checkpoint.keyStatements;
    }
    const [row] = await db
      .select({ statements: count() })
      .from(logLeaves)
      .where(and(eq(logLeaves.kind, leafKindCode('key-statement')), lt(logLeaves.index, checkpoint.treeSize)));
    return Number(row?.statements ?? 0);
  }

  /**
   * The checkpoint of exactly `treeSize` with its key statements counted: the stored note, or, for a
   * tree signed before counts existed, the same tree head signed again with its count (Ed25519 is
   * deterministic: always the same note).
   */
  async countedCheckpointAt(db: Db | Tx, treeSize: number): Promise<string> {
    const stored = await this.checkpointAt(db, treeSize);
    if (!stored) {
      throw new ProblemError('validation', `The log signed no checkpoint of size ${treeSize}`);
    }
    return this.#sign(stored.treeSize, stored.rootHash, await this.#keyStatementsIn(db, stored)).note;
  }

  #sign(treeSize: number, rootHash: Hash, keyStatements: number): SignedCheckpoint {
    const body = formatCheckpointBody({ origin: this.signer.name, treeSize, rootHash, keyStatements });
    const note = signNote(body, this.signer.name, this.signer.sign, this.signer.publicKey);
    // A checkpoint that clients would reject must never be published (a faulty key, a bad signer).
    const check = verifyCheckpoint(note, this.signer.verifierKey, this.signer.name);
    if (!check.ok) {
      throw new Error(`refusing to publish checkpoint ${treeSize}: ${check.reason}`);
    }
    return { treeSize, rootHash, note };
  }

  /** The signed checkpoint for the empty log, so clients can start from a signed size 0. */
  emptyCheckpoint(): SignedCheckpoint {
    return this.#sign(0, EMPTY_ROOT, 0);
  }

  /** One leaf's inclusion proof, from cached tiles, or one fetch of the tiles its path crosses. */
  async inclusionProof(db: Db | Tx, leafIndex: number, treeSize: number): Promise<Hash[]> {
    const [proof] = await this.inclusionProofs(db, [leafIndex], treeSize, true);
    return proof as Hash[];
  }

  /** Inclusion proofs of several leaves in one tree, from one fetch of the nodes they need. */
  async inclusionProofs(
    db: Db | Tx,
    leafIndexes: readonly number[],
    treeSize: number,
    tiled = false,
  ): Promise<Hash[][]> {
    await this.#assertSize(db, treeSize);
    const beyond = leafIndexes.find((leafIndex) => leafIndex >= treeSize);
    if (beyond !== undefined) {
      throw new ProblemError('validation', `Leaf ${beyond} is not in a tree of size ${treeSize}`);
    }
    const plans = leafIndexes.map((leafIndex) => inclusionProofPlan(leafIndex, treeSize));
    const lookup = lookupIn(
      await this.#nodes(
        db,
        plans.flatMap((plan) => plan.flat()),
        tiled ? treeSize : undefined,
      ),
    );
    return plans.map((plan) => assembleProof(plan, lookup));
  }

  async consistencyProof(db: Db | Tx, size1: number, size2: number): Promise<Hash[]> {
    await this.#assertSize(db, size2);
    if (size1 < 1 || size1 > size2) {
      throw new ProblemError('validation', `No consistency proof from size ${size1} to ${size2}`);
    }
    const plan = consistencyProofPlan(size1, size2);
    return assembleProof(plan, lookupIn(await this.#nodes(db, plan.flat(), size2)));
  }

  async leaves(db: Db | Tx, start: number, end: number) {
    const rows = await db
      .select()
      .from(logLeaves)
      .where(and(gte(logLeaves.index, start), lt(logLeaves.index, end)))
      .orderBy(logLeaves.index);
    return rows.map((row) => ({ index: row.index, kind: row.kind, recordHash: toBase64url(row.recordHash) }));
  }

  async indexOf(db: Db | Tx, recordHash: Uint8Array): Promise<number | undefined> {
    const [row] = await db
      .select({ index: logLeaves.index })
      .from(logLeaves)
      .where(eq(logLeaves.recordHash, recordHash));
    return row?.index;
  }

  /** The signed checkpoint of exactly this size, if the log signed one. */
  async checkpointAt(db: Db | Tx, treeSize: number): Promise<SignedCheckpoint | null> {
    const [row] = await db.select().from(checkpoints).where(eq(checkpoints.treeSize, treeSize));
    return row ? { treeSize: row.treeSize, rootHash: row.rootHash, note: row.note } : null;
  }

  async #assertSize(db: Db | Tx, treeSize: number): Promise<void> {
    if (treeSize <= this.#committedSize) {
      return;
    }
    const latest = await this.latest(db);
    if (latest && !(db instanceof PgTransaction)) {
      this.#committedSize = Math.max(this.#committedSize, latest.treeSize);
    }
    if (treeSize > (latest?.treeSize ?? 0)) {
      throw new ProblemError(
        'validation',
        `The log has no tree of size ${treeSize} yet (latest ${latest?.treeSize ?? 0})`,
      );
    }
  }
}
