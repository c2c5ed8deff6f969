import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, sodium } from '../crypto/sodium';
import { utf8Bytes } from '../encoding/bytes';
import { formatCheckpointBody } from './checkpoint';
import { type LeafKind, leafInput } from './leaf';
import {
  checkEntryInclusion,
  type LogMonitorState,
  type LogTrust,
  type MonitorFailureKind,
  type ObservedCheckpoint,
  observeCheckpoint,
} from './log-monitor';
import { type Hash, hashLeaf } from './merkle';
import { MerkleTree } from './merkle-tree';
import { signNote } from './signed-note';
import { formatVerifierKey } from './verifier-key';

const ORIGIN = 'parley.example/parley/log/v1';

type LogKey = { name: string; verifierKey: string; sign: (body: string) => string };
const logKey = (seedByte: number, name = ORIGIN): LogKey => {
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(seedByte));
  const signBytes = (message: Uint8Array) => sodium.crypto_sign_detached(message, privateKey);
  return {
    name,
    verifierKey: formatVerifierKey(name, publicKey),
    sign: (body) => signNote(body, name, signBytes, publicKey),
  };
};

const recordHash = (label: string): Hash => sha256(utf8Bytes(label));
const kindAt = (index: number): LeafKind => (index % 3 === 0 ? 'key-statement' : 'entry');

/**
 * A server that keeps an honest tree and, when asked, lies: older checkpoints, forked trees,
 * altered proofs, notes signed by other keys or for other origins. All signatures are real.
 */
class HostileServer {
  readonly tree = new MerkleTree();
  constructor(
    readonly key: LogKey,
    readonly origin = ORIGIN,
    readonly label = 'honest',
  ) {}

  grow(size: number): this {
    while (this.tree.size < size) {
      const index = this.tree.size;
      this.tree.append(hashLeaf(leafInput(kindAt(index), recordHash(`${this.label} ${index}`))));
    }
    return this;
  }

  checkpoint(size = this.tree.size, key = this.key, origin = this.origin): string {
    return key.sign(formatCheckpointBody({ origin, treeSize: size, rootHash: this.tree.root(size) }));
  }

  proof(from: number, to = this.tree.size): Hash[] {
    return from === 0 || from === to ? [] : this.tree.consistencyProof(from, to);
  }
}

/** A server whose tree equals the honest one up to `sameUpTo` leaves and differs after. */
const forkOf = (honest: HostileServer, sameUpTo: number, size: number): HostileServer => {
  const fork = new HostileServer(honest.key, honest.origin, 'fork');
  for (let index = 0; index < size; index += 1) {
    const label = index < sameUpTo ? `honest ${index}` : `fork ${index}`;
    fork.tree.append(hashLeaf(leafInput(kindAt(index), recordHash(label))));
  }
  return fork;
};

let key: LogKey;
let trust: LogTrust;

beforeAll(async () => {
  await initCrypto();
  key = logKey(0x07);
  trust = { pinnedKey: key.verifierKey, expectedOrigin: ORIGIN };
});

const accepted = (result: ObservedCheckpoint): LogMonitorState => {
  if (!result.ok) {
    throw new Error(`expected acceptance, got ${result.failure.kind}: ${result.failure.reason}`);
  }
  return result.state;
};

const expectRefused = (
  result: ObservedCheckpoint,
  kind: MonitorFailureKind,
  trusted: string | null,
  offered: string,
) => {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.failure.kind).toBe(kind);
    expect(result.failure.reason).not.toBe('');
    expect(result.failure.evidence).toEqual({ trusted, offered });
  }
};

/** The monitor's state after trusting the honest server at `size`. */
const trustedAt = (server: HostileServer, size: number): LogMonitorState =>
  accepted(observeCheckpoint(null, trust, server.checkpoint(size), []));

