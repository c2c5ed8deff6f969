/**
 * What every client (browser and Node SDK) runs to trust only the pinned log key: a pure state
 * machine over signed checkpoints (docs/PROTOCOL.md §9; the "client state done right" rules of
 * the crypto reference §8, after immudb's CVEs). The persisted state is keyed by the pinned
 * (origin, verifier key), never by anything the server names. A newer checkpoint is accepted only
 * with a consistency proof from the stored one; an older size, the same size with another root,
 * another origin or another key are hard failures that carry both checkpoints as evidence.
 * libsodium must be ready (`initCrypto()`) before the first call.
 */
import { z } from 'zod';
import { Count } from '../schemas/common';
import { decodeCanonicalBase64, encodeBase64 } from './canonical-base64';
import { type Checkpoint, parseCheckpointBody } from './checkpoint';
import { equalHashes } from './hash-checks';
import { type LeafKind, leafInput } from './leaf';
import { EMPTY_ROOT, HASH_SIZE, type Hash, hashLeaf, isHash, type ProofCheck } from './merkle';
import { parseSignedNote } from './signed-note';
import { parseVerifierKey, type VerifierKey } from './verifier-key';
import { checkConsistency } from './verify-consistency';
import { checkInclusion } from './verify-inclusion';
import { verifyNote } from './verify-note';

/** A checkpoint the monitor has verified: its size, its root (standard base64, as in the note) and the note. */
export const MonitoredCheckpoint = z.strictObject({ treeSize: Count, rootHash: z.string(), note: z.string() });
export type MonitoredCheckpoint = z.infer<typeof MonitoredCheckpoint>;

/** What a client persists per pinned log, under the key (origin, verifierKey). */
export const LogMonitorState = z.strictObject({
  origin: z.string().min(1),
  verifierKey: z.string().min(1),
  checkpoint: MonitoredCheckpoint,
});
export type LogMonitorState = z.infer<typeof LogMonitorState>;

/** What the client pins, from its own configuration: never from the server's answers. */
export type LogTrust = { readonly pinnedKey: string; readonly expectedOrigin: string };

/** Why a checkpoint was refused. Every kind is a hard error: do not retry with a weaker check. */
export type MonitorFailureKind = 'bad-signature' | 'wrong-origin' | 'rollback' | 'fork' | 'bad-proof' | 'malformed';

/** A refusal and its evidence: the checkpoint trusted until now (if any) and the one offered. */
export type MonitorFailure = {
  readonly kind: MonitorFailureKind;
  readonly reason: string;
  readonly evidence: { readonly trusted: string | null; readonly offered: string };
};

/**
 * The outcome of {@link observeCheckpoint}. `advanced` says the state changed (first checkpoint
 * or a larger tree) and should be persisted; otherwise `state` is the one passed in.
 */
export type ObservedCheckpoint =
  | { readonly ok: true; readonly state: LogMonitorState; readonly advanced: boolean }
  | { readonly ok: false; readonly failure: MonitorFailure };

type Opened = { readonly ok: true; readonly checkpoint: Checkpoint } | { kind: MonitorFailureKind; reason: string };

/** Verifies a note against the pinned key and origin, naming the kind of failure. */
const openCheckpoint = (note: string, key: VerifierKey, expectedOrigin: string): Opened => {
  const parsed = typeof note === 'string' ? parseSignedNote(note) : { ok: false as const, reason: 'not a string' };
  if (!parsed.ok) {
    return { kind: 'malformed', reason: `checkpoint is not a signed note: ${parsed.reason}` };
  }
  const verified = verifyNote(note, key);
  if (!verified.ok) {
    return { kind: 'bad-signature', reason: verified.reason };
  }
  // Only a body the pinned key signed is parsed (c2sp.org/signed-note).
  const body = parseCheckpointBody(verified.body);
  if (!body.ok) {
    return { kind: 'malformed', reason: `malformed checkpoint: ${body.reason}` };
  }
  const { origin, treeSize, rootHash } = body.checkpoint;
  if (origin !== expectedOrigin) {
    return {
      kind: 'wrong-origin',
      reason: `checkpoint origin is ${JSON.stringify(origin)}, expected ${JSON.stringify(expectedOrigin)}`,
    };
  }
  if (treeSize === 0 && !equalHashes(rootHash, EMPTY_ROOT)) {
    return { kind: 'malformed', reason: 'a checkpoint of size 0 must carry the empty tree root' };
  }
  return body;
};

/** Re-verifies persisted state (storage is not trusted either) and checks it belongs to the pinned log. */
const openStoredState = (state: LogMonitorState, trust: LogTrust, key: VerifierKey): Checkpoint | string => {
  const { origin, verifierKey, checkpoint } = state;
  if (origin !== trust.expectedOrigin || verifierKey !== trust.pinnedKey) {
    return `stored state belongs to log ${origin} with key ${verifierKey}, not to the pinned one`;
  }
  const opened = openCheckpoint(checkpoint.note, key, trust.expectedOrigin);
  if (!('checkpoint' in opened)) {
    return `stored checkpoint no longer verifies: ${opened.reason}`;
  }
  const { treeSize, rootHash } = opened.checkpoint;
  if (treeSize !== checkpoint.treeSize || encodeBase64(rootHash) !== checkpoint.rootHash) {
    return 'stored tree size or root differs from the stored signed checkpoint';
  }
  return opened.checkpoint;
};

