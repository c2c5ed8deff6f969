/**
 * What search looks through: one document per child record, letter, note, minutes or agreed
 * minutes this browser verified and decrypted. Built from the loaded streams; nothing leaves here.
 */
import { caseSummary } from '../../entries/case-view';
import type { LoadedStreams } from '../../entries/load-streams';
import type { VerifiedStream } from '../../entries/read-stream';
import { textsOf } from './search-text';

/** What kind of record a hit is, for the filter and the label. */
export type SearchKind = 'child' | 'letter' | 'minutes';

/** One searchable record and where it is shown. */
export type SearchDocument = {
  readonly id: string;
  readonly kind: SearchKind;
  readonly title: string;
  readonly text: string;
  readonly link: string;
};

const LETTER_TYPES = new Set(['letter', 'note_verbale', 'aide_memoire', 'non_paper']);
const MINUTES_TYPES = new Set(['minutes', 'agreed_minutes']);

const streamLink = (verified: VerifiedStream) =>
  `/${verified.stream.kind === 'case' ? 'cases' : 'threads'}/${verified.stream.id}`;

const childDocument = (verified: VerifiedStream, loaded: LoadedStreams, now: Date): SearchDocument | undefined => {
  const opening = verified.entries.find(({ entry }) => entry.header.type === 'case_open');
  if (opening?.content.state !== 'decrypted') {
    return undefined;
  }
  const summary = caseSummary(verified, loaded.names, now);
  return {
    id: opening.entry.entryHash,
    kind: 'child',
    title: `${summary.displayName ?? 'Unnamed child'} (case ${summary.reference})`,
    text: [...summary.nameVariants, ...textsOf(opening.content.content)].join(' \n'),
    link: streamLink(verified),
  };
};

const entryDocuments = (verified: VerifiedStream): SearchDocument[] =>
  verified.entries.flatMap(({ entry, content }) => {
    if (content.state !== 'decrypted') {
      return [];
    }
    const kind = LETTER_TYPES.has(content.content.type)
      ? 'letter'
      : MINUTES_TYPES.has(content.content.type)
        ? 'minutes'
        : undefined;
    if (kind === undefined) {
      return [];
    }
    const texts = textsOf(content.content);
    return [
      {
        id: entry.entryHash,
        kind,
        title: `${texts[0] ?? kind}`.slice(0, 120),
        text: texts.join(' \n'),
        link: `${streamLink(verified)}#entry-${entry.entryHash}`,
      },
    ];
  });

/** Every searchable document of the verified streams (broken streams included: they are marked there). */
export const searchDocuments = (loaded: LoadedStreams, now: Date): SearchDocument[] =>
  loaded.streams.flatMap((verified) => {
    const child = verified.stream.kind === 'case' ? childDocument(verified, loaded, now) : undefined;
    return [...(child ? [child] : []), ...entryDocuments(verified)];
  });
