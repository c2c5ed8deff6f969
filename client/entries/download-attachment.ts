/**
 * Downloading an attachment and decrypting it chunk by chunk as it arrives (docs/PROTOCOL.md
 * §6.2), into a Blob: the stream header must be the one the signed entry names, every chunk must
 * authenticate, the stream must end with FINAL, and its digest and size must match the entry's.
 */

import { createAttachmentDecryptor } from '../../shared/crypto/attachment-decryptor';
import { ATTACHMENT_CIPHER_CHUNK_BYTES, ATTACHMENT_HEADER_BYTES } from '../../shared/crypto/attachment-size';
import { initCrypto } from '../../shared/crypto/sodium';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { attachmentRefOf } from './attachment-registry';
import { blobMediaType } from './blob-media-type';

/** A decrypted attachment, ready to show or save. */
export type OpenedAttachment = { readonly blob: Blob; readonly name: string; readonly mediaType: string };

const FOLD_EVERY = 16;

/** Collects bytes into fixed-size pieces as they arrive, handing each full piece on. */
const piecesOf = async function* (
  body: ReadableStream<Uint8Array>,
  sizes: () => number,
): AsyncGenerator<{ piece: Uint8Array; isEnd: boolean }> {
  const reader = body.getReader();
  let buffer = new Uint8Array(sizes());
  let filled = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        yield { piece: buffer.subarray(0, filled), isEnd: true };
        return;
      }
      let offset = 0;
      while (offset < value.length) {
        const take = Math.min(buffer.length - filled, value.length - offset);
        buffer.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === buffer.length) {
          yield { piece: buffer, isEnd: false };
          buffer = new Uint8Array(sizes());
          filled = 0;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
};

/**
 * Fetches, checks and decrypts the attachment behind `handle` (from an entry opened in this
 * session). Throws, and keeps nothing, when any check fails: a truncated or altered file is
 * never shown in part.
 */
export const openAttachment = async (handle: string): Promise<OpenedAttachment> => {
  await initCrypto();
  const ref = attachmentRefOf(handle);
  if (!ref) {
    throw new Error('The key of this file is not in memory: reopen the entry with your keys unlocked');
  }
  const response = await fetch(`/api/attachments/${encodeURIComponent(ref.id)}`, {
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok || !response.body) {
    throw new Error(`The file ${ref.name} could not be fetched (${response.status})`);
  }
  let decryptor: ReturnType<typeof createAttachmentDecryptor> | null = null;
  let blob = new Blob([]);
  let parts: BlobPart[] = [];
  let size = 0;
  const sizes = () => (decryptor === null ? ATTACHMENT_HEADER_BYTES : ATTACHMENT_CIPHER_CHUNK_BYTES);
  for await (const { piece, isEnd } of piecesOf(response.body, sizes)) {
    if (decryptor === null) {
      if (piece.length !== ATTACHMENT_HEADER_BYTES || toBase64url(piece) !== ref.header) {
        throw new Error(`The file ${ref.name} does not start with the stream header its entry names`);
      }
      decryptor = createAttachmentDecryptor(fromBase64url(ref.key), piece);
      continue;
    }
    if (isEnd && piece.length === 0 && decryptor.isFinished()) {
      break;
    }
    const { plain } = decryptor.decryptChunk(piece);
    size += plain.length;
    parts.push(plain as Uint8Array<ArrayBuffer>);
    if (parts.length >= FOLD_EVERY) {
      blob = new Blob([blob, ...parts]);
      parts = [];
    }
  }
  if (decryptor === null || !decryptor.isFinished()) {
    throw new Error(`The file ${ref.name} is truncated: it ends before its final chunk`);
  }
  if (toBase64url(decryptor.ciphertextDigest()) !== ref.digest || size !== ref.size) {
    throw new Error(`The file ${ref.name} is not the one its signed entry names (digest or size differ)`);
  }
  return {
    blob: new Blob([blob, ...parts], { type: blobMediaType(ref.mediaType) }),
    name: ref.name,
    mediaType: ref.mediaType,
  };
};
