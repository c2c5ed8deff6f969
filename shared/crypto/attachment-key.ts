/**
 * Attachment keys: each file is encrypted under its own random secretstream key, which travels
 * inside the (encrypted) content of the entry that carries the file.
 * Spec: docs/PROTOCOL.md#6-attachments
 */
import { AttachmentError } from './attachment-error';
import { sodium } from './sodium';

/** A 32-byte `crypto_secretstream_xchacha20poly1305` key. */
export type AttachmentKey = Uint8Array & { readonly __brand: 'AttachmentKey' };

/** Length of an attachment key. */
export const ATTACHMENT_KEY_BYTES = 32;

/** A fresh random attachment key (`crypto_secretstream_xchacha20poly1305_keygen`). */
export const generateAttachmentKey = (): AttachmentKey =>
  sodium.crypto_secretstream_xchacha20poly1305_keygen() as AttachmentKey;

/** Brands 32 bytes as an attachment key; throws an `AttachmentError` ('invalid-key') for any other length. */
export const asAttachmentKey = (bytes: Uint8Array): AttachmentKey => {
  if (bytes.length !== ATTACHMENT_KEY_BYTES) {
    throw new AttachmentError('invalid-key', `an attachment key is ${ATTACHMENT_KEY_BYTES} bytes, got ${bytes.length}`);
  }
  return bytes as AttachmentKey;
};
