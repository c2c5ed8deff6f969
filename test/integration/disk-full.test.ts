import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { statfsFreeSpace } from '../../server/http/storage-guard';
import { ApiProblem } from '../../shared/api/client';
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const MIB = 1024 * 1024;
/** Small enough to fill in seconds: PGlite's fresh cluster (~40 MiB, WAL included) plus the reserve and some. */
const FILESYSTEM_MIB = 192;
const RESERVE_MIB = 64;
const FILE_BYTES = 3 * MIB;

/** Mounts a size-limited tmpfs, or says why it cannot. */
const mountSmallFilesystem = (): { dir: string } | { reason: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-disk-full-'));
  const mounted = spawnSync(
    'mount',
    ['-t', 'tmpfs', '-o', `size=${FILESYSTEM_MIB}m,mode=0700`, 'parley-disk-full', dir],
    {
      encoding: 'utf8',
    },
  );
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `mount -t tmpfs was refused (${(mounted.stderr || mounted.error?.message || '').trim()})` };
  }
  return { dir };
};

const filesystem = mountSmallFilesystem();
if ('reason' in filesystem) {
  console.warn(`SKIPPED: the disk-full test needs a small filesystem of its own, but ${filesystem.reason}`);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe.skipIf('reason' in filesystem)('the embedded database on a filling disk', () => {
  const dir = 'dir' in filesystem ? filesystem.dir : '';
  let server: TestServer;
  let staff: ParleyPerson;
  let caseId: string;
  /** Every acknowledged append, with the file it carries and that file's digest. */
  const acknowledged: { entryHash: string; ref: AttachmentRef; digest: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      dataDir: join(dir, 'data'),
      env: { DISK_RESERVE_MB: String(RESERVE_MIB) },
      limits: generousCeremonyLimits(),
    });
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner', 'Ada Admin');
    staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
    ({ streamId: caseId } = await staff.openCase({
      parties: [partyId],
      record: childRecord('Ola'),
    }));
  }, 120_000);

  afterAll(async () => {
    await server?.shutdown();
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Uploads a fresh file and appends minutes carrying it. */
  const appendWithFile = async (turn: number) => {
    const bytes = new Uint8Array(randomBytes(FILE_BYTES));
    const ref = await staff.uploadAttachment(bytes, { name: `scan-${turn}.bin` });
    const { entryHash } = await staff.append(caseId, {
      type: 'minutes',
      content: meetingMinutes(`Meeting ${turn}`, [ref]),
    });
    acknowledged.push({ entryHash, ref, digest: sha256(bytes) });
  };

  it('refuses writes with 507 before ENOSPC, keeps reads working, and resumes without a restart', {
    timeout: 300_000,
  }, async () => {
    let refusal: ApiProblem | undefined;
    for (let turn = 0; turn < 100 && !refusal; turn += 1) {
      try {
        await appendWithFile(turn);
      } catch (error) {
        if (!(error instanceof ApiProblem)) {
          throw error;
        }
        refusal = error;
      }
    }
    const freeAtRefusal = statfsFreeSpace(dir);
    process.stdout.write(
      `disk: ${acknowledged.length} appends of ${FILE_BYTES / MIB} MiB acknowledged, then ${refusal?.problem.status}; ` +
        `${Math.round(freeAtRefusal / MIB)} MiB free of ${FILESYSTEM_MIB} MiB\n`,
    );
    expect(refusal?.problem).toMatchObject({ type: '/problems/insufficient-storage', status: 507 });
    expect(acknowledged.length).toBeGreaterThan(3);
    // Refused with room to spare: PostgreSQL never came near ENOSPC.
    expect(freeAtRefusal).toBeGreaterThan((RESERVE_MIB / 2) * MIB);

    // An upload that declares its length is refused before its body is read, as problem+json.
    const raw = await fetch(`${server.url}/api/attachments`, {
      method: 'PUT',
      headers: { origin: server.origin, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(FILE_BYTES),
    });
    expect(raw.status).toBe(507);
    expect(raw.headers.get('content-type')).toContain('application/problem+json');
    expect(raw.headers.get('retry-after')).not.toBeNull();

    // Reads keep working: health, the stream, a stored file.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await staff.readStream(caseId)).toHaveLength(acknowledged.length + 1);

    // Space returns (the filesystem grows): writes resume by themselves.
    expect(spawnSync('mount', ['-o', `remount,size=${FILESYSTEM_MIB * 2}m`, dir]).status).toBe(0);
    await appendWithFile(1_000);

    // Nothing acknowledged was lost: every entry is there, every file decrypts to what was sent.
    const stored = new Set((await staff.readStream(caseId)).map((entry) => entry.entryHash));
    for (const { entryHash, ref, digest } of acknowledged) {
      expect(stored.has(entryHash)).toBe(true);
      const pieces: Uint8Array[] = [];
      await staff.downloadAttachment(ref, (plain) => {
        pieces.push(plain);
      });
      expect(sha256(Buffer.concat(pieces))).toBe(digest);
    }
  });
});
