/**
 * The add-checkpoint decision of a C2SP tlog-witness (https://c2sp.org/tlog-witness): verify the
 * log's signature with a pinned log key, require the old size to be the size last cosigned for the
 * origin, verify the consistency proof from it, persist, then cosign (cosignature/v1). Requests
 * are handled one at a time, so the check and the write are atomic (the spec's rollback race).
 */
import { encodeBase64 } from '../../shared/log/canonical-base64';
import { equalHashes } from '../../shared/log/hash-checks';
import { parseSignedNote } from '../../shared/log/signed-note';
import type { VerifierKey } from '../../shared/log/verifier-key';
import { verifyCheckpoint } from '../../shared/log/verify-checkpoint';
import { checkConsistency } from '../../shared/log/verify-consistency';
import {
  formatTreeSizeBody,
  parseAddCheckpointRequest,
  TREE_SIZE_CONTENT_TYPE,
} from '../../shared/witness/add-checkpoint';
import { formatCosignatureLine } from '../../shared/witness/cosignature';
import type { WitnessSigner } from './witness-key-file';
import { readWitnessState, type WitnessState, writeWitnessState } from './witness-state';

/** An HTTP answer: status, media type and body. */
export type WitnessAnswer = { readonly status: number; readonly contentType: string; readonly body: string };

const text = (status: number, body: string): WitnessAnswer => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body: `${body}\n`,
});

/** A witness over a state file: construct it once per process, from the file as it is on disk. */
export class Witness {
  readonly #state: WitnessState;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly signer: WitnessSigner,
    /** The pinned log keys, by origin (a log's origin is its key name). */
    readonly logs: ReadonlyMap<string, VerifierKey>,
    readonly statePath: string,
    readonly now: () => Date = () => new Date(),
  ) {
    this.#state = readWitnessState(statePath);
  }

  /** The latest cosigned tree size and root of a log, as the state holds it. */
  cosigned(origin: string) {
    return this.#state.logs[origin];
  }

  /** The evidence recorded so far: signed checkpoints the witness refused as conflicting. */
  get evidence() {
    return this.#state.evidence;
  }

  /** Handles one add-checkpoint body; never throws for a client's mistake. */
  addCheckpoint(body: string | Uint8Array): Promise<WitnessAnswer> {
    const next = this.#queue.then(() => this.#decide(body));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #decide(body: string | Uint8Array): WitnessAnswer {
    const parsed = parseAddCheckpointRequest(body);
    if (!parsed.ok) {
      return text(400, parsed.reason);
    }
    const { oldSize, proof, checkpoint } = parsed.request;
    const note = parseSignedNote(checkpoint);
    const origin = note.ok ? note.note.body.slice(0, note.note.body.indexOf('\n')) : '';
    const logKey = this.logs.get(origin);
    if (logKey === undefined) {
      return text(404, `unknown log origin ${JSON.stringify(origin.slice(0, 200))}`);
    }
    const verified = verifyCheckpoint(checkpoint, logKey, origin);
    if (!verified.ok) {
      const malformed = verified.reason.startsWith('malformed');
      return text(malformed ? 400 : 403, verified.reason);
    }
    const { treeSize, rootHash } = verified.checkpoint;
    if (oldSize > treeSize) {
      return text(400, `old size ${oldSize} is larger than the checkpoint size ${treeSize}`);
    }
    const stored = this.#state.logs[origin];
    const storedSize = stored?.treeSize ?? 0;
    if (oldSize !== storedSize) {
      return { status: 409, contentType: TREE_SIZE_CONTENT_TYPE, body: formatTreeSizeBody(storedSize) };
    }
    const storedRoot = stored === undefined ? undefined : Buffer.from(stored.rootHash, 'base64');
    if (stored !== undefined && storedRoot !== undefined && treeSize === storedSize) {
      if (!equalHashes(storedRoot, rootHash)) {
        this.#record(
          origin,
          `two signed checkpoints of size ${treeSize} with different roots`,
          stored.note,
          checkpoint,
          body,
        );
        return { status: 409, contentType: TREE_SIZE_CONTENT_TYPE, body: formatTreeSizeBody(storedSize) };
      }
      return this.#cosign(origin, treeSize, rootHash, checkpoint);
    }
    if (oldSize === 0) {
      if (proof.length > 0) {
        return text(422, 'a proof from size 0 must be empty');
      }
    } else if (storedRoot !== undefined && stored !== undefined) {
      const check = checkConsistency(oldSize, treeSize, proof, storedRoot, rootHash);
      if (!check.ok) {
        this.#record(
          origin,
          `no valid consistency proof from ${oldSize} to ${treeSize}: ${check.reason}`,
          stored.note,
          checkpoint,
          body,
        );
        return text(422, `consistency proof from ${oldSize} to ${treeSize} does not verify: ${check.reason}`);
      }
    }
    return this.#cosign(origin, treeSize, rootHash, checkpoint);
  }

  #cosign(origin: string, treeSize: number, rootHash: Uint8Array, checkpoint: string): WitnessAnswer {
    const noteBody = checkpoint.slice(0, checkpoint.lastIndexOf('\n\n') + 1);
    // On disk before the cosignature leaves (the spec's "MUST persist ... before responding"), and
    // in memory only once on disk, so a failed write cannot leave the two views apart.
    const logs = { ...this.#state.logs, [origin]: { treeSize, rootHash: encodeBase64(rootHash), note: checkpoint } };
    writeWitnessState(this.statePath, { ...this.#state, logs });
    this.#state.logs = logs;
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const line = formatCosignatureLine(noteBody, this.signer.key, timestamp, this.signer.sign);
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: line };
  }

  #record(origin: string, reason: string, cosigned: string, offered: string, request: string | Uint8Array) {
    if (this.#state.evidence.some((item) => item.offered === offered)) {
      return;
    }
    const requestText = typeof request === 'string' ? request : Buffer.from(request).toString('utf8');
    const item = { recordedAt: this.now().toISOString(), origin, reason, cosigned, offered, request: requestText };
    const evidence = [...this.#state.evidence, item];
    writeWitnessState(this.statePath, { ...this.#state, evidence });
    this.#state.evidence = evidence;
  }
}
