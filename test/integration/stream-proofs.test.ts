import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { entryRoutes } from '../../shared/api/entries';
import { logRoutes } from '../../shared/api/log';
import { fromBase64url } from '../../shared/encoding/bytes';
import { checkEntryInclusion } from '../../shared/log/log-monitor';
import type { StoredEntry } from '../../shared/schemas/stream';
import { driversUnderTest } from '../helpers/databases';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, expectProblem } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

for (const driver of driversUnderTest()) {
  describe(`a stream's inclusion proofs, a page per request, on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let staff: ParleyPerson;
    let caseId: string;
    let entries: StoredEntry[];

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer(created.options);
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin');
      staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
      ({ streamId: caseId } = await staff.openCase({
        parties: [partyId],
        record: childRecord('Olena'),
      }));
      const other = await staff.openCase({ parties: [partyId], record: childRecord('Taras') });
      // Interleaved with another case and key statements, so the stream's leaves are not contiguous.
      for (const subject of ['First call', 'Second call', 'Third call', 'Fourth call']) {
        await staff.append(caseId, { type: 'minutes', content: meetingMinutes(subject) });
        await staff.append(other.streamId, { type: 'minutes', content: meetingMinutes(subject) });
        await admin.rotateKeys();
      }
      entries = (await staff.api(entryRoutes.listEntries, { params: { streamId: caseId } })).entries;
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('proves every entry under the latest checkpoint, each proof the one the log serves alone', async () => {
      const trusted = await staff.checkLog();
      const reply = await staff.api(entryRoutes.streamProofs, {
        params: { streamId: caseId },
        query: { treeSize: trusted.treeSize, after: 0, limit: 1000 },
      });
      expect(reply.treeSize).toBe(trusted.treeSize);
      expect(reply.proofs.map(({ seq, leafIndex }) => ({ seq, leafIndex }))).toEqual(
        entries.map((entry) => ({ seq: entry.header.seq, leafIndex: entry.leafIndex })),
      );
      for (const [at, { leafIndex, proof }] of reply.proofs.entries()) {
        const entry = entries[at] as StoredEntry;
        const check = checkEntryInclusion(
          trusted,
          leafIndex,
          fromBase64url(entry.entryHash),
          'entry',
          proof.map(fromBase64url),
        );
        expect(check, `seq ${entry.header.seq}`).toEqual({ ok: true });
        const alone = await staff.api(logRoutes.inclusionProof, {
          query: { index: leafIndex, treeSize: trusted.treeSize },
        });
        expect(proof).toEqual(alone.proof);
      }
    });

    it('pages by seq, and leaves out entries logged after the tree asked for', async () => {
      const { treeSize } = await staff.checkLog();
      const page = (after: number, limit: number, size = treeSize) =>
        staff.api(entryRoutes.streamProofs, { params: { streamId: caseId }, query: { treeSize: size, after, limit } });
      expect((await page(0, 2)).proofs.map((proof) => proof.seq)).toEqual([1, 2]);
      expect((await page(2, 2)).proofs.map((proof) => proof.seq)).toEqual([3, 4]);
      expect((await page(4, 1000)).proofs.map((proof) => proof.seq)).toEqual([5]);
      const third = entries[2] as StoredEntry;
      const older = await page(0, 1000, third.leafIndex);
      expect(older.proofs.map((proof) => proof.seq)).toEqual([1, 2]);
      const alone = await staff.api(logRoutes.inclusionProof, {
        query: { index: (entries[1] as StoredEntry).leafIndex, treeSize: third.leafIndex },
      });
      expect(older.proofs[1]?.proof).toEqual(alone.proof);
    });

    it('refuses a tree the log has not reached, and a malformed query, with problem+json', async () => {
      const { treeSize } = await staff.checkLog();
      const problem = await expectProblem(
        staff.api(entryRoutes.streamProofs, {
          params: { streamId: caseId },
          query: { treeSize: treeSize + 1, after: 0, limit: 1000 },
        }),
        'validation',
      );
      expect(problem.problem.detail).toMatch(/no tree of size/);
      // Sent as they are: the client does not validate what it asks.
      for (const query of [{ treeSize: 0 }, { treeSize: 1, limit: 1001 }, { treeSize: 1, after: -1 }, { after: 0 }]) {
        await expectProblem(
          staff.api(entryRoutes.streamProofs, { params: { streamId: caseId }, query: query as never }),
          'validation',
        );
      }
    });
  });
}
