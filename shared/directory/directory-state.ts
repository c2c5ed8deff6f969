/**
 * The key directory as every party computes it: the same rules on the server (before appending),
 * in the browser and in the offline verifier. Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import type { SignedKeyStatement } from '../schemas/key-statement';
import type { ChainHead, KeyRecord, PartyRecord } from './key-record';
import { checkStatement, type StatementCheck } from './statement-rules';

/** The outcome of applying one statement: the directory after it and the key it published, ended or changed. */
export type ApplyResult =
  | { readonly ok: true; readonly state: DirectoryState; readonly record: KeyRecord }
  | { readonly ok: false; readonly reason: string };

/** How a deployment's directory is read (docs/PROTOCOL.md §7.8). */
export type DirectoryOptions = {
  /**
   * Log positions below this hold statements made before the deployment adopted party roots,
   * judged by the rules of their time. 0 (the default) for every deployment made since: pinned
   * out of band with the log key, never taken from the server.
   */
  readonly legacyBefore?: number;
};

type Checked = Extract<StatementCheck, { ok: true }>;

/**
 * Keys, chain heads and party roots, folded from statements in log order. Records are frozen and
 * shared between states. {@link applyKeyStatement} never changes the state it is given
 * (copy-on-write); {@link DirectoryState.apply} is the in-place step of a fold that owns its state.
 */
export class DirectoryState {
  readonly legacyBefore: number;
  #keys = new Map<string, KeyRecord>();
  #heads = new Map<string, ChainHead>();
  #parties = new Map<string, PartyRecord>();
  /** Per party, the people enrolled into it as admins, in order (each list replaced, never changed). */
  #admins = new Map<string, readonly string[]>();
  /** Every published public key (sign and box, base64url) → its key id. */
  #publicKeys = new Map<string, string>();
  #lastPosition = -1;

  constructor(options: DirectoryOptions = {}) {
    const legacyBefore = options.legacyBefore ?? 0;
    if (!Number.isSafeInteger(legacyBefore) || legacyBefore < 0) {
      throw new RangeError(`legacyBefore must be a non-negative integer, not ${String(legacyBefore)}`);
    }
    this.legacyBefore = legacyBefore;
  }

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

  /** A party's root and threshold, once it has a root. */
  partyRecord(party: string): PartyRecord | undefined {
    return this.#parties.get(party);
  }

  /** Every party with a root, in the order their roots were made. */
  parties(): PartyRecord[] {
    return [...this.#parties.values()];
  }

  /** The current admin keys of a party that are vouched for along its chain: who may sign for it. */
  partyAdmins(party: string): KeyRecord[] {
    return (this.#admins.get(party) ?? []).flatMap((person) => {
      const key = this.currentKey(person);
      return key && key.party === party && key.role === 'admin' && key.partyEndorsed ? [key] : [];
    });
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
    if (!Number.isSafeInteger(position) || position <= this.#lastPosition) {
      return { ok: false, reason: `log position ${position} does not follow ${this.#lastPosition}` };
    }
    const checked = checkStatement(this, signed, position < this.legacyBefore);
    return checked.ok ? { ok: true, state: this, record: this.#commit(checked, position) } : checked;
  }

  /** A state with the same keys, heads and parties that can change independently of this one. */
  copy(): DirectoryState {
    const next = new DirectoryState({ legacyBefore: this.legacyBefore });
    next.#keys = new Map(this.#keys);
    next.#heads = new Map(this.#heads);
    next.#parties = new Map(this.#parties);
    next.#admins = new Map(this.#admins);
    next.#publicKeys = new Map(this.#publicKeys);
    next.#lastPosition = this.#lastPosition;
    return next;
  }

  /** Whether a legacy enrolment was vouched for along its own party's chain (§7.8). */
  #isLegacyEndorsed(statement: SignedKeyStatement['statement'], isRoot: boolean): boolean {
    if (isRoot) {
      return true;
    }
    const authority = statement.authority === 'bootstrap' ? undefined : this.currentKey(statement.authority);
    return authority?.role === 'admin' && authority.party === statement.party && authority.partyEndorsed;
  }

