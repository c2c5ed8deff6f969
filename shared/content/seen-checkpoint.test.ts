import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8String } from '../encoding/bytes';
import { ContentError } from './content-error';
import { decodeContent, decodePlaintext } from './decode-content';
import { encodeContent } from './encode-content';
import type { EntryContent } from './entry-content';
import { SEEN_CHECKPOINT_MAX_LENGTH } from './seen-checkpoint';

const letter: EntryContent = { type: 'letter', subject: 'Reply', body: 'Soon.', attachments: [] };
const note = 'parley.test/log\n3\nAAAA\n\n\u2014 parley.test/log AbCd\n';

const reasonOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ContentError ? error.reason : String(error);
  }
  return undefined;
};

describe('the gossiped checkpoint beside the content (seenCheckpoint)', () => {
  it('is a top-level member of the canonical content JSON, in key order', () => {
    expect(utf8String(encodeContent(letter, { seenCheckpoint: note }))).toBe(
      '{"attachments":[],"body":"Soon.","seenCheckpoint":"parley.test/log\\n3\\nAAAA\\n\\n\u2014 parley.test/log AbCd\\n","subject":"Reply","type":"letter"}',
    );
    expect(encodeContent(letter, {})).toEqual(encodeContent(letter));
    expect(encodeContent(letter, { seenCheckpoint: undefined })).toEqual(encodeContent(letter));
  });

  it('decodes back beside the content, which stays exactly what its schema allows', () => {
    const bytes = encodeContent(letter, { seenCheckpoint: note });
    expect(decodePlaintext(bytes, 'letter')).toEqual({ content: letter, seenCheckpoint: note });
    expect(decodeContent(bytes, 'letter')).toEqual(letter);
    expect(decodePlaintext(encodeContent(letter), 'letter')).toEqual({ content: letter });
  });

  it('refuses a gossiped checkpoint that is empty, too long or not a string, when writing and reading', () => {
    const tooLong = 'x'.repeat(SEEN_CHECKPOINT_MAX_LENGTH + 1);
    for (const seenCheckpoint of ['', tooLong]) {
      expect(reasonOf(() => encodeContent(letter, { seenCheckpoint }))).toBe('invalid-content');
      const bytes = utf8Bytes(
        utf8String(encodeContent(letter)).replace(
          '"subject"',
          `"seenCheckpoint":${JSON.stringify(seenCheckpoint)},"subject"`,
        ),
      );
      expect(reasonOf(() => decodePlaintext(bytes, 'letter'))).toBe('invalid-content');
    }
    const number = utf8Bytes('{"attachments":[],"body":"Soon.","seenCheckpoint":3,"subject":"Reply","type":"letter"}');
    expect(reasonOf(() => decodePlaintext(number, 'letter'))).toBe('invalid-content');
    expect(reasonOf(() => encodeContent(letter, { seenCheckpoint: 3 as unknown as string }))).toBe('invalid-content');
  });

  it('keeps the canonical-form rule: the member out of order is refused', () => {
    const unsorted = utf8Bytes(
      `{"attachments":[],"body":"Soon.","subject":"Reply","seenCheckpoint":${JSON.stringify(note)},"type":"letter"}`,
    );
    expect(reasonOf(() => decodePlaintext(unsorted, 'letter'))).toBe('not-canonical');
  });

  it('is refused inside a nested content object, where no schema allows it', () => {
    const nested = encodeContent({
      type: 'amendment',
      reason: 'Typo',
      replacement: letter,
    } as unknown as EntryContent);
    const smuggled = utf8Bytes(utf8String(nested).replace('"body":"Soon.",', `"body":"Soon.","seenCheckpoint":"x",`));
    expect(reasonOf(() => decodePlaintext(smuggled, 'amendment'))).toBe('invalid-content');
  });
});
