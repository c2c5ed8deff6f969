/**
 * The key directory as every party computes it: the same rules on the server (before appending),
 * in the browser and in the offline verifier. Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import type { SignedKeyStatement } from '../schemas/key-statement';
import type { ChainHead, KeyRecord } from './key-record';
import { checkStatement, type StatementCheck } from './statement-rules';

/** The outcome of applying one statement: the directory after it and the key it published or ended. */
export type ApplyResult =
  | { readonly ok: true; readonly state: DirectoryState; readonly record: KeyRecord }
  | { readonly ok: false; readonly reason: string };

/**
 * Keys and chain heads, folded from statements in log order. Records are frozen and shared
 * between states. {@link applyKeyStatement} never changes the state it is given (copy-on-write);
 * {@link DirectoryState.apply} is the in-place step of a fold that owns its state.
 */
export class DirectoryState {
  #keys = new Map<string, KeyRecord>();
  #heads = new Map<string, ChainHead>();
  /** Every published public key (sign and box, base64url) → its key id. */
  #publicKeys = new Map<string, string>();
  #lastPosition = -1;

  /** The record of a key, current or ended. */
  keyRecord(keyId: string): KeyRecord | undefined {
    return this.#keys.get(keyId);
  }

  /** The key that published this signing or box public key (base64url), if any. */
  keyWithPublicKey(publicKey: string): KeyRecord | undefined {
    const keyId = this.#publicKeys.get(publicKey);
    return keyId === undefined ? undefined : this.#keys.get(keyId);
  }

  /** A person's current key: their latest enrolled or rotated-to key, unless it was revoked. */
  currentKey(person: string): KeyRecord | undefined {
    const keyId = this.#heads.get(person)?.currentKeyId;
    return keyId ? this.#keys.get(keyId) : undefined;
  }

  /** The head of a person's chain, which their next statement must extend. */
  headOf(person: string): ChainHead | undefined {
    return this.#heads.get(person);
  }

  /** Everyone with a statement, in order of enrolment. */
  people(): string[] {
    return [...this.#heads.keys()];
  }

  /** Every key ever published, in order of publication. */
  keys(): KeyRecord[] {
    return [...this.#keys.values()];
  }

  /** Log position of the last statement applied, -1 for an empty directory. */
  get lastPosition(): number {
    return this.#lastPosition;
  }

  /**
   * Whether a key may have signed something recorded at log `position`, strictly: the key was
   * published at an earlier position (validFrom < position) and not ended at or before it
   * (position < endedAt). The statement publishing a key and the one ending it hold leaves of
   * their own, so no entry shares their position; an entry before publication or after the end
   * is refused. Unknown keys are never valid.
   */
  isKeyValidAt(keyId: string, position: number): boolean {
    const record = this.#keys.get(keyId);
    return (
      record !== undefined && record.validFrom < position && (record.endedAt === undefined || position < record.endedAt)
    );
  }

  /**
   * Applies a statement **in place** (this state changes; `state` in the result is `this`). It is
   * checked completely first, so a refused statement changes nothing. For folds that own their
   * state; use {@link applyKeyStatement} to keep the original.
   */
  apply(signed: SignedKeyStatement, position: number): ApplyResult {
    const checked = this.#check(signed, position);
    return checked.ok ? { ok: true, state: this, record: this.#commit(checked, position) } : checked;
  }

  /** A state with the same keys and heads that can change independently of this one. */
  copy(): DirectoryState {
    const next = new DirectoryState();
    next.#keys = new Map(this.#keys);
    next.#heads = new Map(this.#heads);
    next.#publicKeys = new Map(this.#publicKeys);
    next.#lastPosition = this.#lastPosition;
    return next;
  }

  #check(signed: SignedKeyStatement, position: number) {
    if (!Number.isSafeInteger(position) || position <= this.#lastPosition) {
      return { ok: false, reason: `log position ${position} does not follow ${this.#lastPosition}` } as const;
    }
    return checkStatement(this, signed);
  }

  #commit(checked: Extract<StatementCheck, { ok: true }>, position: number): KeyRecord {
    const { statement } = checked.signed;
    this.#lastPosition = position;
    if (checked.ended) {
      const endedBy = statement.kind === 'revoke' ? 'revoke' : 'rotate';
      this.#keys.set(checked.ended.keyId, Object.freeze({ ...checked.ended, endedAt: position, endedBy }));
    }
    const published =
      statement.kind === 'revoke'
        ? undefined
        : Object.freeze({
            keyId: statement.keyId,
            person: statement.person,
            party: statement.party,
            role: statement.role,
            name: statement.name,
            signKey: statement.signKey,
            boxKey: statement.boxKey,
            validFrom: position,
            // A rotation keeps the mark: rotating must not turn an unendorsed admin into an endorsed one.
            bootstrap: statement.authority === 'bootstrap' || checked.ended?.bootstrap === true,
          });
    if (published) {
      this.#keys.set(published.keyId, published);
      this.#publicKeys.set(published.signKey, published.keyId);
      this.#publicKeys.set(published.boxKey, published.keyId);
    }
    this.#heads.set(
      statement.person,
      Object.freeze({ seq: statement.seq, hash: checked.hash, currentKeyId: published?.keyId ?? null }),
    );
    const record = this.#keys.get(statement.keyId);
    if (!record) {
      throw new Error('unreachable: the statement key was just recorded');
    }
    return record;
  }
}

/** A directory with no statements yet. */
export const emptyDirectory = (): DirectoryState => new DirectoryState();

/**
 * Applies one statement at its log position (strictly after the last one applied). Immutable
 * update: `state` is never changed; `result.state` is a new directory (copied maps, shared frozen
 * records: O(keys) per call). Folding many statements, prefer
 * {@link verifyKeyDirectory}, which applies in place in O(1) each.
 */
export const applyKeyStatement = (state: DirectoryState, signed: SignedKeyStatement, position: number): ApplyResult =>
  state.copy().apply(signed, position);
