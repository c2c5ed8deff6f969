import { beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentDecryptor } from './attachment-decryptor';
import { createAttachmentEncryptor } from './attachment-encryptor';
import { AttachmentError, type AttachmentFailure } from './attachment-error';
import { ATTACHMENT_CHUNK_BYTES } from './attachment-size';
import { initCrypto, sodium } from './sodium';

beforeAll(async () => {
  await initCrypto();
});

const refusal = (act: () => unknown): AttachmentFailure | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof AttachmentError) {
      return error.reason;
    }
    throw error;
  }
  return undefined;
};

const file = (size: number): Uint8Array => Uint8Array.from({ length: size }, (_, i) => (i * 7) % 256);

const encrypt = (plain: Uint8Array) => {
  const encryptor = createAttachmentEncryptor();
  const chunks: Uint8Array[] = [];
  let offset = 0;
  do {
    const end = Math.min(offset + ATTACHMENT_CHUNK_BYTES, plain.length);
    chunks.push(encryptor.encryptChunk(plain.subarray(offset, end), end === plain.length));
    offset = end;
  } while (offset < plain.length);
  return { key: encryptor.key, header: encryptor.header, chunks, digest: encryptor.ciphertextDigest() };
};

// A stream whose chunks carry exactly the given plaintexts and tags, bypassing the encryptor's rules.
const rawStream = (parts: readonly (readonly [Uint8Array, number])[]) => {
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const chunks = parts.map(([plain, tag]) =>
    sodium.crypto_secretstream_xchacha20poly1305_push(state, plain, null, tag),
  );
  return { key, header, chunks };
};
const MESSAGE = 0;
const PUSH = 1;
const FINAL = 3;

describe('createAttachmentDecryptor', () => {
  it.each([0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 5])('round-trips %i bytes with the same digest', (size) => {
    const plain = file(size);
    const { key, header, chunks, digest } = encrypt(plain);
    const decryptor = createAttachmentDecryptor(key, header);
    const out = chunks.map((chunk) => decryptor.decryptChunk(chunk));
    expect(out.map((chunk) => chunk.isLast)).toEqual(chunks.map((_, i) => i === chunks.length - 1));
    expect(Buffer.concat(out.map((chunk) => chunk.plain)).equals(plain)).toBe(true);
    expect(decryptor.isFinished()).toBe(true);
    expect(decryptor.ciphertextDigest()).toEqual(digest);
  });

  it('detects truncation: no FINAL chunk, no digest', () => {
    const { key, header, chunks } = encrypt(file(2 * 65_536 + 1));
    const decryptor = createAttachmentDecryptor(key, header);
    decryptor.decryptChunk(chunks[0] as Uint8Array);
    decryptor.decryptChunk(chunks[1] as Uint8Array);
    expect(decryptor.isFinished()).toBe(false);
    expect(refusal(() => decryptor.ciphertextDigest())).toBe('truncated');
  });

  it('refuses a flipped bit, then refuses everything', () => {
    const { key, header, chunks } = encrypt(file(10));
    const tampered = (chunks[0] as Uint8Array).slice();
    tampered[5] = (tampered[5] ?? 0) ^ 1;
    const decryptor = createAttachmentDecryptor(key, header);
    expect(refusal(() => decryptor.decryptChunk(tampered))).toBe('tampered');
    expect(refusal(() => decryptor.decryptChunk(chunks[0] as Uint8Array))).toBe('failed-earlier');
  });

  it('refuses reordered chunks, a wrong key and another header', () => {
    const { key, header, chunks } = encrypt(file(3 * 65_536));
    expect(refusal(() => createAttachmentDecryptor(key, header).decryptChunk(chunks[1] as Uint8Array))).toBe(
      'tampered',
    );
    const otherKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    expect(refusal(() => createAttachmentDecryptor(otherKey, header).decryptChunk(chunks[0] as Uint8Array))).toBe(
      'tampered',
    );
    const otherHeader = encrypt(file(1)).header;
    expect(refusal(() => createAttachmentDecryptor(key, otherHeader).decryptChunk(chunks[0] as Uint8Array))).toBe(
      'tampered',
    );
  });

  it('refuses a chunk after FINAL', () => {
    const { key, header, chunks } = rawStream([
      [new Uint8Array(1), FINAL],
      [new Uint8Array(1), MESSAGE],
    ]);
    const decryptor = createAttachmentDecryptor(key, header);
    expect(decryptor.decryptChunk(chunks[0] as Uint8Array).isLast).toBe(true);
    expect(refusal(() => decryptor.decryptChunk(chunks[1] as Uint8Array))).toBe('after-final');
  });

  it('refuses non-canonical framing: a short MESSAGE chunk, an empty FINAL after data, a PUSH tag', () => {
    const short = rawStream([[new Uint8Array(10), MESSAGE]]);
    expect(
      refusal(() => createAttachmentDecryptor(short.key, short.header).decryptChunk(short.chunks[0] as Uint8Array)),
    ).toBe('chunk-size');
    const emptyFinal = rawStream([
      [new Uint8Array(ATTACHMENT_CHUNK_BYTES), MESSAGE],
      [new Uint8Array(0), FINAL],
    ]);
    const decryptor = createAttachmentDecryptor(emptyFinal.key, emptyFinal.header);
    decryptor.decryptChunk(emptyFinal.chunks[0] as Uint8Array);
    expect(refusal(() => decryptor.decryptChunk(emptyFinal.chunks[1] as Uint8Array))).toBe('chunk-size');
    const push = rawStream([[new Uint8Array(1), PUSH]]);
    expect(
      refusal(() => createAttachmentDecryptor(push.key, push.header).decryptChunk(push.chunks[0] as Uint8Array)),
    ).toBe('unexpected-tag');
  });

  it('refuses chunks shorter than the overhead or longer than a full chunk', () => {
    const { key, header } = encrypt(file(1));
    expect(refusal(() => createAttachmentDecryptor(key, header).decryptChunk(new Uint8Array(16)))).toBe('chunk-size');
    expect(refusal(() => createAttachmentDecryptor(key, header).decryptChunk(new Uint8Array(65_554)))).toBe(
      'chunk-size',
    );
  });

  it('refuses to go past 50 MiB', () => {
    const stream = rawStream(
      Array.from({ length: 801 }, () => [new Uint8Array(ATTACHMENT_CHUNK_BYTES), MESSAGE] as const),
    );
    const decryptor = createAttachmentDecryptor(stream.key, stream.header);
    for (const chunk of stream.chunks.slice(0, 800)) {
      decryptor.decryptChunk(chunk);
    }
    expect(refusal(() => decryptor.decryptChunk(stream.chunks[800] as Uint8Array))).toBe('too-large');
  });

  it('refuses a key or header of the wrong length', () => {
    const { key, header } = encrypt(file(1));
    expect(refusal(() => createAttachmentDecryptor(key.subarray(0, 31), header))).toBe('invalid-key');
    expect(refusal(() => createAttachmentDecryptor(key, header.subarray(0, 23)))).toBe('invalid-header');
  });
});
