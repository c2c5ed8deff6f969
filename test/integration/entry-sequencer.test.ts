import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutes } from '../../bench/support/contents';
import { type Head, headAfter, type Signer, sealCaseOpen, sealMinutes, signerOf } from '../../bench/support/sealing';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { checkpoints, entries, logLeaves } from '../../db/schema/index';
import { ApiProblem } from '../../shared/api/client';
import { entryRoutes } from '../../shared/api/entries';
import { encodeContent } from '../../shared/content/encode-content';
import { type SealedEntry, sealEntry } from '../../shared/crypto/entry-seal';
import { fromBase64url } from '../../shared/encoding/bytes';
import { parseCheckpointBody } from '../../shared/log/checkpoint';
import { leafKindCode } from '../../shared/log/leaf';
import { parseSignedNote } from '../../shared/log/signed-note';
import { driversUnderTest } from '../helpers/databases';
import { LogCapture } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Minutes after `head` with an entry id of the caller's choosing (a re-used id, here). */
const sealWithId = (signer: Signer, streamId: string, head: Head, id: string): SealedEntry =>
  sealEntry({
    v: 1,
    type: 'minutes',
    id,
    stream: streamId,
    streamKind: 'case',
    seq: head.seq + 1,
    prevHash: head.hash,
    cases: [],
    author: { person: signer.author.person, party: signer.author.party, keyId: signer.author.keyId },
    claimedAt: new Date().toISOString(),
    refs: [],
    meta: {},
    recipients: signer.recipients,
    plaintext: encodeContent(minutes('re-used id')),
    signSecretKey: signer.author.signSecretKey,
  });

const settle = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

