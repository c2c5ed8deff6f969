import { logRoutes } from '../../shared/api/log';
import { fromBase64url } from '../../shared/encoding/bytes';
import { type LogMonitorState, type MonitorFailure, observeCheckpoint } from '../../shared/log/log-monitor';
import type { ParleyHttp } from './parley-http';
import type { PinnedLogState } from './person-state';

/**
 * A pinned transparency log: its origin line, its verifier key text and, for a deployment made
 * before party roots, the legacy boundary pinned with it (docs/PROTOCOL.md §7.8; 0 otherwise).
 */
export type PinnedLog = { readonly origin: string; readonly verifierKey: string; readonly legacyBefore?: number };

/** What one {@link LogChecker.check} saw. */
export type LogCheckResult = {
  readonly pinned: PinnedLog;
  /** Whether the key was pinned during this check (trust on first use). */
  readonly isFirstContact: boolean;
  /** The tree size trusted before this check, or null on first contact. */
  readonly previousTreeSize: number | null;
  readonly treeSize: number;
  /** The root in standard base64, as in the checkpoint note. */
  readonly rootHash: string;
  /** The signed checkpoint note itself. */
  readonly note: string;
  /** Hashes in the consistency proof that was verified (0 when none was needed). */
  readonly consistencyProofLength: number;
  /** Whether the trusted checkpoint moved forward. */
  readonly hasAdvanced: boolean;
};

/**
 * A checkpoint refused by the log monitor: a rollback, a fork, a bad proof or signature. Carries
 * both signed checkpoints (the trusted one and the offered one) as evidence to keep and show.
 */
export class LogConsistencyError extends Error {
  readonly kind: MonitorFailure['kind'];
  readonly trusted: string | null;
  readonly offered: string;

  constructor(failure: MonitorFailure) {
    super(`The transparency log was refused (${failure.kind}): ${failure.reason}`);
    this.name = 'LogConsistencyError';
    this.kind = failure.kind;
    this.trusted = failure.evidence.trusted;
    this.offered = failure.evidence.offered;
  }
}

/** Thrown when a log pin is asked for that differs from the one already held. */
export class LogIdentityError extends Error {
  constructor(held: PinnedLog, asked: PinnedLog) {
    super(
      `The log is pinned to ${held.origin} with key ${held.verifierKey}, not ${asked.origin} / ${asked.verifierKey}`,
    );
    this.name = 'LogIdentityError';
  }
}

const samePin = (a: PinnedLog, b: PinnedLog): boolean =>
  a.origin === b.origin && a.verifierKey === b.verifierKey && (a.legacyBefore ?? 0) === (b.legacyBefore ?? 0);

/**
 * One client's view of the transparency log: the pinned key and the last checkpoint verified
 * with it, advanced only through consistency proofs (shared/log/log-monitor).
 */
export class LogChecker {
  #pin: PinnedLog | undefined;
  #state: LogMonitorState | null;
  /** Checks run one at a time: a check reads the trusted size, awaits a proof, then stores. */
  #turn: Promise<unknown> = Promise.resolve();

  constructor(saved?: PinnedLogState) {
    this.#pin = saved
      ? { origin: saved.origin, verifierKey: saved.verifierKey, legacyBefore: saved.legacyBefore ?? 0 }
      : undefined;
    this.#state = saved?.checkpoint
      ? { origin: saved.origin, verifierKey: saved.verifierKey, checkpoint: saved.checkpoint }
      : null;
  }

  /** The pin and last verified checkpoint, to persist; undefined before first contact. */
  get state(): PinnedLogState | undefined {
    return this.#pin ? { ...this.#pin, ...(this.#state ? { checkpoint: this.#state.checkpoint } : {}) } : undefined;
  }

  /**
   * Pins the log on first contact (`pin` if given, else what `GET /api/log/identity` says), then
   * verifies the latest checkpoint against the pin and, when the tree grew, the consistency proof
   * from the last trusted checkpoint. Needs a session (the log routes are for signed-in people).
   *
   * @throws {LogIdentityError} when `pin` differs from the pin already held.
   * @throws {LogConsistencyError} on a rollback, fork, bad proof or bad signature; state is kept.
   */
  check(http: ParleyHttp, options: { pin?: PinnedLog } = {}): Promise<LogCheckResult> {
    const turn = this.#turn.then(() => this.#check(http, options));
    this.#turn = turn.catch(() => undefined);
    return turn;
  }

  async #check(http: ParleyHttp, options: { pin?: PinnedLog }): Promise<LogCheckResult> {
    const isFirstContact = this.#pin === undefined;
    if (options.pin && this.#pin && !samePin(options.pin, this.#pin)) {
      throw new LogIdentityError(this.#pin, options.pin);
    }
    const pin = this.#pin ?? options.pin ?? (await http.api(logRoutes.logIdentity));
    const legacyBefore = 'legacyBefore' in pin ? (pin.legacyBefore ?? 0) : 0;
    const pinned = { origin: pin.origin, verifierKey: pin.verifierKey, legacyBefore };
    this.#pin = pinned;

    const { note, treeSize } = await http.api(logRoutes.latestCheckpoint);
    const previous = this.#state?.checkpoint.treeSize ?? null;
    // The unverified size only chooses which proof to fetch; the monitor checks everything.
    const needsProof = previous !== null && previous > 0 && treeSize > previous;
    const proof = needsProof
      ? (await http.api(logRoutes.consistencyProof, { query: { from: previous, to: treeSize } })).proof.map(
          fromBase64url,
        )
      : [];
    const observed = observeCheckpoint(
      this.#state,
      { pinnedKey: pinned.verifierKey, expectedOrigin: pinned.origin },
      note,
      proof,
    );
    if (!observed.ok) {
      throw new LogConsistencyError(observed.failure);
    }
    this.#state = observed.state;
    return {
      pinned,
      isFirstContact,
      previousTreeSize: previous,
      treeSize: observed.state.checkpoint.treeSize,
      rootHash: observed.state.checkpoint.rootHash,
      note: observed.state.checkpoint.note,
      consistencyProofLength: proof.length,
      hasAdvanced: observed.advanced,
    };
  }
}
