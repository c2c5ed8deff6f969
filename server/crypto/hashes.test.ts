import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_HASH_TAG, createAttachmentHasher } from '../../shared/crypto/attachment-hash';
import { initCrypto } from '../../shared/crypto/sodium';
import { taggedHash } from '../../shared/crypto/tagged';
import { concatBytes } from '../../shared/encoding/bytes';
import { startAttachmentDigest, taggedSha256 } from './hashes';

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, index) => (index * 31 + seed) & 0xff);

describe("the server's native hashes against shared/crypto's", () => {
  beforeAll(async () => {
    await initCrypto();
  });

  it('computes the same tagged hash', () => {
    for (const length of [0, 1, 63, 64, 65, 1000]) {
      const message = bytes(length, length);
      expect(taggedSha256('parley/entry/v1', message)).toEqual(taggedHash('parley/entry/v1', message));
    }
  });

  it('computes the same attachment digest, whatever the pieces the stream arrives in', () => {
    const stream = [bytes(24, 1), bytes(65_553, 2), bytes(17, 3)];
    const shared = createAttachmentHasher();
    const native = startAttachmentDigest();
    for (const piece of stream) {
      shared.update(piece);
      // Split differently on the server's side, as network reads would.
      native.update(piece.subarray(0, 5)).update(piece.subarray(5));
    }
    const expected = shared.digest();
    expect(new Uint8Array(native.digest())).toEqual(expected);
    expect(expected).toEqual(taggedHash(ATTACHMENT_HASH_TAG, concatBytes(...stream)));
  });
});
