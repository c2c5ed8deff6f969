import { beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentDecryptor } from '../../shared/crypto/attachment-decryptor';
import { createAttachmentEncryptor } from '../../shared/crypto/attachment-encryptor';
import { ATTACHMENT_CIPHER_CHUNK_BYTES, encryptedAttachmentSize } from '../../shared/crypto/attachment-size';
import { initCrypto } from '../../shared/crypto/sodium';
import { concatBytes } from '../../shared/encoding/bytes';
import { encryptFile } from './encrypt-file';

beforeAll(initCrypto);

const bytesOf = (size: number) => Uint8Array.from({ length: size }, (_, index) => (index * 31 + 7) % 251);

/** A Blob whose stream hands out pieces of awkward sizes, as a real file stream may. */
const fileOf = (plain: Uint8Array): Blob =>
  new Blob([plain.slice(0, 1000), plain.slice(1000, 70_001), plain.slice(70_001)]);

const collect = async (source: AsyncGenerator<Uint8Array>): Promise<Uint8Array[]> => {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) {
    chunks.push(chunk.slice());
  }
  return chunks;
};

describe('encryptFile', () => {
  it.each([0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 5])(
    'encrypts a %i-byte file into canonical chunks that decrypt to it',
    async (size) => {
      const plain = bytesOf(size);
      const encryptor = createAttachmentEncryptor();
      const stream = concatBytes(...(await collect(encryptFile(fileOf(plain), encryptor))));
      expect(stream.length).toBe(encryptedAttachmentSize(size));
      const decryptor = createAttachmentDecryptor(encryptor.key, stream.subarray(0, 24));
      const out: Uint8Array[] = [];
      for (let offset = 24; offset < stream.length; offset += ATTACHMENT_CIPHER_CHUNK_BYTES) {
        out.push(decryptor.decryptChunk(stream.subarray(offset, offset + ATTACHMENT_CIPHER_CHUNK_BYTES)).plain);
      }
      expect(decryptor.isFinished()).toBe(true);
      expect(concatBytes(...out)).toEqual(plain);
      expect(decryptor.ciphertextDigest()).toEqual(encryptor.ciphertextDigest());
    },
  );

  it('refuses a file that grows while it is read', async () => {
    const grown = new Blob([bytesOf(10)]);
    Object.defineProperty(grown, 'size', { value: 5 });
    await expect(collect(encryptFile(grown, createAttachmentEncryptor()))).rejects.toThrow();
  });
});
