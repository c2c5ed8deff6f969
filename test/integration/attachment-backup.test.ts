import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamingHeaders } from '../../client/sdk/raw-http';
import { openDatabase } from '../../db/client';
import { attachmentDir, attachmentPath } from '../../server/services/entries/attachment-files';
import { freshDataDir } from '../helpers/databases';
import { generousCeremonyLimits } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer } from '../helpers/test-server';

const MIB = 1024 * 1024;
const FSCK_OK = 'OK: every leaf, node, checkpoint root, signature and chain link verifies.';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const cli = (name: 'admin' | 'audit', args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${name}.ts`, ...args], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('backup and restore keep attachment files byte-exact; fsck names a damaged one (embedded)', () => {
  const work = mkdtempSync(join(tmpdir(), 'parley-attachment-backup-'));
  const dataDir = freshDataDir();
  const restoredDir = join(work, 'restored');
  const backupFile = join(work, 'parley.backup');
  const uploaded = new Map<string, string>();

  beforeAll(async () => {
    const server = await startTestServer({ dataDir, limits: generousCeremonyLimits() });
    try {
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office', 'Ada Admin');
      const staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
      for (const size of [3 * MIB + 1, 5 * MIB, 100_000]) {
        const body = randomBytes(size);
        const reply = await fetch(`${server.url}/api/attachments`, {
          method: 'PUT',
          headers: streamingHeaders(staff.http, staff.currentSession, true, {
            'content-type': 'application/octet-stream',
          }),
          body,
        });
        expect(reply.status).toBe(201);
        uploaded.set(((await reply.json()) as { id: string }).id, sha256(body));
      }
    } finally {
      await server.shutdown();
    }
    const made = cli('admin', ['backup', '--out', backupFile], { DATA_DIR: dataDir });
    expect(made.status, made.stderr).toBe(0);
  }, 240_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restores every attachment file byte-exact, 0600 in a 0700 directory, and fsck re-reads them', () => {
    const restored = cli('admin', ['restore', '--in', backupFile], { DATA_DIR: restoredDir });
    expect(restored.status, restored.stderr).toBe(0);
    expect(statSync(attachmentDir(restoredDir)).mode & 0o777).toBe(0o700);
    for (const [id, digest] of uploaded) {
      const path = attachmentPath(restoredDir, id);
      expect(sha256(readFileSync(path))).toBe(digest);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    copyFileSync(join(dataDir, 'log-key.json'), join(restoredDir, 'log-key.json'));
    const checked = cli('audit', ['fsck'], { DATA_DIR: restoredDir });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`${uploaded.size} attachments re-read`);
    expect(checked.stdout).toContain(FSCK_OK);
  });

  it('fsck reports a truncated, an altered and a missing attachment file, each by id', () => {
    const [truncated, altered, missing] = [...uploaded.keys()] as [string, string, string];
    truncateSync(attachmentPath(restoredDir, truncated), 1000);
    const bytes = readFileSync(attachmentPath(restoredDir, altered));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    writeFileSync(attachmentPath(restoredDir, altered), bytes);
    unlinkSync(attachmentPath(restoredDir, missing));
    const checked = cli('audit', ['fsck'], { DATA_DIR: restoredDir });
    expect(checked.status).toBe(1);
    expect(checked.stdout).not.toContain(FSCK_OK);
    expect(checked.stdout).toContain(`FAIL attachment ${truncated}: its file holds 1000 bytes`);
    expect(checked.stdout).toContain(`FAIL attachment ${altered}: its bytes do not match the ciphertext digest`);
    expect(checked.stdout).toContain(`FAIL attachment ${missing}: its file ${missing} is missing`);
  });

  it('still restores an old-format backup (PGlite dump alone)', async () => {
    const oldFormat = join(work, 'old.backup');
    const database = await openDatabase({ dataDir });
    try {
      const dump = (await database.dumpDataDir?.()) ?? new Blob([]);
      writeFileSync(oldFormat, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
    const into = join(work, 'from-old');
    const restored = cli('admin', ['restore', '--in', oldFormat], { DATA_DIR: into });
    expect(restored.status, restored.stderr).toBe(0);
    expect(statSync(join(into, 'pglite', 'PG_VERSION')).isFile()).toBe(true);
  });
});
