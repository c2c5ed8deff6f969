/**
 * Why an attachment stream was refused.
 * Spec: docs/PROTOCOL.md#6-attachments
 */

/** Every refusal of the attachment encryptor and decryptor. */
export type AttachmentFailure =
  | 'invalid-key'
  | 'invalid-header'
  | 'chunk-size'
  | 'too-large'
  | 'after-final'
  | 'tampered'
  | 'unexpected-tag'
  | 'truncated'
  | 'failed-earlier';

/** An attachment could not be encrypted or decrypted; `reason` says which rule was broken. */
export class AttachmentError extends Error {
  override readonly name = 'AttachmentError';
  /** The rule that was broken. */
  readonly reason: AttachmentFailure;

  constructor(reason: AttachmentFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}