describe('log monitor: honest growth', () => {
  it('trusts the first checkpoint signed by the pinned key and keys the state by the pin', () => {
    const server = new HostileServer(key).grow(5);
    const result = observeCheckpoint(null, trust, server.checkpoint(), []);
    expect(result).toMatchObject({ ok: true, advanced: true });
    expect(accepted(result)).toEqual({
      origin: ORIGIN,
      verifierKey: key.verifierKey,
      checkpoint: { treeSize: 5, rootHash: expect.any(String), note: server.checkpoint() },
    });
  });

  it('follows every size from 0 to 40 with consistency proofs, and leaves state alone on a repeat', () => {
    const server = new HostileServer(key);
    let state = accepted(observeCheckpoint(null, trust, server.checkpoint(0), []));
    for (let size = 1; size <= 40; size += 1) {
      server.grow(size);
      const previous = state.checkpoint.treeSize;
      const result = observeCheckpoint(state, trust, server.checkpoint(), server.proof(previous));
      expect(result).toMatchObject({ ok: true, advanced: true });
      state = accepted(result);
      expect(state.checkpoint.treeSize).toBe(size);
    }
    const again = observeCheckpoint(state, trust, server.checkpoint(), []);
    expect(again).toEqual({ ok: true, advanced: false, state });
  });

  it('accepts jumps of any length', () => {
    const server = new HostileServer(key).grow(300);
    for (const [from, to] of [
      [1, 300],
      [7, 8],
      [64, 65],
      [63, 257],
      [128, 256],
    ] as const) {
      const result = observeCheckpoint(trustedAt(server, from), trust, server.checkpoint(to), server.proof(from, to));
      expect(result).toMatchObject({ ok: true, advanced: true, state: { checkpoint: { treeSize: to } } });
    }
  });
});

