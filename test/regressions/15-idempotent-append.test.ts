import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { driversUnderTest } from '../helpers/databases';
import { childRecord, entryTablesDigest, meetingMinutes, rawPostEntry } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A fetch that passes requests on, keeps the body of the last entry posted, and on demand loses an
 * append's answer after the server took it (what a failover or a dropped connection does) or never
 * sends it at all.
 */
const recordingFetch = () => {
  const state = {
    lastEntry: '',
    posted: [] as string[],
    mode: 'pass' as 'pass' | 'lose-answer' | 'keep-back',
    /** In 'lose-answer' mode, how many more answers are lost before answers pass again. */
    answersToLose: Number.POSITIVE_INFINITY,
  };
  const wrapped: typeof fetch = async (input, init) => {
    const isAppend = init?.method === 'POST' && String(input).endsWith('/api/entries');
    if (isAppend) {
      state.lastEntry = String(init?.body);
      state.posted.push(state.lastEntry);
      if (state.mode === 'keep-back') {
        throw new TypeError('fetch failed (kept back by the test)');
      }
    }
    const response = await fetch(input, init);
    if (isAppend && state.mode === 'lose-answer' && state.answersToLose > 0) {
      state.answersToLose -= 1;
      await response.arrayBuffer();
      throw new TypeError('fetch failed (answer lost by the test)');
    }
    return response;
  };
  return { state, fetch: wrapped };
};

for (const driver of driversUnderTest()) {
  describe(`issue 15: the same entry sent twice is the same entry, on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: () => Promise<void>;
    let admin: ParleyPerson;
    let staff: ParleyPerson;
    let recorder: ReturnType<typeof recordingFetch>;
    let caseId: string;

    beforeAll(async () => {
      const database = await driver.create();
      cleanup = database.cleanup;
      server = await startTestServer({ databaseUrl: database.options.databaseUrl, dataDir: database.options.dataDir });
      const bootstrapped = await enrolBootstrapAdmin(server, 'Office of the Ombudsperson', 'Ada Admin');
      admin = bootstrapped.admin;
      recorder = recordingFetch();
      const link = await admin.invite({ partyId: bootstrapped.partyId, role: 'staff', name: 'Sam Staff' });
      staff = await ParleyPerson.enrol(server.url, link, { origin: server.origin, fetch: recorder.fetch });
      await admin.endorse(staff.personId);
      caseId = (
        await staff.openCase({ reference: drawCaseCode(), parties: [bootstrapped.partyId], record: childRecord('Lev') })
      ).streamId;
    }, 120_000);

    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('the SDK sends the same signed entry again when the answer is lost, and it is logged once', async () => {
      const before = await staff.readStream(caseId);
      recorder.state.posted = [];
      recorder.state.mode = 'lose-answer';
      recorder.state.answersToLose = 2;
      const appended = await staff.append(caseId, { type: 'minutes', content: meetingMinutes('answer lost twice') });
      recorder.state.mode = 'pass';
      expect(recorder.state.posted).toHaveLength(3);
      expect(new Set(recorder.state.posted).size).toBe(1);
      const after = await staff.readStream(caseId);
      expect(after.length).toBe(before.length + 1);
      expect(after.at(-1)?.entryHash).toBe(appended.entryHash);
      expect(after.at(-1)?.leafIndex).toBe(appended.leafIndex);
    });

    /** Appends minutes whose every answer is lost (one send), and returns the entry as it was posted. */
    const appendWithAnswerLost = async (subject: string): Promise<unknown> => {
      recorder.state.mode = 'lose-answer';
      recorder.state.answersToLose = Number.POSITIVE_INFINITY;
      await expect(
        staff.append(caseId, { type: 'minutes', content: meetingMinutes(subject) }, { sends: 1 }),
      ).rejects.toThrow(/answer lost/);
      recorder.state.mode = 'pass';
      return recorder.state.lastEntry;
    };

    /** Sends `entry` again and expects its stored receipt, with nothing written. */
    const expectStoredReceipt = async (entry: unknown) => {
      const before = await entryTablesDigest(server);
      const retry = await rawPostEntry(staff, entry);
      expect(retry.status).toBe(201);
      const stored = (await staff.readStream(caseId)).find((each) => each.entryHash === retry.body['entryHash']);
      expect(stored?.leafIndex).toBe(retry.body['leafIndex']);
      expect(retry.body['inclusion']).toMatchObject({ leafIndex: stored?.leafIndex });
      expect(await entryTablesDigest(server)).toEqual(before);
    };

    it('answers a retry of an append whose answer was lost with the stored receipt, writing nothing', async () => {
      await expectStoredReceipt(await appendWithAnswerLost('lost answer'));
    });

    it('answers the same entry sent twice at once with one receipt and stores it once', async () => {
      recorder.state.mode = 'keep-back';
      await expect(
        staff.append(caseId, { type: 'minutes', content: meetingMinutes('sent twice') }, { sends: 1 }),
      ).rejects.toThrow(/kept back/);
      recorder.state.mode = 'pass';
      const [first, second] = await Promise.all([
        rawPostEntry(staff, recorder.state.lastEntry),
        rawPostEntry(staff, recorder.state.lastEntry),
      ]);
      expect([first?.status, second?.status]).toEqual([201, 201]);
      expect(second?.body['leafIndex']).toBe(first?.body['leafIndex']);
      const entries = await staff.readStream(caseId);
      expect(entries.filter((entry) => entry.entryHash === first?.body['entryHash'])).toHaveLength(1);
    });

    it('answers a retry with the stored receipt even when the author rotated keys before it', async () => {
      const lost = await appendWithAnswerLost('lost, then rotated');
      await staff.rotateKeys();
      // Signed with a key that is no longer current: a new entry so signed is refused (entry-key-not-current).
      await expectStoredReceipt(lost);
    });

    it('does not answer another person sending a stored entry with its receipt', async () => {
      const before = await entryTablesDigest(server);
      const replay = await rawPostEntry(admin, recorder.state.lastEntry);
      expect(replay.status).toBeGreaterThanOrEqual(400);
      expect(replay.status).toBeLessThan(500);
      expect(String(replay.body['type'])).toMatch(/^\/problems\//);
      expect(await entryTablesDigest(server)).toEqual(before);
    });
  });
}
