import { describe, expect, it } from 'vitest';
import { receiptsFor } from './receipts-for';
import { buildUsChannel } from './sample-channel';
import { at, PARTIES, PEOPLE } from './sample-people';

const people = Object.values(PEOPLE);
const { RU, UA, US } = PARTIES;

describe('receiptsFor', () => {
  it('lists who acknowledged a letter and when', () => {
    const channel = buildUsChannel();
    const receipts = receiptsFor(channel.letter, channel.entries, people);
    expect([...receipts.recipientParties].sort()).toEqual([RU.id, UA.id].sort());
    expect(receipts.acknowledged.map((receipt) => [receipt.party, receipt.person, receipt.receivedAt])).toEqual([
      [RU.id, PEOPLE.ruEnvoy.id, '2025-10-03T09:00:00.000Z'],
      [UA.id, PEOPLE.uaEnvoy.id, '2025-10-03T09:00:00.000Z'],
    ]);
    expect(receipts.awaited).toEqual([]);
  });

  it('awaits the party that has not acknowledged the reply', () => {
    const channel = buildUsChannel();
    const receipts = receiptsFor(channel.reply, channel.entries, people);
    expect(receipts.acknowledged.map((receipt) => receipt.party)).toEqual([US.id]);
    expect(receipts.awaited).toEqual([UA.id]);
  });

  it("expects no receipt from the author's own party, nor from people who were not sent the entry", () => {
    const channel = buildUsChannel();
    const internal = channel.log.append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.uaEnvoy,
      at: at('11-01'),
      recipients: [PEOPLE.uaEnvoy, PEOPLE.uaStaff],
      content: {
        type: 'minutes',
        kind: 'call',
        date: '2025-11-01',
        medium: 'telephone',
        participants: [{ name: 'Envoy' }],
        subject: 'Internal',
        text: 'Our own record.',
        attachments: [],
      },
    });
    const receipts = receiptsFor(internal, channel.entries, people);
    expect(receipts).toMatchObject({ recipientParties: [], acknowledged: [], awaited: [] });
  });

  it('ignores a receipt by a non-recipient and a retracted receipt, and reports recipients it cannot place', () => {
    const channel = buildUsChannel();
    const { append, acknowledge } = channel.log;
    const note = append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.ruEnvoy,
      at: at('11-01'),
      recipients: [PEOPLE.ruEnvoy, PEOPLE.usEnvoy, PEOPLE.uaEnvoy],
      content: {
        type: 'note_verbale',
        subject: 'List',
        body: 'The Embassy presents its compliments…',
        attachments: [],
        number: 7,
      },
    });
    acknowledge(note, PEOPLE.uaStaff, at('11-02'));
    const receipt = acknowledge(note, PEOPLE.usEnvoy, at('11-02'));
    append({
      stream: channel.thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-03'),
      refs: [receipt],
      content: { type: 'retraction', reason: 'Acknowledged by mistake.' },
    });
    const receipts = receiptsFor(
      note,
      channel.entries,
      people.filter((person) => person !== PEOPLE.usEnvoy),
    );
    expect(receipts.acknowledged).toEqual([]);
    expect(receipts.awaited).toEqual([UA.id]);
    expect(receipts.unknownRecipients).toEqual([PEOPLE.usEnvoy.id]);
  });
});
