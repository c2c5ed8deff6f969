import { beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentDecryptor } from '../../shared/crypto/attachment-decryptor';
import { createAttachmentEncryptor } from '../../shared/crypto/attachment-encryptor';
import { ATTACHMENT_HASH_TAG, createAttachmentHasher, sodiumSha256 } from '../../shared/crypto/attachment-hash';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/crypto/attachment-size';
import { initCrypto } from '../../shared/crypto/sodium';
import { taggedHash } from '../../shared/crypto/tagged';
import { concatBytes } from '../../shared/encoding/bytes';
import { nativeSha256 } from './native-sha256';

beforeAll(async () => {
  await initCrypto();
});

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, index) => (index * 13 + seed) & 0xff);

describe("the SDK's native SHA-256 for attachment digests", () => {
  it("gives libsodium's digest and the one-shot tagged hash, however the stream is split", () => {
    const pieces = [bytes(24, 1), bytes(65_553, 2), bytes(0, 3), bytes(17, 4)];
    const [native, sodium] = [createAttachmentHasher(nativeSha256), createAttachmentHasher(sodiumSha256)];
    for (const piece of pieces) {
      native.update(piece);
      sodium.update(piece);
    }
    const digest = native.digest();
    expect(digest).toBeInstanceOf(Uint8Array);
    expect(digest).toEqual(sodium.digest());
    expect(digest).toEqual(taggedHash(ATTACHMENT_HASH_TAG, concatBytes(...pieces)));
  });

  it('lets an encryptor and a decryptor with different hashes agree on the ciphertext digest', () => {
    const encryptor = createAttachmentEncryptor(undefined, nativeSha256);
    const chunks = [
      encryptor.encryptChunk(bytes(ATTACHMENT_CHUNK_BYTES, 5), false),
      encryptor.encryptChunk(bytes(100, 6), true),
    ];
    const decryptor = createAttachmentDecryptor(encryptor.key, encryptor.header, sodiumSha256);
    for (const chunk of chunks) {
      decryptor.decryptChunk(chunk);
    }
    expect(decryptor.ciphertextDigest()).toEqual(encryptor.ciphertextDigest());
    expect(encryptor.ciphertextDigest()).toEqual(
      taggedHash(ATTACHMENT_HASH_TAG, concatBytes(encryptor.header, ...chunks)),
    );
  });

  it('changes the digest when one ciphertext byte changes', () => {
    const stream = bytes(1000, 7);
    const tampered = stream.slice();
    tampered[500] = (tampered[500] ?? 0) ^ 1;
    const digestOf = (data: Uint8Array) => {
      const hasher = createAttachmentHasher(nativeSha256);
      hasher.update(data);
      return hasher.digest();
    };
    expect(digestOf(tampered)).not.toEqual(digestOf(stream));
  });
});
