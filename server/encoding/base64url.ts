/**
 * Bytes as unpadded base64url with Node's native encoder: the server's form of shared's
 * `toBase64url`, without copying the bytes first.
 */
export const base64url = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
