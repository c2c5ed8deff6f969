import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8String } from '../encoding/bytes';
import { ContentError } from './content-error';
import { decodeContent } from './decode-content';
import { encodeContent } from './encode-content';
import type { EntryContent } from './entry-content';
import { sampleChildren } from './sample-children';

const letter: EntryContent = { type: 'letter', subject: 'Reply', body: 'Biographies will follow.', attachments: [] };

const reasonOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ContentError ? error.reason : String(error);
  }
  return undefined;
};

describe('encodeContent', () => {
  it('writes canonical JSON: members sorted, no whitespace', () => {
    expect(utf8String(encodeContent(letter))).toBe(
      '{"attachments":[],"body":"Biographies will follow.","subject":"Reply","type":"letter"}',
    );
  });

  it('encodes a child record with Cyrillic names and decodes it back unchanged', () => {
    const [olena] = sampleChildren();
    expect(olena).toBeDefined();
    const bytes = encodeContent(olena as EntryContent);
    expect(decodeContent(bytes, 'case_open')).toEqual(olena);
    expect(utf8String(bytes)).toContain('"given":"Олена"');
  });

  it('refuses content that does not match its schema, without echoing it', () => {
    const error = (() => {
      try {
        encodeContent({ ...letter, subject: '' });
      } catch (caught) {
        return caught as ContentError;
      }
      return undefined;
    })();
    expect(error?.reason).toBe('invalid-content');
    expect(error?.message).toContain('subject');
  });

  it('refuses a member set to undefined, which canonical JSON cannot carry', () => {
    expect(reasonOf(() => encodeContent({ ...letter, salutation: undefined } as unknown as EntryContent))).toBe(
      'not-canonical',
    );
  });
});

describe('decodeContent', () => {
  it('refuses content of another type than its header says', () => {
    expect(reasonOf(() => decodeContent(encodeContent(letter), 'note_verbale'))).toBe('type-mismatch');
  });

  it.each([
    ['whitespace', '{"attachments": [],"body":"b","subject":"s","type":"letter"}'],
    ['unsorted members', '{"type":"letter","attachments":[],"body":"b","subject":"s"}'],
    ['a duplicate member', '{"attachments":[],"body":"b","subject":"s","subject":"t","type":"letter"}'],
    ['an exponent', '{"grants":[],"number":4.12e2,"type":"note_verbale"}'],
    ['a boolean', '{"names":[],"type":"case_open","unknownName":true}'],
    ['null', '{"attachments":[],"body":"b","salutation":null,"subject":"s","type":"letter"}'],
  ])('refuses bytes that are not canonical: %s', (_, text) => {
    expect(reasonOf(() => decodeContent(utf8Bytes(text), 'letter'))).toBe('not-canonical');
  });

  it('refuses bytes that are not JSON', () => {
    expect(reasonOf(() => decodeContent(utf8Bytes('{"type":'), 'letter'))).toBe('not-utf8-json');
    expect(reasonOf(() => decodeContent(new Uint8Array([0xff, 0xfe]), 'letter'))).toBe('not-utf8-json');
  });

  it('refuses canonical JSON that matches no content schema', () => {
    expect(reasonOf(() => decodeContent(utf8Bytes('{"body":"b","type":"letter"}'), 'letter'))).toBe('invalid-content');
    expect(reasonOf(() => decodeContent(utf8Bytes('{"type":"telegram"}'), 'letter'))).toBe('invalid-content');
  });
});
