import { ATTACHMENT_CHUNK_BYTES } from '../../shared/crypto/attachment-size';
import { sodium } from '../../shared/crypto/sodium';

const MIB = 1024 * 1024;

/** `size` bytes of one random MiB repeated: the source costs nothing to produce. */
export async function* repeatedFile(size: number, piece: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < size; sent += MIB) {
    yield piece.subarray(0, Math.min(MIB, size - sent));
  }
}

/** libsodium secretstream push, then pull, rates (bytes/s) over `size` bytes in the attachment chunk size, in memory. */
export const secretstreamRates = (size: number, piece: Uint8Array) => {
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const chunks = Math.ceil(size / ATTACHMENT_CHUNK_BYTES);
  const plain = (index: number) =>
    piece.subarray(0, Math.min(ATTACHMENT_CHUNK_BYTES, size - index * ATTACHMENT_CHUNK_BYTES));
  const tag = (index: number) =>
    index === chunks - 1
      ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  const pushed = performance.now();
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const ciphers = Array.from({ length: chunks }, (_, index) =>
    sodium.crypto_secretstream_xchacha20poly1305_push(state, plain(index), null, tag(index)),
  );
  const push = size / ((performance.now() - pushed) / 1000);
  const pulled = performance.now();
  const pullState = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  for (const cipher of ciphers) {
    sodium.crypto_secretstream_xchacha20poly1305_pull(pullState, cipher, null);
  }
  return { push, pull: size / ((performance.now() - pulled) / 1000) };
};
