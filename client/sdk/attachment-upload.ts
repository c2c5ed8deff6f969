import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { replyJson, replyText } from '../../shared/api/client';
import { entryRoutes } from '../../shared/api/entries';
import { AttachmentRef } from '../../shared/content/attachment-ref';
import { createAttachmentEncryptor } from '../../shared/crypto/attachment-encryptor';
import { generateAttachmentKey } from '../../shared/crypto/attachment-key';
import { encryptedAttachmentSize } from '../../shared/crypto/attachment-size';
import { concatBytes, toBase64url } from '../../shared/encoding/bytes';
import type { SessionView } from '../../shared/schemas/identity';
import { AttachmentReceipt } from '../../shared/schemas/stream';
import { framedChunks } from './attachment-framing';
import { AttachmentIntegrityError } from './entry-errors';
import { nativeSha256 } from './native-sha256';
import type { ParleyHttp } from './parley-http';
import { problemOf, storeCookies, streamingHeaders } from './raw-http';

/** A file to attach: bytes already in memory, a file path, or any stream of bytes (a Node `Readable`). */
export type AttachmentSource = Uint8Array | string | AsyncIterable<Uint8Array>;

/** How the file is described in the content that carries it. */
export type AttachmentOptions = {
  /** File name offered on download; the path's base name, or `attachment`. */
  readonly name?: string;
  /** Lower-case media type; `application/octet-stream` by default. */
  readonly mediaType?: string;
  /** The `fetch` to use; the global one by default. */
  readonly fetch?: typeof fetch;
};

/** Encrypted chunks per piece of the request body. */
const BODY_PIECE_CHUNKS = 16;

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const piecesOf = (source: AttachmentSource): AsyncIterable<Uint8Array> =>
  typeof source === 'string' ? createReadStream(source) : source instanceof Uint8Array ? once(source) : source;

/**
 * Encrypts a file chunk by chunk with the shared secretstream encryptor and streams the
 * ciphertext to `PUT /api/attachments`, holding one chunk at a time. Checks the server's digest
 * and size against the ones computed here, and returns the `AttachmentRef` to put in the content
 * of the entry that carries the file (its key never leaves that encrypted content).
 *
 * @throws {ApiProblem} when the server refuses the upload; {@link AttachmentIntegrityError} when
 * it stored other bytes than were sent; `AttachmentError` for a file over 50 MiB.
 */
export const uploadAttachment = async (
  http: ParleyHttp,
  session: SessionView | null,
  source: AttachmentSource,
  options: AttachmentOptions = {},
): Promise<AttachmentRef> => {
  const encryptor = createAttachmentEncryptor(generateAttachmentKey(), nativeSha256);
  const chunks = framedChunks(piecesOf(source));
  let plainSize = 0;
  let failure: unknown;
  let isHeaderSent = false;
  // The body is sent in pieces of 16 encrypted chunks (about 1 MiB), not one write per 64 KiB
  // chunk: the socket writes alone were 243 ms of the client's CPU in a profiled 50 MiB upload.
  const nextPiece = async (): Promise<{ piece: Uint8Array; isEnd: boolean }> => {
    const parts = isHeaderSent ? [] : [encryptor.header];
    isHeaderSent = true;
    for (let chunk = 0; chunk < BODY_PIECE_CHUNKS; chunk += 1) {
      const next = await chunks.next();
      if (next.done) {
        return { piece: concatBytes(...parts), isEnd: true };
      }
      plainSize += next.value.plain.length;
      parts.push(encryptor.encryptChunk(next.value.plain, next.value.isLast));
    }
    return { piece: concatBytes(...parts), isEnd: false };
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { piece, isEnd } = await nextPiece();
          if (piece.length > 0) {
            controller.enqueue(piece);
          }
          if (isEnd) {
            controller.close();
          }
        } catch (error) {
          failure = error;
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(new URL(entryRoutes.uploadAttachment.path, http.baseUrl), {
      method: 'PUT',
      headers: streamingHeaders(http, session, true, {
        'content-type': 'application/octet-stream',
        accept: 'application/json, application/problem+json',
      }),
      body,
      duplex: 'half',
      redirect: 'manual',
    });
  } catch (error) {
    throw failure ?? error;
  }
  storeCookies(http, response);
  if (!response.ok) {
    throw await problemOf(response);
  }
  const receipt = AttachmentReceipt.parse(replyJson(replyText(new Uint8Array(await response.arrayBuffer()))));
  const digest = toBase64url(encryptor.ciphertextDigest());
  if (receipt.digest !== digest) {
    throw new AttachmentIntegrityError(
      'digest-mismatch',
      `the server stored ${receipt.digest}, the upload was ${digest}`,
    );
  }
  if (receipt.size !== encryptedAttachmentSize(plainSize)) {
    throw new AttachmentIntegrityError('size-mismatch', `the server stored ${receipt.size} bytes`);
  }
  return AttachmentRef.parse({
    id: receipt.id,
    name: options.name ?? (typeof source === 'string' ? basename(source) : 'attachment'),
    mediaType: options.mediaType ?? 'application/octet-stream',
    size: plainSize,
    key: toBase64url(encryptor.key),
    header: toBase64url(encryptor.header),
    digest,
  });
};
