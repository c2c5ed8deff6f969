/**
 * A small, complete Parley log built in memory, and its audit bundle: real key statements, sealed
 * and signed entries, a real RFC 6962 tree and checkpoints signed by a log key. For tests and
 * documentation only: every key comes from a fixed, public seed. libsodium must be ready.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import { computeEntryHash } from '../crypto/entry-bytes';
import { type EntryRandomness, type SealEntryInput, sealEntry, sealEntryWithRandomness } from '../crypto/entry-seal';
import { signEntryHeader } from '../crypto/entry-signature';
import { type IdentityKeys, identityKeysFromSeeds } from '../crypto/identity-keys';
import { keyStatementHash, signKeyStatement } from '../crypto/key-statement';
import { sodium } from '../crypto/sodium';
import { fromBase64url, toBase64url, utf8Bytes } from '../encoding/bytes';
import { formatCheckpointBody } from '../log/checkpoint';
import { type LeafKind, leafInput } from '../log/leaf';
import { hashLeaf } from '../log/merkle';
import { MerkleTree } from '../log/merkle-tree';
import { signNote } from '../log/signed-note';
import { formatVerifierKey } from '../log/verifier-key';
import type { EntryHeader, SignedEntry } from '../schemas/entry';
import type { KeyStatement, SignedKeyStatement } from '../schemas/key-statement';
import type { Role } from '../schemas/role';
import { AUDIT_BUNDLE_FORMAT, type AuditBundle } from './bundle';
import { describeStreams } from './stream-ranges';

/** The origin (and log key name) of the sample log. */
export const SAMPLE_ORIGIN = 'parley.example/parley/log/v1';

const PARTY_1 = 'a1000000-0000-4000-8000-000000000001';
const PARTY_2 = 'a2000000-0000-4000-8000-000000000002';
const THREAD = '7e000000-0000-4000-8000-0000000000a1';
const CASE = 'ca000000-0000-4000-8000-0000000000c1';
const INVITATION = '1a000000-0000-4000-8000-0000000000f1';
const CLAIMED_AT = '2026-11-28T15:20:56.123Z';

/** 32 fixed bytes per label: SHA-256('parley audit sample: ' || label). Public: never use for real keys. */
const seed = (label: string): Uint8Array => sha256(utf8Bytes(`parley audit sample: ${label}`));

