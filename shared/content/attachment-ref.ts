/**
 * How entry content points at an encrypted file: the upload's id and everything a reader needs to
 * fetch, check and decrypt it. The key never leaves the encrypted content.
 * Spec: docs/PROTOCOL.md#6-attachments
 */
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES } from '../crypto/attachment-size';
import { FixedBase64url, Hash32, Uuid } from '../schemas/common';
import { isUniqueBy } from './content-text';

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** One encrypted attachment as the content that carries it describes it. */
export const AttachmentRef = z.strictObject({
  /** The id the server gave the upload; the entry's `meta.attachments` lists the same id. */
  id: Uuid,
  /** The file name to offer on download. */
  name: z.string().min(1).max(255),
  /** Lower-case media type, `image/jpeg`, `application/pdf`. */
  mediaType: z.string().regex(MEDIA_TYPE, 'must be a lower-case media type such as application/pdf'),
  /** Plaintext size in bytes (at most 50 MiB). */
  size: z.number().int().min(0).max(ATTACHMENT_MAX_BYTES),
  /** The secretstream key, 32 bytes. */
  key: FixedBase64url(32),
  /** The secretstream header, 24 bytes (also the first bytes of the stored stream). */
  header: FixedBase64url(24),
  /** The ciphertext digest (§6.3) the download must match. */
  digest: Hash32,
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** The files an entry carries: at most 32 (as `meta.attachments`), each once. */
export const AttachmentRefs = z
  .array(AttachmentRef)
  .max(32)
  .refine((items) => isUniqueBy(items, (ref) => ref.id), 'each attachment is listed once');
