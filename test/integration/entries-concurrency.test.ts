import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import type { ChainConflict } from '../../client/sdk/person-entries';
import { driversUnderTest } from '../helpers/databases';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const CLIENTS = 10;
const APPENDS_EACH = 5;

/** What one client saw of one append: the hash it was acknowledged with, and the races it lost first. */
type Acknowledged = {
  readonly client: number;
  readonly turn: number;
  readonly entryHash: string;
  readonly conflicts: readonly ChainConflict[];
};

for (const driver of driversUnderTest()) {
  describe(`concurrent appends to one case through the Node SDK on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let clients: ParleyPerson[];
    let caseId: string;
    let caseOpenHash: string;

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer(created.options);
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner', 'Ada Admin');
      clients = [];
      // Ten people of one party (two ceremonies each: 20 of the 30 allowed per minute per address).
      for (let index = 0; index < CLIENTS; index += 1) {
        const role = index % 2 === 0 ? 'staff' : 'envoy';
        clients.push(await enrolMember(server, admin, { partyId, role, name: `Writer ${index}` }));
      }
      const opener = clients[0] as ParleyPerson;
      ({ streamId: caseId, entryHash: caseOpenHash } = await opener.openCase({
        parties: [partyId],
        record: childRecord('Taras'),
      }));
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('50 appends from 10 concurrent clients: each stored once, the chain continuous, losers got 409 then succeeded', {
      timeout: 240_000,
    }, async () => {
      const acknowledged: Acknowledged[] = [];
      await Promise.all(
        clients.map(async (person, client) => {
          for (let turn = 0; turn < APPENDS_EACH; turn += 1) {
            const conflicts: ChainConflict[] = [];
            const { entryHash } = await person.append(
              caseId,
              { type: 'minutes', content: meetingMinutes(`Call ${client}.${turn}`) },
              { maxAttempts: 100, onConflict: (conflict) => conflicts.push(conflict) },
            );
            acknowledged.push({ client, turn, entryHash, conflicts });
          }
        }),
      );
      const losses = acknowledged.flatMap((ack) => ack.conflicts);
      expect(acknowledged).toHaveLength(CLIENTS * APPENDS_EACH);
      expect(losses.length).toBeGreaterThan(0);
      // A loser's later attempts aim past the head it lost to, and it ended acknowledged.
      for (const ack of acknowledged.filter((candidate) => candidate.conflicts.length > 0)) {
        expect(ack.conflicts.map((conflict) => conflict.attempt)).toEqual(ack.conflicts.map((_, index) => index + 1));
        expect(ack.conflicts.every((conflict) => conflict.streamId === caseId)).toBe(true);
      }

      const read = await (clients[3] as ParleyPerson).readStream(caseId);
      const hashes = read.map((entry) => entry.entryHash);
      expect(read).toHaveLength(CLIENTS * APPENDS_EACH + 1);
      expect(read.map((entry) => entry.header.seq)).toEqual(read.map((_, index) => index + 1));
      expect(read.map((entry) => entry.header.prevHash)).toEqual(['', ...hashes.slice(0, -1)]);
      expect(new Set(hashes).size).toBe(hashes.length);
      expect(hashes[0]).toBe(caseOpenHash);
      for (const ack of acknowledged) {
        expect(hashes.filter((hash) => hash === ack.entryHash)).toHaveLength(1);
      }
      expect(new Set(hashes.slice(1))).toEqual(new Set(acknowledged.map((ack) => ack.entryHash)));
      const subjects = read.slice(1).map((entry) => (entry.content?.type === 'minutes' ? entry.content.subject : ''));
      expect(subjects.sort()).toEqual(acknowledged.map((ack) => `Call ${ack.client}.${ack.turn}`).sort());
    });
  });
}