/** A fixed version-4 UUID per label. */
const uuidOf = (label: string): string => {
  const text = hex.encode(seed(label).slice(0, 16));
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-4${text.slice(13, 16)}-8${text.slice(17, 20)}-${text.slice(20, 32)}`;
};

const logKeyPair = (keyLabel: string) => sodium.crypto_sign_seed_keypair(seed(keyLabel));

/** The verifier key of the sample log key, or of the key of another seed label (a wrong pin). */
export const sampleVerifierKey = (keyLabel = 'log'): string =>
  formatVerifierKey(SAMPLE_ORIGIN, logKeyPair(keyLabel).publicKey);

/** Signs a checkpoint of the sample log with its key, or with the key of another seed label. */
export const signSampleCheckpoint = (treeSize: number, rootHash: Uint8Array, keyLabel = 'log'): string => {
  const { publicKey, privateKey } = logKeyPair(keyLabel);
  const body = formatCheckpointBody({ origin: SAMPLE_ORIGIN, treeSize, rootHash });
  return signNote(body, SAMPLE_ORIGIN, (message) => sodium.crypto_sign_detached(message, privateKey), publicKey);
};

type Person = { readonly id: string; readonly party: string; readonly role: Role; keys: IdentityKeys };
type Authority = Person | 'bootstrap' | undefined;
type EntryFields = Pick<EntryHeader, 'type' | 'stream' | 'streamKind' | 'meta'> & { refs?: string[] };

const personOf = (label: string, party: string, role: Role): Person => ({
  id: uuidOf(label),
  party,
  role,
  keys: identityKeysFromSeeds(seed(`${label}/sign`), seed(`${label}/box`)),
});

/**
 * How to build the sample log other than at random: fixed randomness for byte-stable output, and
 * changes to records before they are signed, so that a test vector's log is valid except for the
 * change (the record is signed as changed, and everything after it links to its new hash).
 */
export type SampleLogOptions = {
  /** Content key, nonce and sealing for the entry at this index (test vectors): else fresh randomness. */
  readonly randomness?: (entryIndex: number) => EntryRandomness;
  /** Changes the statement at this index before it is signed. */
  readonly editStatement?: (statement: KeyStatement, index: number) => KeyStatement;
  /** Changes the sealed header of the entry at this index; the author signs the changed header. */
  readonly editHeader?: (header: EntryHeader, index: number) => EntryHeader;
};

/** The log as it is written: leaves, statements, entries and chain heads. */
class SampleLog {
  constructor(readonly options: SampleLogOptions = {}) {}

  readonly tree = new MerkleTree();
  readonly leafInputs: Uint8Array[] = [];
  readonly statements: { leafIndex: number; signed: SignedKeyStatement }[] = [];
  readonly entries: { leafIndex: number; entry: SignedEntry }[] = [];
  readonly checkpoints: string[] = [];
  readonly #statementHeads = new Map<string, SignedKeyStatement>();
  readonly #streamHeads = new Map<string, { seq: number; hash: string }>();

  #append(kind: LeafKind, recordHash: string): number {
    const input = leafInput(kind, fromBase64url(recordHash));
    this.leafInputs.push(input);
    return this.tree.append(hashLeaf(input));
  }

  /** Enrols `who` (endorsed by `authority`) or rotates them to `keys`. */
  publish(who: Person, keys: IdentityKeys, authority: Authority): void {
    const head = this.#statementHeads.get(who.id);
    const written: KeyStatement = {
      v: 1,
      kind: head ? 'rotate' : 'enrol',
      person: who.id,
      party: who.party,
      role: who.role,
      name: `Sample ${who.role}`,
      seq: head ? head.statement.seq + 1 : 1,
      prevHash: head ? keyStatementHash(head) : '',
      keyId: keys.keyId,
      signKey: toBase64url(keys.signPublicKey),
      boxKey: toBase64url(keys.boxPublicKey),
      issuedAt: CLAIMED_AT,
      authority: typeof authority === 'object' ? authority.id : (authority ?? ''),
      invitation: head ? '' : INVITATION,
    };
    const statement = this.options.editStatement?.(written, this.statements.length) ?? written;
    const signers = [
      ...(head ? [{ person: who.id, keys: who.keys }] : []),
      { person: who.id, keys },
      ...(typeof authority === 'object' ? [{ person: authority.id, keys: authority.keys }] : []),
    ];
    const signed: SignedKeyStatement = {
      statement,
      signatures: signers.map((signer) =>
        signKeyStatement(statement, { ...signer, keyId: signer.keys.keyId, signSecretKey: signer.keys.signSecretKey }),
      ),
    };
    this.statements.push({ leafIndex: this.#append('key-statement', keyStatementHash(signed)), signed });
    this.#statementHeads.set(who.id, signed);
    who.keys = keys;
  }

  /** Seals and appends an entry by `author` to its stream's head, readable by `readers`. */
  write(author: Person, readers: readonly Person[], fields: EntryFields): string {
    const head = this.#streamHeads.get(fields.stream);
    const index = this.entries.length;
    const input: SealEntryInput = {
      ...fields,
      v: 1,
      id: uuidOf(`entry ${this.entries.length}`),
      seq: (head?.seq ?? 0) + 1,
      prevHash: head?.hash ?? '',
      cases: fields.streamKind === 'case' ? [fields.stream] : [],
      author: { person: author.id, party: author.party, keyId: author.keys.keyId },
      claimedAt: CLAIMED_AT,
      refs: fields.refs ?? [],
      recipients: [author, ...readers].map(({ id, keys }) => ({
        person: id,
        keyId: keys.keyId,
        boxPublicKey: keys.boxPublicKey,
      })),
      plaintext: utf8Bytes(`Sample ${fields.type}, entry ${this.entries.length + 1}.`),
      signSecretKey: author.keys.signSecretKey,
    };
    const randomness = this.options.randomness?.(index);
    const sealed = randomness ? sealEntryWithRandomness(input, randomness).entry : sealEntry(input).entry;
    const header = this.options.editHeader?.(sealed.header, index) ?? sealed.header;
    const signature = header === sealed.header ? sealed.signature : signEntryHeader(header, author.keys.signSecretKey);
    const entry: SignedEntry = { ...sealed, header, signature };
    const entryHash = computeEntryHash(header, signature);
    this.entries.push({ leafIndex: this.#append('entry', entryHash), entry });
    this.#streamHeads.set(fields.stream, { seq: entry.header.seq, hash: entryHash });
    return entryHash;
  }

  checkpoint(): void {
    this.checkpoints.push(signSampleCheckpoint(this.tree.size, this.tree.root()));
  }
}

const writeSampleLog = (options: SampleLogOptions): SampleLog => {
  const log = new SampleLog(options);
  const admin = personOf('admin', PARTY_1, 'admin');
  const envoy1 = personOf('envoy 1', PARTY_1, 'envoy');
  const envoy2 = personOf('envoy 2', PARTY_2, 'envoy');
  const staff = personOf('staff', PARTY_1, 'staff');
  log.publish(admin, admin.keys, 'bootstrap');
  for (const who of [envoy1, envoy2, staff]) {
    log.publish(who, who.keys, admin);
  }
  log.checkpoint();
  const thread = { stream: THREAD, streamKind: 'thread' } as const;
  const kase = { stream: CASE, streamKind: 'case' } as const;
  log.write(envoy1, [envoy2], { ...thread, type: 'thread_open', meta: { members: [PARTY_1, PARTY_2] } });
  log.write(staff, [envoy1], { ...kase, type: 'case_open', meta: { members: [PARTY_1], reference: 'C-1' } });
  log.write(envoy2, [envoy1], { ...thread, type: 'letter', meta: {} });
  log.checkpoint();
  log.publish(envoy1, identityKeysFromSeeds(seed('envoy 1 rotated/sign'), seed('envoy 1 rotated/box')), undefined);
  const letter = log.write(envoy1, [envoy2], { ...thread, type: 'letter', meta: {} });
  log.write(staff, [envoy1], { ...kase, type: 'minutes', meta: {} });
  log.write(envoy2, [envoy1], { ...thread, type: 'acknowledgement', meta: {}, refs: [letter] });
  log.checkpoint();
  return log;
};

/**
 * Builds the sample log (a bootstrap admin, three endorsed enrolments, a thread and a case, a key
 * rotation between them: 11 leaves, checkpoints at 4, 7 and 11) and exports all of it as a
 * bundle. `ciphertext: false` leaves the ciphertexts out; `leaves: false` the leaf list.
 */
export const buildSampleBundle = (
  options: { ciphertext?: boolean; leaves?: boolean } & SampleLogOptions = {},
): AuditBundle => {
  const log = writeSampleLog(options);
  const { tree } = log;
  const encode = (hashes: readonly Uint8Array[]) => hashes.map(toBase64url);
  const sizes = log.checkpoints.map((note) => Number(note.split('\n')[1]));
  return {
    format: AUDIT_BUNDLE_FORMAT,
    origin: SAMPLE_ORIGIN,
    logKey: sampleVerifierKey(),
    scope: { kind: 'log' },
    checkpoints: log.checkpoints,
    consistency: sizes.slice(1).map((to, index) => {
      const from = sizes[index] ?? 0;
      return { from, to, proof: encode(tree.consistencyProof(from, to)) };
    }),
    statements: log.statements.map((item) => ({ ...item, inclusion: encode(tree.inclusionProof(item.leafIndex)) })),
    entries: log.entries.map(({ leafIndex, entry }) => ({
      leafIndex,
      header: entry.header,
      signature: entry.signature,
      ...(options.ciphertext === false ? {} : { ciphertext: entry.ciphertext }),
      inclusion: encode(tree.inclusionProof(leafIndex)),
    })),
    streams: describeStreams(log.entries.map(({ entry }) => entry.header)),
    ...(options.leaves === false ? {} : { leaves: log.leafInputs.map(toBase64url) }),
  };
};
