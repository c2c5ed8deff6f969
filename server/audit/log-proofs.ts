import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { logLeaves, logNodes } from '../../db/schema/index';
import { toBase64url } from '../../shared/encoding/bytes';
import { foldRange, type Hash } from '../../shared/log/merkle';
import { consistencyProofPlan, inclusionProofPlan, type NodeRef } from '../../shared/log/proof-plan';

const keyOf = ({ level, index }: NodeRef): string => `${level}:${index}`;

/** Node references per query: two bind parameters each, well under PostgreSQL's 65,535. */
const FETCH_CHUNK = 5000;
/**
 * Inner nodes per query: PGlite fails to plan a row-value `IN` list of about 280 pairs or more
 * ("cannot drop portal "" while it is being set up"), which broke exports of large logs.
 */
const PAIR_CHUNK = 200;
/** Nodes this high cover 1,024 leaves or more and recur in many proofs: kept between pages. */
const KEEP_FROM_LEVEL = 10;
/** At most this many kept nodes (about 10 MB): beyond it the cache starts over. */
const MAX_KEPT = 100_000;

/** Told once per proof that storage cannot assemble (a node or leaf is missing from the tables). */
export type MissingNode = (what: string, ref: NodeRef) => void;

/**
 * RFC 6962 proofs for an export, assembled from the stored complete subtrees (server/log) in
 * batches: one page of records costs a few queries whatever its size. A proof whose nodes are
 * not all stored (a tampered database) comes out empty and is reported, so that the export goes
 * on and the verifier names the record it cannot prove, instead of the exporter refusing.
 */
export class LogProofs {
  readonly #kept = new Map<string, Hash>();

  constructor(
    private readonly db: Db,
    /** The anchor's tree size: every inclusion proof is against it. */
    readonly treeSize: number,
    private readonly onMissing: MissingNode = () => {},
  ) {}

  /** Inclusion proofs (base64url) of leaves below the tree size, by leaf index. */
  async inclusionProofs(leafIndexes: readonly number[]): Promise<Map<number, string[]>> {
    const plans = leafIndexes
      .filter((index) => index < this.treeSize)
      .map((index) => [index, inclusionProofPlan(index, this.treeSize)] as const);
    const nodes = await this.#fetch(plans.flatMap(([, plan]) => plan.flat()));
    return new Map(plans.map(([index, plan]) => [index, this.#assemble(plan, nodes, `leaf ${index}`)]));
  }

  /** The consistency proof from `from` to `to` leaves (base64url); empty from size 0. */
  async consistencyProof(from: number, to: number): Promise<string[]> {
    if (from === 0 || from >= to) {
      return [];
    }
    const plan = consistencyProofPlan(from, to);
    return this.#assemble(plan, await this.#fetch(plan.flat()), `consistency ${from} -> ${to}`);
  }

  #assemble(plan: readonly (readonly NodeRef[])[], nodes: ReadonlyMap<string, Hash>, what: string): string[] {
    const proof: string[] = [];
    for (const element of plan) {
      const hashes: Hash[] = [];
      for (const ref of element) {
        const hash = nodes.get(keyOf(ref));
        if (hash === undefined) {
          this.onMissing(what, ref);
          return [];
        }
        hashes.push(hash);
      }
      proof.push(toBase64url(foldRange(hashes)));
    }
    return proof;
  }

  /** The stored hashes of `refs`: level 0 from the leaves, higher levels from the node table. */
  async #fetch(refs: readonly NodeRef[]): Promise<Map<string, Hash>> {
    const found = new Map<string, Hash>();
    const wanted = new Map<string, NodeRef>();
    for (const ref of refs) {
      const key = keyOf(ref);
      const kept = this.#kept.get(key);
      if (kept) {
        found.set(key, kept);
      } else {
        wanted.set(key, ref);
      }
    }
    const leaves = [...wanted.values()].filter((ref) => ref.level === 0).map((ref) => ref.index);
    const inner = [...wanted.values()].filter((ref) => ref.level > 0);
    for (let start = 0; start < leaves.length; start += FETCH_CHUNK) {
      const rows = await this.db
        .select({ index: logLeaves.index, hash: logLeaves.leafHash })
        .from(logLeaves)
        .where(inArray(logLeaves.index, leaves.slice(start, start + FETCH_CHUNK)));
      for (const row of rows) {
        found.set(keyOf({ level: 0, index: row.index }), row.hash);
      }
    }
    for (let start = 0; start < inner.length; start += PAIR_CHUNK) {
      const pairs = inner
        .slice(start, start + PAIR_CHUNK)
        .map((ref) => sql`(${ref.level}::smallint, ${ref.index}::bigint)`);
      const rows = await this.db
        .select()
        .from(logNodes)
        .where(sql`(${logNodes.level}, ${logNodes.index}) in (${sql.join(pairs, sql`, `)})`);
      for (const row of rows) {
        found.set(keyOf(row), row.hash);
        this.#keep(row);
      }
    }
    return found;
  }

  #keep(row: NodeRef & { hash: Hash }): void {
    if (row.level < KEEP_FROM_LEVEL) {
      return;
    }
    if (this.#kept.size >= MAX_KEPT) {
      this.#kept.clear();
    }
    this.#kept.set(keyOf(row), row.hash);
  }
}
