import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { asc, eq, sql } from 'drizzle-orm';
import type { Request } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { streamingHeaders } from '../../client/sdk/raw-http';
import { selectRows } from '../../db/client';
import { attachmentChunks, attachments } from '../../db/schema/index';
import type { Caller } from '../../server/auth/caller';
import type { ServerContext } from '../../server/context';
import { StorageMonitor } from '../../server/http/storage-guard';
import { ProblemError } from '../../server/problems';
import { attachmentDir, attachmentPath } from '../../server/services/entries/attachment-files';
import { ROW_BYTES } from '../../server/services/entries/attachment-rows';
import { collectAbandonedChunks, uploadAttachment } from '../../server/services/entries/attachments';
import { UploadSlots } from '../../server/services/entries/upload-slots';
import { collectUnclaimedUploads } from '../../server/services/housekeeping';
import { PROBLEMS } from '../../shared/schemas/problem';
import { driversUnderTest } from '../helpers/databases';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const MIB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const driver of driversUnderTest()) {
  describe(`attachment storage on ${driver.name}: streamed, durable, nothing left by a failed upload`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let staff: ParleyPerson;
    /** Uploads and downloads of the connection tests (38 MiB in all), under a quota of their own. */
    let courier: ParleyPerson;
    let context: ServerContext;
    const onFiles = driver.name === 'pglite';

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({
        ...created.options,
        limits: generousCeremonyLimits(),
        env: { ATTACHMENT_QUOTA_MB: '40' },
      });
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office', 'Ada Admin');
      staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
      courier = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Cora Courier' });
      context = {
        config: server.config,
        database: server.database,
        logger: pino({ level: 'silent' }),
        now: () => new Date(),
      };
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    const headersOf = (person: ParleyPerson, extra: Record<string, string> = {}) =>
      streamingHeaders(person.http, person.currentSession, true, extra);
    const headers = (extra: Record<string, string> = {}) => headersOf(staff, extra);
    const upload = (body: Uint8Array<ArrayBuffer>, contentType = 'application/octet-stream', person = staff) =>
      fetch(`${server.url}/api/attachments`, {
        method: 'PUT',
        headers: headersOf(person, { 'content-type': contentType }),
        body,
      });
    /** The courier's upload of `body`: its id. */
    const courierUpload = async (body: Uint8Array<ArrayBuffer>) => {
      const reply = await upload(body, 'application/octet-stream', courier);
      expect(reply.status).toBe(201);
      return ((await reply.json()) as { id: string }).id;
    };
    const courierDownload = (id: string) =>
      fetch(`${server.url}/api/attachments/${id}`, { headers: headersOf(courier) });
    const files = () =>
      existsSync(attachmentDir(server.config.dataDir)) ? readdirSync(attachmentDir(server.config.dataDir)) : [];
    /** Everything an upload could leave behind: rows, chunk rows, files. */
    const stored = async () => ({
      rows: (await selectRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from attachments`))[0]
        ?.n,
      chunks: (
        await selectRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from attachment_chunks`)
      )[0]?.n,
      files: files().sort(),
    });

    it('round-trips a 20 MiB ciphertext byte-exact, stored where the row says', { timeout: 120_000 }, async () => {
      const body = randomBytes(20 * MIB + 12_345);
      const reply = await upload(body);
      expect(reply.status).toBe(201);
      const { id, size } = (await reply.json()) as { id: string; size: number };
      expect(size).toBe(body.length);
      const back = await fetch(`${server.url}/api/attachments/${id}`, { headers: headers() });
      expect(back.status).toBe(200);
      expect(back.headers.get('content-length')).toBe(String(body.length));
      expect(sha256(new Uint8Array(await back.arrayBuffer()))).toBe(sha256(body));
      const [row] = await server.database.db.select().from(attachments).where(eq(attachments.id, id));
      const chunks = await server.database.db
        .select({ data: attachmentChunks.data })
        .from(attachmentChunks)
        .where(eq(attachmentChunks.uploadId, id))
        .orderBy(asc(attachmentChunks.index));
      if (onFiles) {
        expect(row).toMatchObject({ storedIn: 'file', chunkCount: 0, size: body.length });
        expect(chunks).toEqual([]);
        expect(statSync(attachmentPath(server.config.dataDir, id)).size).toBe(body.length);
      } else {
        // Rows of at least ROW_BYTES but the last (a row closes at the first network chunk past it).
        const lengths = chunks.map((chunk) => chunk.data.length);
        expect(row).toMatchObject({ storedIn: 'database', chunkCount: lengths.length, size: body.length });
        expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(body.length);
        expect(lengths.slice(0, -1).every((length) => length >= ROW_BYTES)).toBe(true);
        expect(lengths.length).toBeLessThanOrEqual(Math.ceil(body.length / ROW_BYTES));
        expect(lengths.length).toBeGreaterThan(1);
        expect(files()).toEqual([]);
      }
    });

    it('round-trips a multi-MiB file through the SDK, encrypted and decrypted', { timeout: 120_000 }, async () => {
      const plain = randomBytes(6 * MIB + 7);
      const ref = await staff.uploadAttachment(new Uint8Array(plain), { name: 'scan.pdf' });
      const pieces: Uint8Array[] = [];
      await staff.downloadAttachment(ref, (piece) => {
        pieces.push(piece);
      });
      expect(sha256(Buffer.concat(pieces))).toBe(sha256(plain));
    });

    /** Starts downloading `id` as the courier, reads its first piece, and hangs up. */
    const hangUpAfterFirstPiece = (id: string) =>
      new Promise<void>((resolve, reject) => {
        const req = request(`${server.url}/api/attachments/${id}`, { headers: headersOf(courier) }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (error) => (req.destroyed ? resolve() : reject(error)));
        req.end();
      });

    it.runIf(!onFiles)(
      'downloads cut short give back their connections: more of them than the pool holds, then a whole one',
      { timeout: 120_000 },
      async () => {
        const body = randomBytes(4 * MIB + 3);
        const id = await courierUpload(body);
        // The server's pool holds 10 connections: a download that kept its own would leave none.
        for (let cut = 0; cut < 12; cut++) {
          await hangUpAfterFirstPiece(id);
        }
        const back = await courierDownload(id);
        expect(back.status).toBe(200);
        expect(sha256(new Uint8Array(await back.arrayBuffer()))).toBe(sha256(body));
      },
    );

    it.runIf(!onFiles)(
      'a download goes on whole when the database drops the idle connections while its reader stalls',
      { timeout: 120_000 },
      async () => {
        const body = randomBytes(32 * MIB + 1);
        const id = await courierUpload(body);
        const copying = sql`select count(*)::int as n from pg_stat_activity where query like 'COPY (SELECT substring("data"%' and state = 'active'`;
        const dropConnections = async () => {
          // Once the server has read ahead all it may, its connections sit idle in the pool.
          for (let quiet = 0, tries = 0; quiet < 3 && tries < 200; tries++) {
            quiet = (await selectRows<{ n: number }>(server.database.db, copying))[0]?.n === 0 ? quiet + 1 : 0;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          const dropped = await selectRows<{ pid: number }>(
            server.database.db,
            // In the select list, not the WHERE clause, which PostgreSQL may evaluate in any order.
            sql`select pid, pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()
                and backend_type = 'client backend' and pid <> pg_backend_pid()`,
          );
          expect(dropped.length).toBeGreaterThan(0);
          const pids = dropped.map(({ pid }) => pid);
          for (let tries = 0; tries < 100; tries++) {
            const left = await selectRows<{ n: number }>(
              server.database.db,
              sql`select count(*)::int as n from pg_stat_activity where pid in (${sql.join(pids, sql`, `)})`,
            );
            if (left[0]?.n === 0) {
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        };
        const pieces: Buffer[] = [];
        await new Promise<void>((resolve, reject) => {
          const req = request(`${server.url}/api/attachments/${id}`, { headers: headersOf(courier) }, (res) => {
            res.once('data', (first: Buffer) => {
              // The reader stalls after its first piece; most of the file is still to be read.
              res.pause();
              pieces.push(first);
              dropConnections().then(() => {
                res.on('data', (piece: Buffer) => pieces.push(piece));
                res.on('end', resolve);
                res.on('error', reject);
                res.resume();
              }, reject);
            });
          });
          req.on('error', reject);
          req.end();
        });
        expect(sha256(Buffer.concat(pieces))).toBe(sha256(body));
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      },
    );

    it.runIf(!onFiles)('a download whose rows are damaged never passes as whole', async () => {
      const body = randomBytes(2 * MIB + 5);
      const id = await courierUpload(body);
      await server.database.db.execute(sql`delete from attachment_chunks where upload_id = ${id} and index = 1`);
      // Found before the first byte, the connection is dropped: no length was promised that a
      // short body could seem to keep.
      await expect(courierDownload(id).then((back) => back.arrayBuffer())).rejects.toThrow();
    });

    it.runIf(onFiles)('keeps attachment files 0600 in a 0700 directory', () => {
      const dir = attachmentDir(server.config.dataDir);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(files().length).toBeGreaterThan(0);
      for (const name of files()) {
        expect(statSync(attachmentPath(server.config.dataDir, name)).mode & 0o777).toBe(0o600);
      }
    });

    it('leaves nothing when the client disconnects mid-body', { timeout: 60_000 }, async () => {
      const before = await stored();
      await new Promise<void>((resolve) => {
        const req = request(`${server.url}/api/attachments`, {
          method: 'PUT',
          headers: headers({ 'content-type': 'application/octet-stream', 'content-length': String(8 * MIB) }),
        });
        req.on('error', () => resolve());
        req.write(randomBytes(3 * MIB), () => setTimeout(() => req.destroy(), 300));
        req.on('close', () => resolve());
      });
      // The server notices the reset on its own schedule: wait until it has cleaned up, then compare.
      let after = await stored();
      for (let tries = 0; tries < 100 && JSON.stringify(after) !== JSON.stringify(before); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await stored();
      }
      expect(after).toEqual(before);
      expect(after.files.some((name) => name.endsWith('.part'))).toBe(false);
    });

    it('refuses an empty body, a wrong media type and an oversized declared length, leaving nothing', async () => {
      const before = await stored();
      const expectRefusal = async (reply: Response, status: number, type: string) => {
        expect(reply.status).toBe(status);
        expect(reply.headers.get('content-type')).toContain('application/problem+json');
        expect(((await reply.json()) as { type: string }).type).toBe(type);
      };
      await expectRefusal(await upload(Buffer.alloc(0)), 400, '/problems/validation');
      await expectRefusal(await upload(randomBytes(1000), 'image/png'), 415, '/problems/unsupported-media-type');
      await expectRefusal(await upload(randomBytes(41 * MIB)), 413, '/problems/quota-exceeded');
      expect(await stored()).toEqual(before);
    });

    it('answers 507 when the disk fills mid-stream, leaving no file and no row', async () => {
      const before = await stored();
      let free = 100 * MIB;
      // The disk shrinks as the body arrives: the third MiB crosses the reserve.
      const monitor = new StorageMonitor(server.config.dataDir, 98 * MIB, pino({ level: 'silent' }), () => free);
      async function* body() {
        for (let sent = 0; sent < 6; sent += 1) {
          free -= MIB;
          yield randomBytes(MIB);
        }
      }
      const req = Object.assign(Readable.from(body()), {
        is: (type: string) => (type === 'application/octet-stream' ? type : false),
        headers: {},
      });
      const caller = { personId: staff.personId } as Caller;
      const refusal = await uploadAttachment(context, caller, req as unknown as Request, {
        perPerson: { hit: () => 0 },
        quotaBytes: 1024 * MIB,
        storage: monitor,
        databaseSlots: new UploadSlots(1),
      }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ProblemError);
      expect((refusal as ProblemError).code).toBe('insufficientStorage');
      expect(PROBLEMS.insufficientStorage.status).toBe(507);
      expect(await stored()).toEqual(before);
    });

    it('removes what a crash left behind at start-up, and keeps completed uploads', async () => {
      const keep = await stored();
      const orphan = randomUUID();
      await server.database.db.insert(attachmentChunks).values({ uploadId: orphan, index: 0, data: randomBytes(10) });
      if (onFiles) {
        writeFileSync(attachmentPath(server.config.dataDir, orphan), randomBytes(10), { mode: 0o600 });
        writeFileSync(attachmentPath(server.config.dataDir, `${randomUUID()}.part`), randomBytes(10), { mode: 0o600 });
      }
      expect(await stored()).not.toEqual(keep);
      await collectAbandonedChunks(context);
      expect(await stored()).toEqual(keep);
    });

    it('housekeeping removes an unclaimed upload with its bytes', async () => {
      const reply = await upload(randomBytes(2 * MIB));
      const { id } = (await reply.json()) as { id: string };
      const later = { ...context, now: () => new Date(Date.now() + 2 * 24 * 60 * 60 * 1000) };
      expect(await collectUnclaimedUploads(later, 24 * 60 * 60 * 1000)).toBeGreaterThan(0);
      expect(await server.database.db.select().from(attachments).where(eq(attachments.id, id))).toEqual([]);
      expect(await server.database.db.select().from(attachmentChunks).where(eq(attachmentChunks.uploadId, id))).toEqual(
        [],
      );
      expect(files()).not.toContain(id);
    });
  });
}
