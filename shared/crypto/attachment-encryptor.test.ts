import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentEncryptor } from './attachment-encryptor';
import { AttachmentError, type AttachmentFailure } from './attachment-error';
import { asAttachmentKey } from './attachment-key';
import { ATTACHMENT_CHUNK_BYTES, encryptedAttachmentSize } from './attachment-size';
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

const FULL = new Uint8Array(ATTACHMENT_CHUNK_BYTES);

describe('createAttachmentEncryptor', () => {
  it('writes a 24-byte header and chunks of plaintext + 17 bytes, with the size the formula gives', () => {
    const encryptor = createAttachmentEncryptor();
    expect(encryptor.header).toHaveLength(24);
    expect(encryptor.key).toHaveLength(32);
    const chunks = [encryptor.encryptChunk(FULL, false), encryptor.encryptChunk(new Uint8Array(10), true)];
    expect(chunks.map((chunk) => chunk.length)).toEqual([ATTACHMENT_CHUNK_BYTES + 17, 27]);
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, encryptor.header.length);
    expect(total).toBe(encryptedAttachmentSize(ATTACHMENT_CHUNK_BYTES + 10));
  });

  it('tags the last chunk FINAL and every other chunk MESSAGE', () => {
    const encryptor = createAttachmentEncryptor();
    const first = encryptor.encryptChunk(FULL, false);
    const last = encryptor.encryptChunk(new Uint8Array(1), true);
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(encryptor.header, encryptor.key);
    const pull = (cipher: Uint8Array) => sodium.crypto_secretstream_xchacha20poly1305_pull(state, cipher, null);
    expect(pull(first)).toMatchObject({ tag: sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE });
    expect(pull(last)).toMatchObject({ tag: sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL });
  });

  it('encrypts an empty file as one empty FINAL chunk', () => {
    const encryptor = createAttachmentEncryptor();
    expect(encryptor.encryptChunk(new Uint8Array(0), true)).toHaveLength(17);
    expect(encryptor.isFinished()).toBe(true);
  });

  it('digests the whole ciphertext stream with the attachment tag', () => {
    const encryptor = createAttachmentEncryptor(asAttachmentKey(new Uint8Array(32).fill(5)));
    const chunk = encryptor.encryptChunk(new Uint8Array([1, 2, 3]), true);
    const expected = createHash('sha256')
      .update('parley/attachment/v1\u0000')
      .update(encryptor.header)
      .update(chunk)
      .digest();
    expect(Buffer.from(encryptor.ciphertextDigest())).toEqual(expected);
    expect(encryptor.ciphertextDigest()).toEqual(encryptor.ciphertextDigest());
  });

  it('uses a fresh header each time, even under the same key', () => {
    const key = asAttachmentKey(new Uint8Array(32));
    expect(createAttachmentEncryptor(key).header).not.toEqual(createAttachmentEncryptor(key).header);
  });

  it('refuses a short chunk that is not the last, an oversized chunk, and an empty last chunk after data', () => {
    const encryptor = createAttachmentEncryptor();
    expect(refusal(() => encryptor.encryptChunk(new Uint8Array(10), false))).toBe('chunk-size');
    expect(refusal(() => encryptor.encryptChunk(new Uint8Array(ATTACHMENT_CHUNK_BYTES + 1), true))).toBe('chunk-size');
    encryptor.encryptChunk(FULL, false);
    expect(refusal(() => encryptor.encryptChunk(new Uint8Array(0), true))).toBe('chunk-size');
  });

  it('refuses anything after the FINAL chunk, and a digest before it', () => {
    const encryptor = createAttachmentEncryptor();
    expect(refusal(() => encryptor.ciphertextDigest())).toBe('truncated');
    encryptor.encryptChunk(new Uint8Array(1), true);
    expect(refusal(() => encryptor.encryptChunk(new Uint8Array(1), true))).toBe('after-final');
  });

  it('refuses a key of the wrong length', () => {
    expect(refusal(() => createAttachmentEncryptor(new Uint8Array(16) as never))).toBe('invalid-key');
  });

  it('refuses to go past 50 MiB', () => {
    const encryptor = createAttachmentEncryptor();
    for (let chunk = 0; chunk < 800; chunk += 1) {
      encryptor.encryptChunk(FULL, false);
    }
    expect(refusal(() => encryptor.encryptChunk(new Uint8Array(1), true))).toBe('too-large');
  });
});
