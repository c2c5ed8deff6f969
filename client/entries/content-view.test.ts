import { describe, expect, it } from 'vitest';
import type { EntryContent } from '../../shared/content/entry-content';
import { toContentView } from './content-view';

const ENTRY = 'e'.repeat(43);
const REF = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'photo.png',
  mediaType: 'image/png',
  size: 1234,
  key: 'k'.repeat(43),
  header: 'h'.repeat(32),
  digest: 'd'.repeat(43),
};

describe('toContentView', () => {
  it('replaces every attachment key, header and digest with a handle', () => {
    const letter: EntryContent = { type: 'letter', subject: 'S', body: 'B', attachments: [REF] };
    const amendment: EntryContent = { type: 'amendment', reason: 'typo', replacement: letter };
    for (const content of [letter, amendment]) {
      const text = JSON.stringify(toContentView(content, ENTRY));
      expect(text).not.toContain(REF.key);
      expect(text).not.toContain(REF.header);
      expect(text).not.toContain(REF.digest);
      expect(text).toContain(`"handle":"${ENTRY}/${REF.id}"`);
    }
    expect(toContentView(letter, ENTRY)).toEqual({
      type: 'letter',
      subject: 'S',
      body: 'B',
      attachments: [{ handle: `${ENTRY}/${REF.id}`, name: 'photo.png', mediaType: 'image/png', size: 1234 }],
    });
  });

  it('leaves disclosed content keys out of a disclosure', () => {
    const disclosure: EntryContent = {
      type: 'disclosure',
      purpose: 'joint check',
      scope: 'entries',
      grants: [{ entryHash: ENTRY, contentKey: REF.key }],
    };
    expect(JSON.stringify(toContentView(disclosure, ENTRY))).not.toContain(REF.key);
  });
});
