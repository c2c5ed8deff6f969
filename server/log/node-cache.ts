import type { Hash } from '../../shared/log/merkle';

/**
 * A bounded least-recently-used cache of complete Merkle nodes, keyed `level:index`. A complete
 * subtree's hash never changes once committed, so a cached node is never stale: the cache only
 * saves the database round trip. Fill it only with nodes read outside a transaction (committed
 * rows): a node an uncommitted append wrote could vanish with its rollback.
 */
export class NodeCache {
  readonly #nodes = new Map<string, Hash>();

  constructor(readonly capacity: number) {}

  get(key: string): Hash | undefined {
    const hash = this.#nodes.get(key);
    if (hash !== undefined) {
      // Map keeps insertion order: re-inserting marks the node as the most recently used.
      this.#nodes.delete(key);
      this.#nodes.set(key, hash);
    }
    return hash;
  }

  set(key: string, hash: Hash): void {
    this.#nodes.delete(key);
    this.#nodes.set(key, hash);
    while (this.#nodes.size > this.capacity) {
      const oldest = this.#nodes.keys().next();
      if (oldest.done) {
        break;
      }
      this.#nodes.delete(oldest.value);
    }
  }

  get size(): number {
    return this.#nodes.size;
  }
}
