/**
 * A Parley log written in memory with the real crypto, for the audit bundle's tests and
 * documentation only: key statements and sealed, signed entries as leaves of a real RFC 6962 tree,
 * and checkpoints signed by a log key. Every key comes from a fixed, public seed. It writes what it
 * is told, including statements and entries the rules refuse, so that tests can build the bundles
 * a hostile server or admin would. libsodium must be ready.
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

/** The origin (and log key name) of the sample log. */
export const SAMPLE_ORIGIN = 'parley.example/parley/log/v1';

const INVITATION = '1a000000-0000-4000-8000-0000000000f1';
const CLAIMED_AT = '2026-11-28T15:20:56.123Z';

/** 32 fixed bytes per label: SHA-256('parley audit sample: ' || label). Public: never use for real keys. */
export const sampleSeed = (label: string): Uint8Array => sha256(utf8Bytes(`parley audit sample: ${label}`));

/** A fixed version-4 UUID per label. */
export const sampleUuidOf = (label: string): string => {
  const text = hex.encode(sampleSeed(label).slice(0, 16));
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-4${text.slice(13, 16)}-8${text.slice(17, 20)}-${text.slice(20, 32)}`;
};

/** Identity keys from the public seeds of a label. */
export const sampleKeys = (label: string): IdentityKeys =>
  identityKeysFromSeeds(sampleSeed(`${label}/sign`), sampleSeed(`${label}/box`));

const logKeyPair = (keyLabel: string) => sodium.crypto_sign_seed_keypair(sampleSeed(keyLabel));

/** The verifier key of the sample log key, or of the key of another seed label (a wrong pin). */
export const sampleVerifierKey = (keyLabel = 'log'): string =>
  formatVerifierKey(SAMPLE_ORIGIN, logKeyPair(keyLabel).publicKey);

/**
 * Signs a checkpoint of the sample log with its key (or the key of another seed label), with the
 * `key-statements` line when `keyStatements` is given (PROTOCOL.md §9.1).
 */
export const signSampleCheckpoint = (
  treeSize: number,
  rootHash: Uint8Array,
  keyLabel = 'log',
  keyStatements?: number,
): string => {
  const { publicKey, privateKey } = logKeyPair(keyLabel);
  const body = formatCheckpointBody({
    origin: SAMPLE_ORIGIN,
    treeSize,
    rootHash,
    ...(keyStatements === undefined ? {} : { keyStatements }),
  });
  return signNote(body, SAMPLE_ORIGIN, (message) => sodium.crypto_sign_detached(message, privateKey), publicKey);
};

/** Someone in the sample log, with the key pair they currently hold. */
export type SamplePerson = {
  readonly id: string;
  readonly party: string;
  readonly role: Role;
  readonly name: string;
  keys: IdentityKeys;
};

/** A person of `party` whose id, name and first keys come from `label`. */
export const samplePerson = (label: string, party: string, role: Role): SamplePerson => ({
  id: sampleUuidOf(label),
  party,
  role,
  name: `${label.charAt(0).toUpperCase()}${label.slice(1)}`,
  keys: sampleKeys(label),
});

/** The header fields an entry of the sample log chooses; the log fills in the rest. */
export type SampleEntryFields = Pick<EntryHeader, 'type' | 'stream' | 'streamKind' | 'meta'> & { refs?: string[] };

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

/** The sample log as it is written: leaves, statements, entries, checkpoints and chain heads. */
export class SampleAuditLog {
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

  /**
   * A statement about `who` publishing or naming `keys`: it extends their chain (seq, prevHash)
   * when they have one, else starts it; `fields` override anything.
   */
  statementAbout(who: SamplePerson, fields: Partial<KeyStatement>, keys: IdentityKeys = who.keys): KeyStatement {
    const head = this.#statementHeads.get(who.id);
    return {
      v: 1,
      kind: head ? 'rotate' : 'enrol',
      person: who.id,
      party: who.party,
      role: who.role,
      name: who.name,
      seq: head ? head.statement.seq + 1 : 1,
      prevHash: head ? keyStatementHash(head) : '',
      keyId: keys.keyId,
      signKey: toBase64url(keys.signPublicKey),
      boxKey: toBase64url(keys.boxPublicKey),
      issuedAt: CLAIMED_AT,
      authority: '',
      invitation: head ? '' : INVITATION,
      ...fields,
    };
  }

  /** Appends `statement` signed by each signer (a person and the key pair they sign with), in order. */
  publish(written: KeyStatement, signers: readonly { id: string; keys: IdentityKeys }[]): SignedKeyStatement {
    const statement = this.options.editStatement?.(written, this.statements.length) ?? written;
    const signed: SignedKeyStatement = {
      statement,
      signatures: signers.map(({ id, keys }) =>
        signKeyStatement(statement, { person: id, keyId: keys.keyId, signSecretKey: keys.signSecretKey }),
      ),
    };
    this.statements.push({ leafIndex: this.#append('key-statement', keyStatementHash(signed)), signed });
    this.#statementHeads.set(statement.person, signed);
    return signed;
  }

  /** The first admin of a new party, from the operator's command line: the party's root. */
  bootstrap(admin: SamplePerson): void {
    this.publish(this.statementAbout(admin, { authority: 'bootstrap' }), [admin]);
  }

  /** Enrols `who`, endorsed by `admins` (the first is the authority). */
  enrol(who: SamplePerson, ...admins: SamplePerson[]): void {
    this.publish(this.statementAbout(who, { authority: admins[0]?.id ?? '' }), [who, ...admins]);
  }

  /** Rotates `who` to `keys`, signed by the old and the new key. */
  rotate(who: SamplePerson, keys: IdentityKeys): void {
    this.publish(this.statementAbout(who, { kind: 'rotate' }, keys), [who, { id: who.id, keys }]);
    who.keys = keys;
  }

  /** Seals and appends an entry by `author` to its stream's head, sealed to the author and `readers`. */
  write(author: SamplePerson, readers: readonly SamplePerson[], fields: SampleEntryFields): string {
    const head = this.#streamHeads.get(fields.stream);
    const index = this.entries.length;
    const input: SealEntryInput = {
      ...fields,
      v: 1,
      id: sampleUuidOf(`entry ${this.entries.length}`),
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

  /** Signs a checkpoint of the tree so far, counting its key statements unless `counted` is false. */
  checkpoint({ counted = true }: { counted?: boolean } = {}): void {
    const count = counted ? this.statements.length : undefined;
    this.checkpoints.push(signSampleCheckpoint(this.tree.size, this.tree.root(), 'log', count));
  }
}