for (const driver of driversUnderTest()) {
  describe(`the entry sequencer on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let writer: ParleyPerson;
    let signer: Signer;
    const heads = new Map<string, Head>();
    const cases: string[] = [];
    const logs = new LogCapture();
    const redone = (mark: number) => logs.since(mark).filter((line) => line.msg === 'batch redone with savepoints');

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      // A long batching window, so that appends posted together are integrated together.
      server = await startTestServer({ ...created.options, logs, env: { SEQUENCER_DELAY_MS: '500' } });
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner', 'Ada Admin');
      writer = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
      signer = await signerOf(writer, partyId);
      for (let index = 0; index < 3; index += 1) {
        const opened = sealCaseOpen(signer, randomUUID());
        await writer.api(entryRoutes.appendEntry, { body: opened.entry });
        heads.set(opened.entry.header.stream, headAfter(opened));
        cases.push(opened.entry.header.stream);
      }
    }, 240_000);
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('integrates a batch under one checkpoint; a second entry for one head and a re-used id are refused alone', {
      timeout: 120_000,
    }, async () => {
      const db = server.database.db;
      const [first, second, third] = cases as [string, string, string];
      const [checkpointsBefore] = await db.select({ n: count() }).from(checkpoints);
      const racerA = sealMinutes(signer, first, heads.get(first) as Head, 'racer A');
      const racerB = sealMinutes(signer, first, heads.get(first) as Head, 'racer B');
      const other = sealMinutes(signer, second, heads.get(second) as Head, 'other case');
      const reused = sealWithId(signer, third, heads.get(third) as Head, other.entry.header.id);
      const post = (sealed: SealedEntry) => settle(writer.api(entryRoutes.appendEntry, { body: sealed.entry }));
      const mark = logs.mark;
      const [a, b, c, d] = await Promise.all([racerA, racerB, other, reused].map(post));
      // The re-used id is refused by the database, which loses the batch's transaction: the batch
      // was integrated again, each entry in a savepoint (the lost race alone needed none).
      expect(redone(mark).map((line) => ({ entries: line['entries'], sqlState: line['sqlState'] }))).toEqual([
        { entries: 4, sqlState: '23505' },
      ]);
      // The next test appends after whatever was stored here.
      const posted = [racerA, racerB, other, reused];
      [a, b, c, d].forEach((outcome, index) => {
        const sealed = posted[index] as SealedEntry;
        if (outcome?.ok) {
          heads.set(sealed.entry.header.stream, headAfter(sealed));
        }
      });

      // Exactly one racer won; the loser's 409 names the winner as the head, so it can re-seal at once.
      const outcomes = [
        { sealed: racerA, outcome: a },
        { sealed: racerB, outcome: b },
      ];
      const won = outcomes.filter(({ outcome }) => outcome?.ok);
      const lost = outcomes.filter(({ outcome }) => !outcome?.ok);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const conflict = (lost[0] as { outcome: { error?: unknown } }).outcome.error as ApiProblem;
      expect(conflict).toBeInstanceOf(ApiProblem);
      expect({ type: conflict.problem.type, status: conflict.problem.status }).toEqual({
        type: '/problems/entry-chain-conflict',
        status: 409,
      });
      expect(conflict.problem['head']).toEqual({ seq: 2, hash: won[0]?.sealed.entryHash });

      // Two entries with one id: whichever the batch placed first is stored; the other is the
      // client's mistake, a 409 problem of its own with nothing of it stored.
      const sameId = [
        { sealed: other, outcome: c },
        { sealed: reused, outcome: d },
      ];
      const stored = sameId.filter(({ outcome }) => outcome?.ok);
      const refused = sameId.filter(({ outcome }) => !outcome?.ok);
      expect(stored).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const duplicate = (refused[0] as { outcome: { error?: unknown } }).outcome.error as ApiProblem;
      expect({ type: duplicate.problem.type, status: duplicate.problem.status }).toEqual({
        type: '/problems/conflict',
        status: 409,
      });
      const refusedEntry = refused[0]?.sealed as SealedEntry;
      expect(
        await db
          .select()
          .from(entries)
          .where(eq(entries.hash, fromBase64url(refusedEntry.entryHash))),
      ).toEqual([]);
      expect(
        await db.select().from(entries).where(eq(entries.streamId, refusedEntry.entry.header.stream)),
      ).toHaveLength(1);

      // The racer that won and the stored one of the pair share the batch's one signed checkpoint.
      const receipts = [won[0]?.outcome, stored[0]?.outcome].map(
        (outcome) => (outcome as { value: { checkpoint: { treeSize: number; note: string } } }).value.checkpoint,
      );
      expect(receipts[0]).toEqual(receipts[1]);
      const [checkpointsAfter] = await db.select({ n: count() }).from(checkpoints);
      expect(Number(checkpointsAfter?.n) - Number(checkpointsBefore?.n)).toBe(1);

      // Its key-statements count is the number of key-statement leaves in its tree.
      const note = parseSignedNote(receipts[0]?.note ?? '');
      const body = note.ok ? parseCheckpointBody(note.note.body) : undefined;
      const [statements] = await db
        .select({ n: count() })
        .from(logLeaves)
        .where(eq(logLeaves.kind, leafKindCode('key-statement')));
      expect(body?.ok && body.checkpoint.keyStatements).toBe(Number(statements?.n));
      expect(Number(statements?.n)).toBeGreaterThan(0);
    });

    it('integrates a batch whose entries the database accepts without redoing it, one checkpoint for all', {
      timeout: 120_000,
    }, async () => {
      const db = server.database.db;
      const [checkpointsBefore] = await db.select({ n: count() }).from(checkpoints);
      const sealed = cases.map((streamId) => sealMinutes(signer, streamId, heads.get(streamId) as Head, 'together'));
      const mark = logs.mark;
      const outcomes = await Promise.all(
        sealed.map((one) => settle(writer.api(entryRoutes.appendEntry, { body: one.entry }))),
      );
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]);
      expect(redone(mark)).toEqual([]);
      const [checkpointsAfter] = await db.select({ n: count() }).from(checkpoints);
      expect(Number(checkpointsAfter?.n) - Number(checkpointsBefore?.n)).toBe(1);
      for (const one of sealed) {
        const [row] = await db
          .select()
          .from(entries)
          .where(eq(entries.hash, fromBase64url(one.entryHash)));
        expect(row?.seq).toBe(one.entry.header.seq);
      }
    });
  });
}
