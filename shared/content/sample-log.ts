/**
 * An in-memory log of decrypted entries for tests and documentation only. The derivations in this
 * folder run after signatures, chains and decryption have been checked, so the hashes, keys and
 * nonces here are labelled placeholders (SHA-256 of a name), not cryptographic output. Every entry
 * passes the `DecryptedEntry` schema, and every content survives `encodeContent`/`decodeContent`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import { toBase64url, utf8Bytes } from '../encoding/bytes';
import type { EntryMeta } from '../schemas/entry';
import type { EntryType } from '../schemas/entry-type';
import { decodeContent } from './decode-content';
import { DecryptedEntry } from './decrypted-entry';
import { encodeContent } from './encode-content';
import type { EntryContent } from './entry-content';

const digest = (label: string): Uint8Array => sha256(utf8Bytes(label));

/** A fixed base64url placeholder of `bytes` bytes named by `label`. */
export const sampleBytes = (label: string, bytes: number): string => {
  const out = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += 32) {
    out.set(digest(`${label}/${at}`).subarray(0, Math.min(32, bytes - at)), at);
  }
  return toBase64url(out);
};

/** A fixed lower-case version-4 UUID named by `label`. */
export const sampleUuid = (label: string): string => {
  const h = hex.encode(digest(label));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** A person who writes to the sample log. */
export type SamplePerson = { readonly id: string; readonly party: { readonly id: string }; readonly name: string };

/** What to append; `content` absent (with `type`) makes an entry this reader cannot read. */
export type SampleAppend = {
  readonly stream: string;
  readonly kind: 'case' | 'thread';
  readonly author: SamplePerson;
  /** Claimed and received at this instant (ISO, milliseconds). */
  readonly at: string;
  readonly content?: EntryContent;
  readonly type?: EntryType;
  readonly refs?: readonly DecryptedEntry[];
  readonly cases?: readonly string[];
  readonly meta?: EntryMeta;
  /** Defaults to every person passed to `createSampleLog`. */
  readonly recipients?: readonly SamplePerson[];
};

/** Creates an empty log whose default recipients are `people`. */
export const createSampleLog = (people: readonly SamplePerson[]) => {
  const entries: DecryptedEntry[] = [];
  const heads = new Map<string, { seq: number; hash: string }>();
  const append = (spec: SampleAppend): DecryptedEntry => {
    const type = spec.content?.type ?? spec.type;
    if (type === undefined) {
      throw new TypeError('a sample entry states its content or its type');
    }
    const head = heads.get(spec.stream);
    const seq = (head?.seq ?? 0) + 1;
    const entryHash = sampleBytes(`entry/${entries.length}/${spec.stream}/${seq}`, 32);
    const label = `${entryHash}/`;
    const recipients = [...(spec.recipients ?? people)]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((person) => ({
        person: person.id,
        keyId: sampleBytes(`key/${person.id}`, 16),
        sealedKey: sampleBytes(label + person.id, 80),
      }));
    const content = spec.content && decodeContent(encodeContent(spec.content), spec.content.type);
    const entry = DecryptedEntry.parse({
      header: {
        v: 1,
        type,
        id: sampleUuid(label),
        stream: spec.stream,
        streamKind: spec.kind,
        seq,
        prevHash: head?.hash ?? '',
        cases: spec.cases ?? (spec.kind === 'case' ? [spec.stream] : []),
        author: {
          person: spec.author.id,
          party: spec.author.party.id,
          keyId: sampleBytes(`key/${spec.author.id}`, 16),
        },
        claimedAt: spec.at,
        recipients,
        nonce: sampleBytes(`${label}nonce`, 24),
        ciphertextHash: sampleBytes(`${label}ciphertext`, 32),
        paddedLength: 1024,
        keyCommitment: sampleBytes(`${label}key`, 32),
        refs: (spec.refs ?? []).map((ref) => ref.entryHash),
        meta: spec.meta ?? {},
      },
      entryHash,
      leafIndex: entries.length,
      receivedAt: spec.at,
      ...(content ? { content } : {}),
    });
    heads.set(spec.stream, { seq, hash: entryHash });
    entries.push(entry);
    return entry;
  };
  /** A receipt of `of` by `by`, in the same stream. */
  const acknowledge = (of: DecryptedEntry, by: SamplePerson, at: string): DecryptedEntry =>
    append({
      stream: of.header.stream,
      kind: of.header.streamKind,
      author: by,
      at,
      refs: [of],
      content: { type: 'acknowledgement' },
    });
  return { entries, append, acknowledge };
};

/** A sample log as `createSampleLog` makes it. */
export type SampleLog = ReturnType<typeof createSampleLog>;
