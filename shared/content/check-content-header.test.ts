import { describe, expect, it } from 'vitest';
import type { AttachmentRef } from './attachment-ref';
import { checkContentHeader } from './check-content-header';
import type { EntryContent } from './entry-content';
import { buildUsChannel } from './sample-channel';
import { sampleBytes, sampleUuid } from './sample-log';

const file = (label: string): AttachmentRef => ({
  id: sampleUuid(label),
  name: `${label}.jpg`,
  mediaType: 'image/jpeg',
  size: 48_000,
  key: sampleBytes(`${label}/key`, 32),
  header: sampleBytes(`${label}/header`, 24),
  digest: sampleBytes(`${label}/digest`, 32),
});

describe('checkContentHeader', () => {
  const channel = buildUsChannel();
  const biography = channel.entries.find((entry) => entry.content?.type === 'evidence');
  if (!biography?.content) {
    throw new Error('the sample has biographies');
  }
  const header = { ...biography.header, meta: { attachments: [sampleUuid('photo-1')] } };
  const evidence = { ...biography.content, attachments: [file('photo-1')] } as EntryContent;

  it('accepts content that carries exactly the uploads the header claims', () => {
    expect(checkContentHeader(evidence, header)).toEqual([]);
    expect(checkContentHeader(biography.content as EntryContent, biography.header)).toEqual([]);
  });

  it('refuses a file the header does not claim, or a claimed upload the content has no key for', () => {
    expect(
      checkContentHeader({ ...evidence, attachments: [file('photo-1'), file('photo-2')] } as EntryContent, header),
    ).toEqual(['attachments']);
    expect(checkContentHeader(biography.content as EntryContent, header)).toEqual(['attachments']);
  });

  it('refuses evidence about a case the header does not link, and content of another type', () => {
    expect(
      checkContentHeader(
        { ...evidence, caseId: channel.caseIds.find((id) => id !== header.stream) } as EntryContent,
        header,
      ),
    ).toEqual(['evidence-case']);
    expect(checkContentHeader(evidence, { ...header, type: 'letter' })).toEqual(['type']);
  });

  it("lets an amendment keep the amended entry's files while listing only its new uploads", () => {
    const amendment: EntryContent = {
      type: 'amendment',
      replacement: {
        type: 'letter',
        subject: 'Corrected',
        body: 'With the list.',
        attachments: [file('old'), file('new')],
      },
      reason: 'List attached.',
    };
    const amendmentHeader = {
      ...channel.letter.header,
      type: 'amendment' as const,
      meta: { attachments: [sampleUuid('new')] },
    };
    expect(checkContentHeader(amendment, amendmentHeader)).toEqual([]);
    expect(checkContentHeader(amendment, { ...amendmentHeader, meta: { attachments: [sampleUuid('other')] } })).toEqual(
      ['attachments'],
    );
  });
});
