import { describe, expect, it } from 'vitest';
import { correctionsOf, effectiveContent, indexEntries, retractionOf } from './entry-corrections';
import { buildUsChannel } from './sample-channel';
import { at, PEOPLE } from './sample-people';

describe('entry corrections', () => {
  it('lets a retraction that is itself retracted lapse, and ignores a retraction by another party', () => {
    const channel = buildUsChannel();
    const retract = (target: typeof channel.retraction, by: typeof PEOPLE.ruStaff, day: string) =>
      channel.log.append({
        stream: target.header.stream,
        kind: 'case',
        author: by,
        at: at(day),
        refs: [target],
        content: { type: 'retraction', reason: 'Withdrawn.' },
      });
    retract(channel.ivanLocated, PEOPLE.uaStaff, '11-20');
    expect(retractionOf(channel.ivanInTransit, indexEntries(channel.entries))).toBeDefined();
    retract(channel.retraction, PEOPLE.ruStaff, '11-21');
    const index = indexEntries(channel.entries);
    expect(retractionOf(channel.ivanInTransit, index)).toBeUndefined();
    expect(retractionOf(channel.ivanLocated, index)).toBeUndefined();
  });

  it('ignores an amendment whose replacement is of another type', () => {
    const channel = buildUsChannel();
    channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-20'),
      refs: [channel.letter],
      content: {
        type: 'amendment',
        replacement: { type: 'non_paper', subject: 's', body: 'b', attachments: [], attribution: 'none' },
        reason: 'Reclassified.',
      },
    });
    const corrections = correctionsOf(channel.letter, indexEntries(channel.entries));
    expect(corrections.amendments).toEqual([]);
    expect(effectiveContent(channel.letter, corrections)).toEqual(channel.letter.content);
  });

  it('indexes each entry once even when given twice', () => {
    const channel = buildUsChannel();
    const index = indexEntries([...channel.entries, ...channel.entries]);
    expect(index.byHash.size).toBe(channel.entries.length);
    expect(index.answers.get(channel.letter.entryHash)).toHaveLength(2);
  });
});
