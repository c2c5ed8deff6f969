import type { AttachmentRef } from '../../shared/content/attachment-ref';
import type { ContentOf } from '../../shared/content/entry-content';

/** The child record of a benchmark case: the least a case needs (as the tests write it). */
export const caseRecord = (given: string): Omit<ContentOf<'case_open'>, 'type'> => ({
  names: [{ given, family: 'Kovalenko', kind: 'birth', script: 'Latn', language: 'uk', source: 'birth certificate' }],
  sex: 'female',
});

/** Meeting minutes of a typical length (about 600 bytes of content), with the attachments given. */
export const minutes = (subject: string, attachments: readonly AttachmentRef[] = []): ContentOf<'minutes'> => ({
  type: 'minutes',
  kind: 'meeting',
  date: '2026-11-20',
  place: 'Doha',
  participants: [{ name: 'Case officer' }, { name: 'Envoy of the other party' }],
  subject,
  text: `Minutes of ${subject}. ${'The parties reviewed the list of children and the documents received. '.repeat(6)}`,
  attachments: [...attachments],
});