describe('log monitor: a hostile server is refused', () => {
  it('refuses a rollback to an older, genuinely signed checkpoint', () => {
    const server = new HostileServer(key).grow(12);
    const state = trustedAt(server, 12);
    const older = server.checkpoint(9);
    expectRefused(observeCheckpoint(state, trust, older, []), 'rollback', state.checkpoint.note, older);
  });

  it('refuses a fork: the same size with another root', () => {
    const server = new HostileServer(key).grow(12);
    const state = trustedAt(server, 12);
    const forked = forkOf(server, 11, 12).checkpoint();
    expectRefused(observeCheckpoint(state, trust, forked, []), 'fork', state.checkpoint.note, forked);
  });

  it('refuses a larger tree that does not extend the trusted one, with its own proof or the honest one', () => {
    const server = new HostileServer(key).grow(20);
    const state = trustedAt(server, 12);
    const fork = forkOf(server, 10, 20);
    const forked = fork.checkpoint();
    expectRefused(observeCheckpoint(state, trust, forked, fork.proof(12)), 'bad-proof', state.checkpoint.note, forked);
    expectRefused(
      observeCheckpoint(state, trust, forked, server.proof(12, 20)),
      'bad-proof',
      state.checkpoint.note,
      forked,
    );
  });

  it('refuses a fake proof: every element altered in turn, random hashes, and a proof for other sizes', () => {
    const server = new HostileServer(key).grow(29);
    const state = trustedAt(server, 11);
    const note = server.checkpoint();
    const honest = server.proof(11);
    expect(observeCheckpoint(state, trust, note, honest).ok).toBe(true);
    honest.forEach((_, position) => {
      const fake = honest.map((hash, index) => (index === position ? hash.map((b, i) => (i === 5 ? b ^ 1 : b)) : hash));
      expectRefused(observeCheckpoint(state, trust, note, fake), 'bad-proof', state.checkpoint.note, note);
    });
    const random = honest.map((_, index) => recordHash(`random ${index}`));
    expectRefused(observeCheckpoint(state, trust, note, random), 'bad-proof', state.checkpoint.note, note);
    expectRefused(observeCheckpoint(state, trust, note, server.proof(10)), 'bad-proof', state.checkpoint.note, note);
  });

  it('refuses a truncated, an extended, an empty and a short-element proof', () => {
    const server = new HostileServer(key).grow(29);
    const state = trustedAt(server, 11);
    const note = server.checkpoint();
    const honest = server.proof(11);
    const cases: Hash[][] = [
      honest.slice(0, -1),
      honest.slice(1),
      [...honest, recordHash('extra')],
      [],
      honest.map((hash, index) => (index === 0 ? hash.slice(0, 31) : hash)),
    ];
    for (const proof of cases) {
      expectRefused(observeCheckpoint(state, trust, note, proof), 'bad-proof', state.checkpoint.note, note);
    }
  });

  it('refuses a proof offered where there is nothing to prove', () => {
    const server = new HostileServer(key).grow(8);
    const note = server.checkpoint();
    expectRefused(observeCheckpoint(null, trust, note, server.proof(4)), 'bad-proof', null, note);
    const state = trustedAt(server, 8);
    expectRefused(observeCheckpoint(state, trust, note, server.proof(4)), 'bad-proof', state.checkpoint.note, note);
  });

  it('refuses a checkpoint whose signature has any byte altered', () => {
    const server = new HostileServer(key).grow(6);
    const state = trustedAt(server, 3);
    const note = server.checkpoint();
    const signatureStart = note.lastIndexOf(' ') + 1;
    // Every base64 character of the key ID and signature, except the padding and the last one
    // (whose low bits are padding: changing them makes a non-canonical, malformed note).
    for (let offset = signatureStart; offset < note.length - 3; offset += 1) {
      const altered = `${note.slice(0, offset)}${note[offset] === 'A' ? 'B' : 'A'}${note.slice(offset + 1)}`;
      const result = observeCheckpoint(state, trust, altered, server.proof(3));
      expect(result.ok ? 'accepted' : result.failure.kind).toBe('bad-signature');
    }
  });

  it('refuses a checkpoint whose body was altered after signing', () => {
    const server = new HostileServer(key).grow(6);
    const note = server.checkpoint();
    const altered = note.replace('\n6\n', '\n7\n');
    expectRefused(observeCheckpoint(null, trust, altered, []), 'bad-signature', null, altered);
  });

  it('refuses a checkpoint signed by another key under the same name, or by another log', () => {
    const server = new HostileServer(key).grow(6);
    const state = trustedAt(server, 3);
    const impostor = server.checkpoint(6, logKey(0x08));
    expectRefused(
      observeCheckpoint(state, trust, impostor, server.proof(3)),
      'bad-signature',
      state.checkpoint.note,
      impostor,
    );
    const otherLog = logKey(0x09, 'other.example/parley/log/v1');
    const swapped = server.checkpoint(6, otherLog, otherLog.name);
    expectRefused(
      observeCheckpoint(state, trust, swapped, server.proof(3)),
      'bad-signature',
      state.checkpoint.note,
      swapped,
    );
  });

  it('refuses a checkpoint the pinned key signed for another origin (swapped log identity)', () => {
    const server = new HostileServer(key).grow(6);
    const state = trustedAt(server, 3);
    const swapped = server.checkpoint(6, key, 'other.example/parley/log/v1');
    expectRefused(
      observeCheckpoint(state, trust, swapped, server.proof(3)),
      'wrong-origin',
      state.checkpoint.note,
      swapped,
    );
  });

  it('refuses a note that is not a checkpoint, and a size-0 checkpoint without the empty root', () => {
    const server = new HostileServer(key).grow(2);
    expectRefused(observeCheckpoint(null, trust, 'not a note', []), 'malformed', null, 'not a note');
    const extension = key.sign(`${ORIGIN}\n2\n${server.checkpoint().split('\n')[2]}\nextension\n`);
    expectRefused(observeCheckpoint(null, trust, extension, []), 'malformed', null, extension);
    const emptyButNot = key.sign(formatCheckpointBody({ origin: ORIGIN, treeSize: 0, rootHash: server.tree.root() }));
    expectRefused(observeCheckpoint(null, trust, emptyButNot, []), 'malformed', null, emptyButNot);
  });

  it('re-verifies the stored state and refuses one that was altered or belongs to another pin', () => {
    const server = new HostileServer(key).grow(9);
    const state = trustedAt(server, 5);
    const note = server.checkpoint();
    const proof = server.proof(5);
    const otherRoot = trustedAt(server, 4).checkpoint.rootHash;
    const altered: LogMonitorState[] = [
      { ...state, checkpoint: { ...state.checkpoint, rootHash: otherRoot } },
      { ...state, checkpoint: { ...state.checkpoint, treeSize: 4 } },
      { ...state, checkpoint: { ...state.checkpoint, note: server.checkpoint(5, logKey(0x08)) } },
      { ...state, origin: 'other.example/parley/log/v1' },
      { ...state, verifierKey: logKey(0x08).verifierKey },
    ];
    for (const stored of altered) {
      expectRefused(observeCheckpoint(stored, trust, note, proof), 'malformed', stored.checkpoint.note, note);
    }
    const garbage = { origin: ORIGIN } as unknown as LogMonitorState;
    expectRefused(observeCheckpoint(garbage, trust, note, proof), 'malformed', null, note);
  });

  it('refuses everything when the pinned key itself is invalid', () => {
    const server = new HostileServer(key).grow(2);
    const note = server.checkpoint();
    const broken = { pinnedKey: `${key.verifierKey.slice(0, -2)}A=`, expectedOrigin: ORIGIN };
    expectRefused(observeCheckpoint(null, broken, note, []), 'malformed', null, note);
  });
});

