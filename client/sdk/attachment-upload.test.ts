import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentDecryptor } from '../../shared/crypto/attachment-decryptor';
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_HEADER_BYTES } from '../../shared/crypto/attachment-size';
import { initCrypto } from '../../shared/crypto/sodium';
import { taggedHash } from '../../shared/crypto/tagged';
import { concatBytes, fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { uploadAttachment } from './attachment-upload';
import { AttachmentIntegrityError } from './entry-errors';
import { ParleyHttp } from './parley-http';

beforeAll(async () => {
  await initCrypto();
});

const CIPHER_CHUNK = ATTACHMENT_CHUNK_BYTES + 17;
const file = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7) % 253);

/** A server that keeps the pieces of the body as they arrive and answers a receipt for them. */
const recordingServer = (receiptFor: (stored: Uint8Array) => object = honestReceipt) => {
  const pieces: Uint8Array[] = [];
  const fetchImpl = (async (_url: URL, init: RequestInit) => {
    for await (const piece of init.body as ReadableStream<Uint8Array>) {
      pieces.push(piece);
    }
    return Response.json(receiptFor(concatBytes(...pieces)));
  }) as typeof fetch;
  return { pieces, http: new ParleyHttp({ baseUrl: 'http://127.0.0.1:9', fetch: fetchImpl }), fetchImpl };
};

function honestReceipt(stored: Uint8Array) {
  return { id: randomUUID(), size: stored.length, digest: toBase64url(taggedHash('parley/attachment/v1', stored)) };
}

describe("the SDK's attachment upload", () => {
  it('sends the header and 16 encrypted chunks per piece, and the stream decrypts to the file', async () => {
    const plain = file(40 * ATTACHMENT_CHUNK_BYTES + 123);
    const server = recordingServer();
    const ref = await uploadAttachment(server.http, null, plain, { fetch: server.fetchImpl });
    expect(server.pieces.map((piece) => piece.length)).toEqual([
      ATTACHMENT_HEADER_BYTES + 16 * CIPHER_CHUNK,
      16 * CIPHER_CHUNK,
      8 * CIPHER_CHUNK + 123 + 17,
    ]);
    const stream = concatBytes(...server.pieces);
    const decryptor = createAttachmentDecryptor(fromBase64url(ref.key), stream.subarray(0, ATTACHMENT_HEADER_BYTES));
    const opened: Uint8Array[] = [];
    for (let at = ATTACHMENT_HEADER_BYTES; at < stream.length; at += CIPHER_CHUNK) {
      opened.push(decryptor.decryptChunk(stream.subarray(at, at + CIPHER_CHUNK)).plain);
    }
    expect(decryptor.isFinished()).toBe(true);
    // Buffer.equals: a deep equality of 2.6 MB arrays element by element takes seconds.
    expect(Buffer.from(concatBytes(...opened)).equals(plain)).toBe(true);
    expect(ref).toMatchObject({ size: plain.length, header: toBase64url(stream.subarray(0, ATTACHMENT_HEADER_BYTES)) });
    expect(ref.digest).toBe(toBase64url(taggedHash('parley/attachment/v1', stream)));
  });

  it('sends an empty file as its header and one empty FINAL chunk', async () => {
    const server = recordingServer();
    const ref = await uploadAttachment(server.http, null, new Uint8Array(0), { fetch: server.fetchImpl });
    expect(server.pieces.map((piece) => piece.length)).toEqual([ATTACHMENT_HEADER_BYTES + 17]);
    expect(ref.size).toBe(0);
  });

  it('refuses a receipt for other bytes or another size', async () => {
    const lying = recordingServer((stored) => ({ ...honestReceipt(stored), digest: toBase64url(new Uint8Array(32)) }));
    await expect(uploadAttachment(lying.http, null, file(100), { fetch: lying.fetchImpl })).rejects.toMatchObject({
      name: AttachmentIntegrityError.name,
      reason: 'digest-mismatch',
    });
    const short = recordingServer((stored) => ({ ...honestReceipt(stored), size: stored.length - 1 }));
    await expect(uploadAttachment(short.http, null, file(100), { fetch: short.fetchImpl })).rejects.toMatchObject({
      reason: 'size-mismatch',
    });
  });
});