  /** The key an enrolment publishes, and the party root it makes, if any. */
  #enrolled(checked: Checked, position: number): KeyRecord {
    const { statement, signatures } = checked.signed;
    const isLegacy = position < this.legacyBefore;
    const isBootstrap = statement.authority === 'bootstrap';
    const isRoot = isLegacy ? !this.#parties.has(statement.party) && statement.role === 'admin' : isBootstrap;
    if (isRoot) {
      this.#parties.set(
        statement.party,
        Object.freeze({
          party: statement.party,
          root: statement.person,
          rootKeyId: statement.keyId,
          since: position,
          threshold: 1,
        }),
      );
    }
    const partyEndorsed = isLegacy ? this.#isLegacyEndorsed(statement, isRoot) : true;
    return Object.freeze({
      ...publishedKeyOf(statement, position),
      bootstrap: isBootstrap,
      partyEndorsed,
      ...(partyEndorsed ? { endorsedAt: position } : {}),
      endorsedBy: isBootstrap
        ? []
        : isLegacy
          ? [statement.authority]
          : signatures.map((signature) => signature.signer).filter((signer) => signer !== statement.person),
      legacy: isLegacy,
    });
  }

  /** The key a statement publishes (enrol, rotate), or the current key it changes (endorse); none otherwise. */
  #publishedOrChanged(checked: Checked, position: number): KeyRecord | undefined {
    const { statement, signatures } = checked.signed;
    switch (statement.kind) {
      case 'enrol':
        return this.#enrolled(checked, position);
      case 'rotate': {
        const previous = checked.ended as KeyRecord;
        const { bootstrap, partyEndorsed, endorsedBy } = previous;
        // A rotation keeps the marks: rotating must not turn an unendorsed key into an endorsed one.
        return Object.freeze({
          ...publishedKeyOf(statement, position),
          bootstrap,
          partyEndorsed,
          ...(partyEndorsed ? { endorsedAt: position } : {}),
          endorsedBy,
          legacy: position < this.legacyBefore,
        });
      }
      case 'endorse': {
        const current = this.currentKey(statement.person) as KeyRecord;
        return Object.freeze({
          ...current,
          partyEndorsed: true,
          endorsedAt: position,
          endorsedBy: signatures.map((s) => s.signer),
        });
      }
      default:
        return undefined;
    }
  }

  #commit(checked: Checked, position: number): KeyRecord {
    const { statement } = checked.signed;
    this.#lastPosition = position;
    if (checked.ended) {
      const endedBy = statement.kind === 'revoke' ? 'revoke' : 'rotate';
      this.#keys.set(checked.ended.keyId, Object.freeze({ ...checked.ended, endedAt: position, endedBy }));
    }
    if (statement.kind === 'policy') {
      const party = this.#parties.get(statement.party) as PartyRecord;
      this.#parties.set(
        statement.party,
        Object.freeze({ ...party, threshold: statement.threshold ?? party.threshold }),
      );
    }
    const published = this.#publishedOrChanged(checked, position);
    if (statement.kind === 'enrol' && statement.role === 'admin') {
      this.#admins.set(statement.party, [...(this.#admins.get(statement.party) ?? []), statement.person]);
    }
    if (published) {
      this.#keys.set(published.keyId, published);
      this.#publicKeys.set(published.signKey, published.keyId);
      this.#publicKeys.set(published.boxKey, published.keyId);
    }
    const previousCurrent = this.#heads.get(statement.person)?.currentKeyId ?? null;
    const currentKeyId = statement.kind === 'revoke' ? null : (published?.keyId ?? previousCurrent);
    this.#heads.set(statement.person, Object.freeze({ seq: statement.seq, hash: checked.hash, currentKeyId }));
    const record = this.#keys.get(statement.keyId);
    if (!record) {
      throw new Error('unreachable: the statement key was just recorded');
    }
    return record;
  }
}

/** The fields of a key record a statement publishes. */
const publishedKeyOf = (statement: SignedKeyStatement['statement'], position: number) => ({
  keyId: statement.keyId,
  person: statement.person,
  party: statement.party,
  role: statement.role,
  name: statement.name,
  signKey: statement.signKey,
  boxKey: statement.boxKey,
  validFrom: position,
});

/** A directory with no statements yet. */
export const emptyDirectory = (options: DirectoryOptions = {}): DirectoryState => new DirectoryState(options);

/**
 * Applies one statement at its log position (strictly after the last one applied). Immutable
 * update: `state` is never changed; `result.state` is a new directory (copied maps, shared frozen
 * records: O(keys) per call). Folding many statements, prefer
 * {@link verifyKeyDirectory}, which applies in place in O(1) each.
 */
export const applyKeyStatement = (state: DirectoryState, signed: SignedKeyStatement, position: number): ApplyResult =>
  state.copy().apply(signed, position);
