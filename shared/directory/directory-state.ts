/**
 * The key directory as every party computes it: the same rules on the server (before appending),
 * in the browser and in the offline verifier. Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import type { SignedKeyStatement } from '../schemas/key-statement';
import type { ChainHead, KeyRecord } from './key-record';
import { checkStatement } from './statement-rules';

export type ApplyResult =
  | { readonly ok: true; readonly state: DirectoryState; readonly record: KeyRecord }
  | { readonly ok: false; readonly reason: string };

/**
 * Keys and chain heads, folded from statements in log order. `apply` validates a statement
 * completely before changing anything, so a refused statement leaves the state as it was.
 */
export class DirectoryState {
  readonly #keys = new Map<string, KeyRecord>();
  readonly #heads = new Map<string, ChainHead>();
  #lastPosition = -1;

  /** The record of a key, current or ended. */
  keyRecord(keyId: string): KeyRecord | undefined {
    return this.#keys.get(keyId);
  }

  /** A person's current (unended) key, if they have one. */
  currentKey(person: string): KeyRecord | undefined {
    const keyId = this.#heads.get(person)?.currentKeyId;
    return keyId ? this.#keys.get(keyId) : undefined;
  }

  headOf(person: string): ChainHead | undefined {
    return this.#heads.get(person);
  }

  people(): string[] {
    return [...this.#heads.keys()];
  }

  keys(): KeyRecord[] {
    return [...this.#keys.values()];
  }

  /**
   * Whether a key could sign something recorded at log `position`: published before it
   * (validFrom < position) and not ended at or before it (position < endedAt).
   */
  isKeyValidAt(keyId: string, position: number): boolean {
    const record = this.#keys.get(keyId);
    return (
      record !== undefined && record.validFrom < position && (record.endedAt === undefined || position < record.endedAt)
    );
  }

  apply(signed: SignedKeyStatement, position: number): ApplyResult {
    if (!Number.isSafeInteger(position) || position <= this.#lastPosition) {
      return { ok: false, reason: `position ${position} does not follow ${this.#lastPosition}` };
    }
    const checked = checkStatement(this, signed);
    if (!checked.ok) {
      return checked;
    }
    const { statement } = signed;
    this.#lastPosition = position;
    if (checked.ended) {
      this.#keys.set(checked.ended.keyId, {
        ...checked.ended,
        endedAt: position,
        endedBy: statement.kind === 'revoke' ? 'revoke' : 'rotate',
      });
    }
    const record: KeyRecord =
      statement.kind === 'revoke'
        ? (this.#keys.get(statement.keyId) as KeyRecord)
        : {
            keyId: statement.keyId,
            person: statement.person,
            party: statement.party,
            role: statement.role,
            name: statement.name,
            signKey: statement.signKey,
            boxKey: statement.boxKey,
            validFrom: position,
            bootstrap: statement.authority === 'bootstrap',
          };
    if (statement.kind !== 'revoke') {
      this.#keys.set(record.keyId, record);
    }
    this.#heads.set(statement.person, {
      seq: statement.seq,
      hash: checked.hash,
      currentKeyId: statement.kind === 'revoke' ? null : statement.keyId,
    });
    return { ok: true, state: this, record };
  }
}

/** A directory with no statements yet. */
export const emptyDirectory = (): DirectoryState => new DirectoryState();

/** Applies one statement at its log position; on refusal the state is unchanged. */
export const applyKeyStatement = (state: DirectoryState, signed: SignedKeyStatement, position: number): ApplyResult =>
  state.apply(signed, position);
