import { describe, expect, it } from 'vitest';
import { buildUsChannel } from '../../shared/content/sample-channel';
import { createSampleLog, type SamplePerson, sampleUuid } from '../../shared/content/sample-log';
import { at, PARTIES, PEOPLE } from '../../shared/content/sample-people';
import type { Role } from '../../shared/schemas/role';
import { entryWorkflows } from './workflow-view';

const people = Object.values(PEOPLE);
const as = (person: SamplePerson, role: Role = 'envoy') => ({ personId: person.id, partyId: person.party.id, role });
const NOW = new Date('2025-11-21T12:00:00Z');

const workflowOf = (hash: string, reader: ReturnType<typeof as>, now = NOW) => {
  const channel = buildUsChannel();
  const workflow = entryWorkflows(channel.entries, channel.entries, people, reader, now).get(hash);
  if (!workflow) {
    throw new Error(`no workflow for ${hash}`);
  }
  return workflow;
};

describe('entryWorkflows', () => {
  const channel = buildUsChannel();

  it('offers a receipt only to a recipient of another party whose party has not acknowledged yet', () => {
    expect(workflowOf(channel.reply.entryHash, as(PEOPLE.uaEnvoy)).canAcknowledge).toBe(true);
    // The United States already acknowledged; Russia wrote it.
    expect(workflowOf(channel.reply.entryHash, as(PEOPLE.usEnvoy)).canAcknowledge).toBe(false);
    expect(workflowOf(channel.reply.entryHash, as(PEOPLE.ruEnvoy)).canAcknowledge).toBe(false);
    expect(workflowOf(channel.reply.entryHash, as(PEOPLE.uaEnvoy)).receipts?.awaited).toEqual([PARTIES.UA.id]);
    // A receipt is not itself acknowledged.
    const receipt = channel.entries.find((entry) => entry.header.type === 'acknowledgement');
    expect(workflowOf(receipt?.entryHash ?? '', as(PEOPLE.usEnvoy)).receipts).toBeUndefined();
  });

  it('never offers to countersign a superseded version, nor one already agreed', () => {
    const old = workflowOf(channel.minutesV1.entryHash, as(PEOPLE.uaEnvoy));
    expect(old.minutes?.requested).toMatchObject({ version: 1, supersededBy: channel.minutesV2.entryHash });
    expect(old.minutes?.requested.awaiting).toEqual([PARTIES.UA.id]);
    expect(old).toMatchObject({ canCountersign: false, canSupersede: false });
    const agreed = workflowOf(channel.minutesV2.entryHash, as(PEOPLE.uaEnvoy));
    expect(agreed.minutes?.requested.isAgreed).toBe(true);
    expect(agreed).toMatchObject({ canCountersign: false, canSupersede: true });
  });

  it('offers countersigning the open version to an envoy of a listed party that has not signed, not to staff', () => {
    const log = createSampleLog(people);
    const thread = sampleUuid('thread/w');
    const draft = log.append({
      stream: thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-01'),
      meta: { parties: [PARTIES.US.id, PARTIES.RU.id] },
      content: {
        type: 'agreed_minutes',
        title: 'Draft',
        date: '2025-11-01',
        participants: [{ name: 'Envoy' }],
        clauses: [{ number: 1, text: 'Clause.' }],
        attachments: [],
      },
    });
    const signature = log.append({
      stream: thread,
      kind: 'thread',
      author: PEOPLE.usEnvoy,
      at: at('11-02'),
      refs: [draft],
      meta: { intent: 'approve' },
      content: { type: 'countersignature' },
    });
    const read = (reader: ReturnType<typeof as>) => entryWorkflows(log.entries, log.entries, people, reader, NOW);
    expect(read(as(PEOPLE.ruEnvoy)).get(draft.entryHash)?.canCountersign).toBe(true);
    expect(read(as(PEOPLE.ruStaff, 'staff')).get(draft.entryHash)?.canCountersign).toBe(false);
    expect(read(as(PEOPLE.usEnvoy)).get(draft.entryHash)?.canCountersign).toBe(false);
    // Ukraine is not listed among the parties of these minutes.
    expect(read(as(PEOPLE.uaEnvoy)).get(draft.entryHash)?.canCountersign).toBe(false);
    expect(read(as(PEOPLE.ruEnvoy)).get(signature.entryHash)?.minutes?.requested.awaiting).toEqual([PARTIES.RU.id]);
  });

  it("derives a commitment's state for the reader's own date", () => {
    const before = workflowOf(channel.eight.entryHash, as(PEOPLE.uaEnvoy), new Date('2025-11-21T00:00:00Z'));
    const after = workflowOf(channel.eight.entryHash, as(PEOPLE.uaEnvoy), new Date('2025-12-01T00:00:00Z'));
    expect(before.commitment?.isOverdue).toBe(false);
    expect(after.commitment).toMatchObject({ isOverdue: true, status: 'overdue' });
  });

  it('lists disputes beside the entry they contest, and offers disputing only what another party wrote', () => {
    const returned = workflowOf(channel.bohdanReturned.entryHash, as(PEOPLE.uaStaff, 'staff'));
    expect(returned.disputes).toEqual([
      expect.objectContaining({
        entryHash: channel.caseCounterClaim.entryHash,
        party: PARTIES.UA.id,
        reasons: ['The young man handed over is not Bohdan Kravets.'],
        counterClaim: expect.stringContaining('has not been returned'),
      }),
    ]);
    expect(returned.canDispute).toBe(true);
    expect(workflowOf(channel.bohdanReturned.entryHash, as(PEOPLE.ruStaff, 'staff')).canDispute).toBe(false);
    expect(workflowOf(channel.bohdanReturned.entryHash, as(PEOPLE.ruStaff, 'admin')).canDispute).toBe(false);
  });
});
