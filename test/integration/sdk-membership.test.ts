import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import type { ContentOf } from '../../shared/content/entry-content';
import { enrolMember } from '../helpers/sdk-entries';
import { expectProblem, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const letter = (subject: string): ContentOf<'letter'> => ({
  type: 'letter',
  subject,
  body: `${subject}.`,
  attachments: [],
});

// Issue 11, must-show 4: a stream's membership changes only by consent of its member parties.
describe('membership by consent, through the Node SDK', () => {
  let server: TestServer;
  let parties: Record<'a' | 'b' | 'c', string>;
  let envoyA: ParleyPerson;
  let envoyB: ParleyPerson;
  let envoyC: ParleyPerson;
  let threadId: string;
  let proposal: string;

  /** Who a person's entry was sealed to, as envoy A reads it back (verified). */
  const readersOf = async (entryHash: string) => {
    const entry = (await envoyA.readStream(threadId)).find((candidate) => candidate.entryHash === entryHash);
    return entry?.header.recipients.map((recipient) => recipient.person).sort();
  };

  beforeAll(async () => {
    server = await startTestServer();
    const [a, b, c] = [
      await startParty(server, 'Republic of Avalon'),
      await startParty(server, 'Kingdom of Lyonesse'),
      await startParty(server, 'State of Qatar (intermediary)'),
    ];
    parties = { a: a.partyId, b: b.partyId, c: c.partyId };
    envoyA = await enrolMember(server, a.admin, { partyId: a.partyId, role: 'envoy', name: 'Eve Envoy' });
    envoyB = await enrolMember(server, b.admin, { partyId: b.partyId, role: 'envoy', name: 'Bo Envoy' });
    envoyC = await enrolMember(server, c.admin, { partyId: c.partyId, role: 'envoy', name: 'Cas Envoy' });
    ({ streamId: threadId } = await envoyA.openThread({ parties: [parties.a, parties.b], subject: 'Back channel' }));
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('keeps party C out of an A–B thread that B alone asked to add it to, and shows A the request', async () => {
    ({ entryHash: proposal } = await envoyB.proposeMembership(threadId, {
      add: [parties.c],
      reason: 'Qatar will carry the lists',
    }));
    const membership = await envoyA.membership(threadId);
    expect([...membership.members].sort()).toEqual([parties.a, parties.b].sort());
    expect(membership.pending).toMatchObject([{ hash: proposal, proposer: parties.b, add: [parties.c], remove: [] }]);
    const { entryHash } = await envoyA.append(threadId, { type: 'letter', content: letter('Not yet') });
    expect(await readersOf(entryHash)).toEqual([envoyA.personId, envoyB.personId].sort());
    await expectProblem(envoyC.readStream(threadId), 'notStreamMember');
    await expectProblem(envoyC.append(threadId, { type: 'letter', content: letter('Let me in') }), 'notStreamMember');
  });

  it("lets C in once A consents: A's next letter reaches C, who reads it", async () => {
    await envoyA.consentToMembership(threadId, proposal, 'Agreed');
    expect([...(await envoyA.membership(threadId)).members].sort()).toEqual(Object.values(parties).sort());
    const { entryHash } = await envoyA.append(threadId, { type: 'letter', content: letter('Welcome') });
    expect(await readersOf(entryHash)).toEqual([envoyA.personId, envoyB.personId, envoyC.personId].sort());
    const seen = (await envoyC.readStream(threadId)).find((entry) => entry.entryHash === entryHash);
    expect(seen?.content).toMatchObject({ type: 'letter', subject: 'Welcome' });
  });

  it('refuses a second consent to a change already made', async () => {
    await expectProblem(envoyB.consentToMembership(threadId, proposal), 'entryInvalid');
  });

  it('does not let B remove A, the opener, without A’s consent', async () => {
    await envoyB.proposeMembership(threadId, { remove: [parties.a], reason: 'We would rather talk to Qatar alone' });
    await envoyC.consentToMembership(threadId, (await envoyC.membership(threadId)).pending[0]?.hash ?? '');
    const membership = await envoyA.membership(threadId);
    expect(membership.members.has(parties.a)).toBe(true);
    expect(membership.pending).toHaveLength(1);
    const { entryHash } = await envoyA.append(threadId, { type: 'letter', content: letter('Still here') });
    expect(await readersOf(entryHash)).toContain(envoyA.personId);
  });

  it('lets B leave on its own, after which A’s letters no longer reach B and B can no longer write', async () => {
    await envoyB.leave(threadId, 'Our part is done');
    expect([...(await envoyA.membership(threadId)).members].sort()).toEqual([parties.a, parties.c].sort());
    const { entryHash } = await envoyA.append(threadId, { type: 'letter', content: letter('Without B') });
    expect(await readersOf(entryHash)).toEqual([envoyA.personId, envoyC.personId].sort());
    await expectProblem(envoyB.append(threadId, { type: 'letter', content: letter('Wait') }), 'notStreamMember');
  });
});
