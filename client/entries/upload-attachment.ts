/**
 * Encrypting a file in the browser and uploading only its ciphertext to PUT /api/attachments,
 * streamed from `File.stream()` (docs/PROTOCOL.md §6). The key and digest go into the entry's
 * encrypted content as an `AttachmentRef`; the server sees bytes it cannot read.
 *
 * Chromium streams a request body only over HTTP/2 or HTTP/3: over HTTP/1.1 it refuses a
 * `ReadableStream` body (ERR_H2_OR_QUIC_REQUIRED). There the encrypted chunks are folded into a
 * Blob as they are produced (the browser may keep a large Blob on disk), which is then uploaded
 * with XMLHttpRequest, whose upload events count the bytes actually sent. A streamed body counts
 * the bytes the network stack has pulled from it (it pulls only as it sends).
 */
import { ApiProblem, replyJson, replyText } from '../../shared/api/client';
import { AttachmentRef } from '../../shared/content/attachment-ref';
import { createAttachmentEncryptor } from '../../shared/crypto/attachment-encryptor';
import { ATTACHMENT_MAX_BYTES, encryptedAttachmentSize } from '../../shared/crypto/attachment-size';
import { initCrypto } from '../../shared/crypto/sodium';
import { toBase64url } from '../../shared/encoding/bytes';
import { Problem } from '../../shared/schemas/problem';
import { AttachmentReceipt } from '../../shared/schemas/stream';
import { encryptFile } from './encrypt-file';

/** How the ciphertext travelled: streamed, or assembled into a Blob first (HTTP/1.1). */
export type UploadMode = 'stream' | 'blob';

/** Hears the ciphertext bytes of one file sent so far, and how many there are in all. */
export type OnUploadProgress = (sent: number, total: number) => void;

/** The server's answer to an upload, whichever way it went. */
type UploadReply = { readonly ok: boolean; readonly status: number; readonly body: Uint8Array };

// Folding every 16 chunks (about 1 MiB) keeps few small arrays alive in JavaScript memory.
const FOLD_EVERY = 16;
let isStreamingRefused = false;

const supportsRequestStreams = (): boolean => {
  let isDuplexRead = false;
  const init = {
    method: 'POST',
    body: new ReadableStream(),
    get duplex() {
      isDuplexRead = true;
      return 'half';
    },
  };
  const hasContentType = new Request('/', init as RequestInit).headers.has('Content-Type');
  return isDuplexRead && !hasContentType;
};

/** Whether this page can stream a request body: the API exists and the page came over HTTP/2 or 3. */
const canStream = (): boolean => {
  if (isStreamingRefused) {
    return false;
  }
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return /^(h2|h3)/.test(navigation?.nextHopProtocol ?? '') && supportsRequestStreams();
};

const mediaTypeOf = (file: File): string => {
  const type = file.type.toLowerCase();
  return AttachmentRef.shape.mediaType.safeParse(type).success ? type : 'application/octet-stream';
};

const problemOf = (reply: UploadReply): ApiProblem => {
  try {
    return new ApiProblem(Problem.parse(replyJson(replyText(reply.body))));
  } catch {
    return new ApiProblem({ type: 'about:blank', title: 'Upload refused', status: reply.status });
  }
};

const streamOf = (chunks: AsyncGenerator<Uint8Array>, onSent: (bytes: number) => void): ReadableStream<Uint8Array> => {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      const next = await chunks.next();
      if (next.done) {
        controller.close();
      } else {
        controller.enqueue(next.value);
        sent += next.value.byteLength;
        onSent(sent);
      }
    },
  });
};

const blobOf = async (chunks: AsyncGenerator<Uint8Array>): Promise<Blob> => {
  let blob = new Blob([]);
  let parts: BlobPart[] = [];
  for await (const chunk of chunks) {
    parts.push(chunk as Uint8Array<ArrayBuffer>);
    if (parts.length >= FOLD_EVERY) {
      blob = new Blob([blob, ...parts]);
      parts = [];
    }
  }
  return new Blob([blob, ...parts], { type: 'application/octet-stream' });
};