/**
 * Feeds one checkpoint offered by the server to the monitor. `state` is what the client stored for
 * this (origin, key), or null on first contact; `consistencyProof` is RFC 6962 PROOF(stored size,
 * offered size), empty when there is nothing to prove (first contact, stored size 0, same size).
 * Returns the new state to persist, or a failure whose evidence the client keeps and shows.
 */
export const observeCheckpoint = (
  state: LogMonitorState | null,
  trust: LogTrust,
  note: string,
  consistencyProof: readonly Hash[],
): ObservedCheckpoint => {
  let trustedNote: string | null = null;
  const fail = (kind: MonitorFailureKind, reason: string): ObservedCheckpoint => ({
    ok: false,
    failure: { kind, reason, evidence: { trusted: trustedNote, offered: note } },
  });
  const key = parseVerifierKey(trust.pinnedKey);
  if (!key.ok) {
    return fail('malformed', `pinned key: ${key.reason}`);
  }
  let trusted: Checkpoint | null = null;
  if (state !== null) {
    const parsed = LogMonitorState.safeParse(state);
    if (!parsed.success) {
      return fail('malformed', 'stored state does not match LogMonitorState');
    }
    trustedNote = parsed.data.checkpoint.note;
    const stored = openStoredState(parsed.data, trust, key.key);
    if (typeof stored === 'string') {
      return fail('malformed', stored);
    }
    trusted = stored;
  }
  const opened = openCheckpoint(note, key.key, trust.expectedOrigin);
  if (!('checkpoint' in opened)) {
    return fail(opened.kind, opened.reason);
  }
  const offered = opened.checkpoint;
  const accept = (advanced: boolean): ObservedCheckpoint => ({
    ok: true,
    advanced,
    state: advanced
      ? {
          origin: trust.expectedOrigin,
          verifierKey: trust.pinnedKey,
          checkpoint: { treeSize: offered.treeSize, rootHash: encodeBase64(offered.rootHash), note },
        }
      : (state as LogMonitorState),
  });
  if (trusted === null || trusted.treeSize === 0) {
    // Every tree extends the empty one: a proof here would prove nothing, so none is accepted.
    if (consistencyProof.length !== 0) {
      const from = trusted === null ? 'on first contact' : 'from size 0';
      return fail('bad-proof', `expected no consistency proof ${from}, got ${consistencyProof.length} hashes`);
    }
    return accept(trusted === null || offered.treeSize > 0);
  }
  if (offered.treeSize < trusted.treeSize) {
    return fail('rollback', `offered tree size ${offered.treeSize} is older than the trusted ${trusted.treeSize}`);
  }
  if (offered.treeSize === trusted.treeSize && !equalHashes(offered.rootHash, trusted.rootHash)) {
    return fail('fork', `two signed checkpoints of size ${offered.treeSize} with different roots`);
  }
  const proven = checkConsistency(
    trusted.treeSize,
    offered.treeSize,
    consistencyProof,
    trusted.rootHash,
    offered.rootHash,
  );
  if (!proven.ok) {
    // A wrong proof and a forked tree look the same from here: both are kept as evidence.
    return fail(
      'bad-proof',
      `no valid consistency proof from size ${trusted.treeSize} to ${offered.treeSize} (${proven.reason}); the log may have forked`,
    );
  }
  return accept(offered.treeSize > trusted.treeSize);
};

/**
 * Checks that the record `recordHash` of `kind` is leaf `leafIndex` of the tree a verified
 * checkpoint commits to: the leaf is RFC 6962 hashLeaf(0x01 || kind || recordHash) and `proof`
 * its PATH. Pass only a checkpoint the monitor (or `verifyCheckpoint`) accepted; `rootHash` is
 * its bytes or the state's standard base64.
 */
export const checkEntryInclusion = (
  checkpoint: { readonly treeSize: number; readonly rootHash: Hash | string },
  leafIndex: number,
  recordHash: Hash,
  kind: LeafKind,
  proof: readonly Hash[],
): ProofCheck => {
  const root =
    typeof checkpoint.rootHash === 'string' ? decodeCanonicalBase64(checkpoint.rootHash) : checkpoint.rootHash;
  if (!isHash(root)) {
    return { ok: false, reason: `checkpoint root is not ${HASH_SIZE} bytes` };
  }
  if (!isHash(recordHash)) {
    return { ok: false, reason: `record hash is not ${HASH_SIZE} bytes` };
  }
  return checkInclusion(leafIndex, checkpoint.treeSize, hashLeaf(leafInput(kind, recordHash)), proof, root);
};
