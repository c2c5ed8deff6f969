import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntryNotice, EventSubscription } from '../../client/sdk/entry-events';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { ApiProblem } from '../../shared/api/client';
import { sessionRoutes } from '../../shared/api/identity';
import type { ContentOf } from '../../shared/content/entry-content';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** A subscription with what it heard and how it ended. */
type Listening = { stop: EventSubscription; heard: EntryNotice[]; ended: unknown[] };

/** Opens a stream; a 429 while the server has not yet seen earlier streams close is retried. */
const listen = async (person: ParleyPerson): Promise<Listening> => {
  for (let attempt = 0; ; attempt += 1) {
    const heard: EntryNotice[] = [];
    const ended: unknown[] = [];
    const stop = person.events((notice) => heard.push(notice), { onError: (error) => ended.push(error) });
    try {
      await stop.ready;
      return { stop, heard, ended };
    } catch (error) {
      if (!(error instanceof ApiProblem && error.problem.status === 429) || attempt >= 50) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};

const letter = (subject: string): ContentOf<'letter'> => ({ type: 'letter', subject, body: 'Text.', attachments: [] });

describe('live event streams: audience, caps, and ending with the session', () => {
  let server: TestServer;
  let admin: ParleyPerson;
  let envoyA: ParleyPerson;
  let envoyB: ParleyPerson;
  let staffA: ParleyPerson;
  let staffA2: ParleyPerson;
  let envoyC: ParleyPerson;
  let partyA: string;
  let partyB: string;
  let partyC: string;
  const listening: Listening[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      limits: generousCeremonyLimits(),
      env: { LIVE_STREAMS_PER_SESSION: '2', LIVE_STREAMS_MAX: '5' },
    });
    ({ admin, partyId: partyA } = await enrolBootstrapAdmin(server, 'Office A', 'Ada Admin'));
    let adminB: ParleyPerson;
    ({ admin: adminB, partyId: partyB } = await startParty(server, 'Delegation B'));
    envoyA = await enrolMember(server, admin, { partyId: partyA, role: 'envoy', name: 'Eve A' });
    envoyB = await enrolMember(server, adminB, { partyId: partyB, role: 'envoy', name: 'Bo B' });
    staffA = await enrolMember(server, admin, { partyId: partyA, role: 'staff', name: 'Sam A' });
    staffA2 = await enrolMember(server, admin, { partyId: partyA, role: 'staff', name: 'Sue A' });
    let adminC: ParleyPerson;
    ({ admin: adminC, partyId: partyC } = await startParty(server, 'Delegation C'));
    envoyC = await enrolMember(server, adminC, { partyId: partyC, role: 'envoy', name: 'Cy C' });
  });
  afterAll(async () => {
    for (const { stop } of listening) {
      stop();
    }
    await server?.shutdown();
  });

  it('a notice reaches the members of its stream, and a party that leaves it stops hearing at once', async () => {
    const b = await listen(envoyB);
    listening.push(b);
    const thread = await envoyA.openThread({ parties: [partyA, partyB], subject: 'Channel' });
    const first = await envoyA.append(thread.streamId, { type: 'letter', content: letter('Heard by B') });
    await vi.waitFor(() => expect(b.heard.map((n) => n.entryHash)).toContain(first.entryHash));
    const otherThread = await envoyA.openThread({ parties: [partyA], subject: 'A alone' });
    const unheard = await envoyA.append(otherThread.streamId, { type: 'letter', content: letter('Not for B') });

    await envoyB.append(thread.streamId, {
      type: 'membership',
      content: { type: 'membership', reason: 'B leaves the channel' },
      meta: { remove: [partyB] },
    });
    const after = await envoyA.append(thread.streamId, { type: 'letter', content: letter('After B left') });
    // A marker B may hear, so that "not heard" is checked after B's stream has caught up.
    const own = await envoyB.openThread({ parties: [partyB], subject: 'B alone' });
    await vi.waitFor(() => expect(b.heard.map((n) => n.entryHash)).toContain(own.entryHash));
    const hashes = b.heard.map((notice) => notice.entryHash);
    expect(hashes).not.toContain(unheard.entryHash);
    expect(hashes).not.toContain(after.entryHash);
    // Notices carry where, not what: nothing internal leaks into them.
    expect(Object.keys(b.heard[0] ?? {}).sort()).toEqual(['entryHash', 'leafIndex', 'seq', 'streamId']);
  });

  it('a party removed by the last consent to its removal stops hearing at once', async () => {
    const c = await listen(envoyC);
    try {
      const thread = await envoyA.openThread({ parties: [partyA, partyB, partyC], subject: 'Three' });
      const before = await envoyA.append(thread.streamId, { type: 'letter', content: letter('Heard by C') });
      await vi.waitFor(() => expect(c.heard.map((n) => n.entryHash)).toContain(before.entryHash));
      const { entryHash: proposal } = await envoyA.proposeMembership(thread.streamId, {
        remove: [partyC],
        reason: 'C steps out',
      });
      await envoyC.consentToMembership(thread.streamId, proposal);
      // B's consent is the last one: this entry, not a membership entry, takes C out.
      await envoyB.consentToMembership(thread.streamId, proposal);
      expect((await envoyA.membership(thread.streamId)).members.has(partyC)).toBe(false);
      const after = await envoyA.append(thread.streamId, { type: 'letter', content: letter('After C left') });
      const own = await envoyC.openThread({ parties: [partyC], subject: 'C alone' });
      await vi.waitFor(() => expect(c.heard.map((n) => n.entryHash)).toContain(own.entryHash));
      expect(c.heard.map((notice) => notice.entryHash)).not.toContain(after.entryHash);
    } finally {
      c.stop(); // the caps test below counts the streams open
    }
  });

  it('caps streams per session and for the whole server with a 429 too-many-streams problem', async () => {
    listening.push(await listen(envoyB)); // envoyB's second: at the cap of 2 per session
    const third = envoyB.events(() => undefined);
    const refusal = await third.ready.catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiProblem);
    expect((refusal as ApiProblem).problem).toMatchObject({ type: '/problems/too-many-streams', status: 429 });
    listening.push(await listen(envoyA), await listen(envoyA), await listen(staffA)); // 5 open: the server's cap
    const overall = staffA2.events(() => undefined);
    const refused = await overall.ready.catch((error: unknown) => error);
    expect((refused as ApiProblem).problem).toMatchObject({ type: '/problems/too-many-streams', status: 429 });
    for (const { stop } of listening.splice(0)) {
      stop();
    }
  });

  it('sign-out ends the streams of that session at once, not at the next heartbeat', async () => {
    const b = await listen(envoyB);
    listening.push(b);
    await envoyB.http.api(sessionRoutes.signOut);
    await vi.waitFor(() => expect(b.ended.length).toBe(1), { timeout: 5_000 });
  });

  it('revocation ends the revoked person’s streams at once', async () => {
    const a = await listen(envoyA);
    listening.push(a);
    await admin.revoke(envoyA.personId);
    await vi.waitFor(() => expect(a.ended.length).toBe(1), { timeout: 5_000 });
  });

  it('a session that goes idle loses its streams at the next check (at most one 25 s heartbeat)', {
    timeout: 60_000,
  }, async () => {
    const c = await listen(staffA);
    listening.push(c);
    await server.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where ended_at is null`,
    );
    await vi.waitFor(() => expect(c.ended.length).toBe(1), { timeout: 40_000, interval: 500 });
  });
});
