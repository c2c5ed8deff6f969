import { describe, expect, it } from 'vitest';
import { blobMediaType } from './blob-media-type';

describe('blobMediaType', () => {
  it('keeps inert image types, so photos still show', () => {
    expect(blobMediaType('image/jpeg')).toBe('image/jpeg');
    expect(blobMediaType('IMAGE/PNG; charset=binary')).toBe('image/png');
  });

  it('turns every type that could run script in this origin into a download', () => {
    for (const type of [
      'text/html',
      'image/svg+xml',
      'application/xhtml+xml',
      'text/javascript',
      'application/pdf',
      '',
    ]) {
      expect(blobMediaType(type)).toBe('application/octet-stream');
    }
  });
});
