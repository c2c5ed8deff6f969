import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAttachmentHasher } from './attachment-hash';
import { taggedHash } from './tagged';

describe('createAttachmentHasher', () => {
  it('equals the one-shot tagged hash and node:crypto SHA-256, however the stream is split', () => {
    const stream = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
    const hasher = createAttachmentHasher();
    hasher.update(stream.subarray(0, 24));
    hasher.update(stream.subarray(24, 500));
    hasher.update(stream.subarray(500));
    const digest = hasher.digest();
    expect(digest).toEqual(taggedHash('parley/attachment/v1', stream));
    expect(Buffer.from(digest)).toEqual(
      createHash('sha256').update('parley/attachment/v1\u0000').update(stream).digest(),
    );
  });
});
