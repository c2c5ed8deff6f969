import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { entryRoutes } from '../../shared/api/entries';
import { buildPath } from '../../shared/api/route';
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import { type AttachmentDecryptor, createAttachmentDecryptor } from '../../shared/crypto/attachment-decryptor';
import { AttachmentError } from '../../shared/crypto/attachment-error';
import { ATTACHMENT_CIPHER_CHUNK_BYTES, ATTACHMENT_HEADER_BYTES } from '../../shared/crypto/attachment-size';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import type { SessionView } from '../../shared/schemas/identity';
import { fixedPieces } from './attachment-framing';
import { AttachmentIntegrityError } from './entry-errors';
import { nativeSha256 } from './native-sha256';
import type { ParleyHttp } from './parley-http';
import { problemOf, storeCookies, streamingHeaders } from './raw-http';

/** Where decrypted bytes go: a Node `Writable` (ended on success), or a function called per chunk. */
export type AttachmentSink = Writable | ((plain: Uint8Array) => void | Promise<void>);

const writerFor = (sink: AttachmentSink) => {
  if (typeof sink === 'function') {
    return { write: async (plain: Uint8Array) => sink(plain), end: async () => undefined };
  }
  return {
    write: async (plain: Uint8Array) => {
      if (!sink.write(plain)) {
        await once(sink, 'drain');
      }
    },
    end: () => new Promise<void>((resolve) => sink.end(resolve)),
  };
};

/**
 * Downloads an attachment and decrypts it chunk by chunk into `sink`, holding one chunk at a time.
 * The stream must start with the header the reference names, authenticate chunk by chunk, end
 * with its FINAL chunk (else it was truncated), and match the reference's digest and size. On
 * any failure the bytes already written must be discarded: the sink is left open, not ended.
 *
 * @throws {ApiProblem} when the server refuses; `AttachmentError` for a chunk that does not
 * authenticate or a truncated stream; {@link AttachmentIntegrityError} for another header,
 * digest or size.
 */
export const downloadAttachment = async (
  http: ParleyHttp,
  session: SessionView | null,
  ref: AttachmentRef,
  sink: AttachmentSink,
  options: { readonly fetch?: typeof fetch } = {},
): Promise<void> => {
  const path = buildPath(entryRoutes.downloadAttachment.path, { attachmentId: ref.id });
  const response = await (options.fetch ?? fetch)(new URL(path, http.baseUrl), {
    headers: streamingHeaders(http, session, false, { accept: 'application/octet-stream, application/problem+json' }),
    redirect: 'manual',
  });
  storeCookies(http, response);
  if (!response.ok || response.body === null) {
    throw await problemOf(response);
  }
  const writer = writerFor(sink);
  let decryptor: AttachmentDecryptor | undefined;
  let size = 0;
  for await (const piece of fixedPieces(response.body, ATTACHMENT_HEADER_BYTES, ATTACHMENT_CIPHER_CHUNK_BYTES)) {
    if (decryptor === undefined) {
      if (toBase64url(piece) !== ref.header) {
        throw new AttachmentIntegrityError('header-mismatch', 'the stream does not start with the referenced header');
      }
      decryptor = createAttachmentDecryptor(fromBase64url(ref.key), piece, nativeSha256);
      continue;
    }
    const { plain } = decryptor.decryptChunk(piece);
    size += plain.length;
    await writer.write(plain);
  }
  if (!decryptor?.isFinished()) {
    throw new AttachmentError('truncated', 'the download ended without its FINAL chunk');
  }
  const digest = toBase64url(decryptor.ciphertextDigest());
  if (digest !== ref.digest) {
    throw new AttachmentIntegrityError('digest-mismatch', `the download digests to ${digest}, not ${ref.digest}`);
  }
  if (size !== ref.size) {
    throw new AttachmentIntegrityError('size-mismatch', `${size} bytes decrypted, the reference says ${ref.size}`);
  }
  await writer.end();
};
