import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, attachmentChunkCount, encryptedAttachmentSize } from './attachment-size';

describe('encryptedAttachmentSize', () => {
  it.each([
    [0, 1, 24 + 17],
    [1, 1, 24 + 1 + 17],
    [65_535, 1, 24 + 65_535 + 17],
    [65_536, 1, 24 + 65_536 + 17],
    [65_537, 2, 24 + 65_537 + 34],
    [ATTACHMENT_MAX_BYTES, 800, 24 + ATTACHMENT_MAX_BYTES + 800 * 17],
  ])('frames %i bytes in %i chunks, %i bytes in all', (plainSize, chunks, size) => {
    expect(attachmentChunkCount(plainSize)).toBe(chunks);
    expect(encryptedAttachmentSize(plainSize)).toBe(size);
  });

  it.each([-1, 0.5, ATTACHMENT_MAX_BYTES + 1])('refuses %s bytes', (plainSize) => {
    expect(() => encryptedAttachmentSize(plainSize)).toThrow(RangeError);
  });
});