describe('checkEntryInclusion', () => {
  it('proves every leaf of a verified checkpoint, from the state or from bytes', () => {
    const server = new HostileServer(key).grow(23);
    const state = trustedAt(server, 23);
    for (let index = 0; index < 23; index += 1) {
      const proof = server.tree.inclusionProof(index);
      const record = recordHash(`honest ${index}`);
      expect(checkEntryInclusion(state.checkpoint, index, record, kindAt(index), proof)).toEqual({ ok: true });
      const bytes = { treeSize: 23, rootHash: server.tree.root() };
      expect(checkEntryInclusion(bytes, index, record, kindAt(index), proof)).toEqual({ ok: true });
    }
  });

  it('refuses another kind, index, record, a truncated or altered proof, and a malformed record hash', () => {
    const server = new HostileServer(key).grow(23);
    const { checkpoint } = trustedAt(server, 23);
    const proof = server.tree.inclusionProof(4);
    const record = recordHash('honest 4');
    const refusals: [string, ReturnType<typeof checkEntryInclusion>][] = [
      ['kind', checkEntryInclusion(checkpoint, 4, record, 'key-statement', proof)],
      ['index', checkEntryInclusion(checkpoint, 5, record, 'entry', proof)],
      ['record', checkEntryInclusion(checkpoint, 4, recordHash('honest 5'), 'entry', proof)],
      ['truncated', checkEntryInclusion(checkpoint, 4, record, 'entry', proof.slice(0, -1))],
      ['altered', checkEntryInclusion(checkpoint, 4, record, 'entry', [recordHash('x'), ...proof.slice(1)])],
      ['short record', checkEntryInclusion(checkpoint, 4, record.slice(1), 'entry', proof)],
      ['beyond the tree', checkEntryInclusion(checkpoint, 23, record, 'entry', proof)],
      ['bad root', checkEntryInclusion({ ...checkpoint, rootHash: 'AAAA' }, 4, record, 'entry', proof)],
    ];
    for (const [label, result] of refusals) {
      expect(result.ok, label).toBe(false);
    }
  });
});
