import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { attachmentChunks, attachments, challenges, sessions } from '../../db/schema/index';
import type { ServerContext } from '../../server/context';
import { collectUnclaimedUploads, pruneExpired } from '../../server/services/housekeeping';
import { driversUnderTest } from '../helpers/databases';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const DAY_MS = 24 * 60 * 60 * 1000;

for (const driver of driversUnderTest()) {
  describe(`housekeeping on ${driver.name}: unclaimed uploads expire, claimed ones stay, dead rows are pruned`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let staff: ParleyPerson;
    let caseId: string;
    /** The server's context, two days from now. */
    let later: ServerContext;

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, limits: generousCeremonyLimits() });
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office', 'Ada Admin');
      staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
      ({ streamId: caseId } = await staff.openCase({
        parties: [partyId],
        record: childRecord('Ana'),
      }));
      later = {
        config: server.config,
        database: server.database,
        logger: pino({ level: 'silent' }),
        now: () => new Date(Date.now() + 2 * DAY_MS),
      };
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('removes an upload no entry claimed once it is older than the TTL, and keeps a claimed one', async () => {
      const unclaimed = await staff.uploadAttachment(new Uint8Array(randomBytes(3000)), { name: 'draft.bin' });
      const claimed = await staff.uploadAttachment(new Uint8Array(randomBytes(3000)), { name: 'minutes.bin' });
      await staff.append(caseId, { type: 'minutes', content: meetingMinutes('With a file', [claimed]) });

      expect(await collectUnclaimedUploads(later, 3 * DAY_MS)).toBe(0); // not old enough yet
      expect(await collectUnclaimedUploads(later, DAY_MS)).toBe(1);
      const db = server.database.db;
      expect(await db.select().from(attachments).where(eq(attachments.id, unclaimed.id))).toEqual([]);
      expect(await db.select().from(attachmentChunks).where(eq(attachmentChunks.uploadId, unclaimed.id))).toEqual([]);
      expect(await db.select().from(attachments).where(eq(attachments.id, claimed.id))).toHaveLength(1);
      const read = await staff.readStream(caseId);
      expect(read.at(-1)?.content).toMatchObject({ attachments: [{ id: claimed.id }] });
    });

    it('the database refuses to delete a claimed upload, even for the collector', async () => {
      const claimed = (await staff.readStream(caseId)).at(-1)?.header.meta.attachments?.[0] ?? '';
      const attempt = server.database.transaction(async (tx) => {
        await tx.execute(sql`set local parley.collecting_uploads = 'on'`);
        await tx.delete(attachments).where(eq(attachments.id, claimed));
      });
      await expect(attempt).rejects.toThrow();
      expect(await server.database.db.select().from(attachments).where(eq(attachments.id, claimed))).toHaveLength(1);
    });

    it('prunes challenges and sessions a day after they stopped being usable, and keeps live ones', async () => {
      const db = server.database.db;
      await db.insert(challenges).values({
        challengeHash: new Uint8Array(randomBytes(32)),
        purpose: 'sign-in',
        expiresAt: new Date(Date.now() - 3 * DAY_MS),
      });
      const [live] = await db.select().from(sessions).limit(1);
      if (!live) {
        throw new Error('expected a session');
      }
      await db.insert(sessions).values({
        ...live,
        id: crypto.randomUUID(),
        tokenHash: new Uint8Array(randomBytes(32)),
        endedAt: new Date(Date.now() - 3 * DAY_MS),
      });
      const now = { ...later, now: () => new Date() };
      const pruned = await pruneExpired(now);
      expect(pruned.challenges).toBeGreaterThanOrEqual(1);
      expect(pruned.sessions).toBe(1);
      // The person's live session still works.
      expect(await staff.session()).not.toBeNull();
    });
  });
}