const headersOf = (csrfToken: string) => ({ 'content-type': 'application/octet-stream', 'x-parley-csrf': csrfToken });

const putStream = async (body: ReadableStream<Uint8Array>, csrfToken: string): Promise<UploadReply> => {
  const init: RequestInit & { duplex: 'half' } = {
    method: 'PUT',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: headersOf(csrfToken),
    body,
    duplex: 'half',
  };
  const response = await fetch('/api/attachments', init);
  return { ok: response.ok, status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
};

/** PUTs a Blob with XMLHttpRequest, the one browser API that reports the bytes of a body sent. */
const putBlob = (body: Blob, csrfToken: string, onSent: (bytes: number) => void): Promise<UploadReply> =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', '/api/attachments');
    request.responseType = 'arraybuffer';
    for (const [name, value] of Object.entries(headersOf(csrfToken))) {
      request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (event) => onSent(event.loaded);
    request.upload.onload = () => onSent(body.size);
    request.onload = () => {
      const response = request.response as ArrayBuffer | null;
      resolve({
        ok: request.status >= 200 && request.status < 300,
        status: request.status,
        body: new Uint8Array(response ?? new ArrayBuffer(0)),
      });
    };
    // Same shape as a refused fetch: a network-level failure, not a server's answer.
    request.onerror = () => reject(new TypeError('The upload did not reach the server'));
    request.onabort = () => reject(new TypeError('The upload was aborted'));
    request.send(body);
  });

const uploadOnce = async (
  file: File,
  csrfToken: string,
  mode: UploadMode,
  onProgress: OnUploadProgress,
): Promise<AttachmentRef> => {
  const encryptor = createAttachmentEncryptor();
  const chunks = encryptFile(file, encryptor);
  const total = encryptedAttachmentSize(file.size);
  const onSent = (bytes: number) => onProgress(Math.min(bytes, total), total);
  onProgress(0, total);
  const reply =
    mode === 'stream'
      ? await putStream(streamOf(chunks, onSent), csrfToken)
      : await putBlob(await blobOf(chunks), csrfToken, onSent);
  if (!reply.ok) {
    throw problemOf(reply);
  }
  const receipt = AttachmentReceipt.parse(replyJson(replyText(reply.body)));
  const digest = toBase64url(encryptor.ciphertextDigest());
  if (receipt.size !== encryptedAttachmentSize(file.size)) {
    throw new Error(
      `The server stored ${receipt.size} bytes of ${file.name}, not ${encryptedAttachmentSize(file.size)}`,
    );
  }
  if (receipt.digest !== digest) {
    throw new Error(`The server's digest of ${file.name} is not the digest of what was sent`);
  }
  return AttachmentRef.parse({
    id: receipt.id,
    name: file.name.slice(0, 255) || 'attachment',
    mediaType: mediaTypeOf(file),
    size: file.size,
    key: toBase64url(encryptor.key),
    header: toBase64url(encryptor.header),
    digest,
  });
};

/**
 * Encrypts `file` under a fresh key and uploads the ciphertext; answers the `AttachmentRef` to put
 * in the entry's content. Streams the upload where the connection allows it (see above).
 */
export const uploadAttachment = async (
  file: File,
  csrfToken: string,
  onProgress: OnUploadProgress = () => undefined,
): Promise<AttachmentRef> => {
  await initCrypto();
  if (file.size > ATTACHMENT_MAX_BYTES) {
    throw new Error(`${file.name} is larger than the 50 MiB an attachment may be`);
  }
  if (canStream()) {
    try {
      return await uploadOnce(file, csrfToken, 'stream', onProgress);
    } catch (error) {
      if (!(error instanceof TypeError)) {
        throw error;
      }
      // A network-level refusal of the streamed body: start again, under a fresh key, as a Blob.
      isStreamingRefused = true;
    }
  }
  return uploadOnce(file, csrfToken, 'blob', onProgress);
};
