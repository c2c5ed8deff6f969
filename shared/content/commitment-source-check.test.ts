import { describe, expect, it } from 'vitest';
import type { CommitmentSource } from './commitment-content';
import { checkCommitmentSource } from './commitment-source-check';
import { indexEntries } from './entry-corrections';
import { buildUsChannel } from './sample-channel';
import { sampleBytes } from './sample-log';
import { at, PEOPLE } from './sample-people';

describe('checkCommitmentSource', () => {
  it('accepts a clause of agreed minutes that every party countersigned', () => {
    const channel = buildUsChannel();
    const check = (source: CommitmentSource) => checkCommitmentSource(source, indexEntries(channel.entries));
    expect(check({ kind: 'agreed_minutes', entry: channel.minutesV2.entryHash, clause: 2 })).toBe('ok');
    expect(check({ kind: 'agreed_minutes', entry: channel.minutesV2.entryHash, clause: 9 })).toBe('clause_missing');
    expect(check({ kind: 'agreed_minutes', entry: channel.minutesV1.entryHash, clause: 1 })).toBe('not_agreed');
    expect(check({ kind: 'agreed_minutes', entry: channel.letter.entryHash, clause: 1 })).toBe('not_a_source');
    expect(check({ kind: 'agreed_minutes', entry: sampleBytes('elsewhere', 32), clause: 1 })).toBe('missing');
  });

  it('accepts an exchange of notes between two parties, never a non-paper or one side talking to itself', () => {
    const channel = buildUsChannel();
    const written = { subject: 'Returns', body: 'Proposal.', attachments: [] };
    const nonPaper = channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.ruEnvoy,
      at: at('11-01'),
      content: { type: 'non_paper', ...written, attribution: 'none' },
    });
    const usNote = channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-02'),
      content: { type: 'note_verbale', ...written, number: 3 },
    });
    const check = (a: { entryHash: string }, b: { entryHash: string }) =>
      checkCommitmentSource(
        { kind: 'exchange_of_notes', notes: [a.entryHash, b.entryHash] },
        indexEntries(channel.entries),
      );
    expect(check(channel.reply, usNote)).toBe('ok');
    expect(check(nonPaper, usNote)).toBe('not_a_source');
    expect(check(channel.letter, usNote)).toBe('not_a_source');
    channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-03'),
      refs: [usNote],
      content: { type: 'retraction', reason: 'Withdrawn.' },
    });
    expect(check(channel.reply, usNote)).toBe('retracted');
  });
});
