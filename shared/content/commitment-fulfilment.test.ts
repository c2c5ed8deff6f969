import { describe, expect, it } from 'vitest';
import { commitmentState } from './commitment-state';
import { buildUsChannel } from './sample-channel';
import { at, PEOPLE } from './sample-people';

const now = new Date('2025-12-05T00:00:00.000Z');

describe('fulfilment of a commitment, case by case', () => {
  it('counts a return only once the receiving side has acknowledged it: 4 of the 8 children', () => {
    const channel = buildUsChannel();
    const view = commitmentState(channel.entries, channel.eight.entryHash, now);
    expect(view?.cases.map((item) => item.state)).toEqual([
      'acknowledged', // Olena: returned, receipt by Ukraine
      'acknowledged', // Maksym
      'acknowledged', // Daryna
      'acknowledged', // Artem: handover claimed, evidence acknowledged after the claim
      'awaiting_acknowledgement', // Sofiia: returned according to Russia only
      'disputed', // Bohdan: Ukraine's counter-claim
      'open', // Ivan
      'open', // Anna
    ]);
    expect([view?.fulfilled, view?.total]).toEqual([4, 8]);
  });

  it("records Sofiia's unconfirmed return as evidence awaiting a receipt", () => {
    const channel = buildUsChannel();
    const sofiia = commitmentState(channel.entries, channel.eight.entryHash, now)?.cases[4];
    expect(sofiia).toEqual({
      caseId: channel.caseIds[4],
      state: 'awaiting_acknowledgement',
      evidence: [channel.sofiiaReturned.entryHash],
      disputedBy: [],
    });
  });

  it('counts the return once Ukraine acknowledges it, and not for a receipt by the intermediary', () => {
    const channel = buildUsChannel();
    channel.log.acknowledge(channel.sofiiaReturned, PEOPLE.usEnvoy, at('11-25'));
    expect(commitmentState(channel.entries, channel.eight.entryHash, now)?.fulfilled).toBe(4);
    const receipt = channel.log.acknowledge(channel.sofiiaReturned, PEOPLE.uaStaff, at('11-26'));
    const sofiia = commitmentState(channel.entries, channel.eight.entryHash, now)?.cases[4];
    expect(sofiia?.state).toBe('acknowledged');
    expect(sofiia?.acknowledgement).toEqual({
      entryHash: receipt.entryHash,
      person: PEOPLE.uaStaff.id,
      receivedAt: receipt.receivedAt,
    });
  });

  it('keeps the counter-claimed return of Bohdan from counting, with the dispute beside it', () => {
    const channel = buildUsChannel();
    channel.log.acknowledge(channel.bohdanReturned, PEOPLE.uaStaff, at('11-25'));
    const bohdan = commitmentState(channel.entries, channel.adults.entryHash, now)?.cases[2];
    expect(bohdan).toMatchObject({ state: 'disputed', disputedBy: [channel.caseCounterClaim.entryHash] });
  });

  it('does not take an earlier receipt of a biography as confirming a later fulfilment claim', () => {
    const channel = buildUsChannel();
    const { append, acknowledge } = channel.log;
    const biography = channel.entries.find(
      (entry) => entry.header.stream === channel.caseIds[4] && entry.content?.type === 'evidence',
    );
    if (!biography) {
      throw new Error('the sample has a biography for every child');
    }
    acknowledge(biography, PEOPLE.uaStaff, at('11-20'));
    append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.ruEnvoy,
      at: at('11-21'),
      refs: [channel.adults],
      content: {
        type: 'commitment_update',
        fulfilment: { caseId: channel.caseIds[4] ?? '', evidenceEntry: biography.entryHash },
        note: '',
      },
    });
    const sofiia = () => commitmentState(channel.entries, channel.adults.entryHash, now)?.cases[1];
    expect(sofiia()?.state).toBe('awaiting_acknowledgement');
    acknowledge(biography, PEOPLE.uaEnvoy, at('11-22'));
    expect(sofiia()?.state).toBe('acknowledged');
  });

  it('ignores a fulfilment claimed by the receiving side or for a case out of scope', () => {
    const channel = buildUsChannel();
    const claim = (by: typeof PEOPLE.uaEnvoy, caseId: string) =>
      channel.log.append({
        stream: channel.thread,
        kind: 'thread',
        author: by,
        at: at('11-25'),
        refs: [channel.adults],
        content: {
          type: 'commitment_update',
          fulfilment: { caseId, evidenceEntry: channel.handover.entryHash },
          note: '',
        },
      });
    const byUkraine = claim(PEOPLE.uaEnvoy, channel.caseIds[4] ?? '');
    const outOfScope = claim(PEOPLE.ruEnvoy, channel.caseIds[0] ?? '');
    expect(commitmentState(channel.entries, channel.adults.entryHash, now)?.ignoredUpdates).toEqual([
      { entryHash: byUkraine.entryHash, reason: 'fulfilment claimed by a non-obligor' },
      { entryHash: outOfScope.entryHash, reason: 'case not in scope' },
    ]);
  });
});
