import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { logRoutes } from '../../shared/api/log';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { freshDataDir } from '../helpers/databases';
import {
  type DedicatedPostgres,
  dedicatedPostgresUnavailable,
  startDedicatedPostgres,
} from '../helpers/dedicated-postgres';
import { freePort } from '../helpers/ports';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const FSCK_OK = 'OK: every leaf, node, checkpoint root, signature and chain link verifies.';

/** Runs one of the npm CLIs (`admin`, `audit`) as `npm run <name> --` does, with only `env` set. */
const cli = (name: 'admin' | 'audit', args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${name}.ts`, ...args], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });

/** The log's latest signed checkpoint, saved to a file as an auditor keeps it. */
const keepCheckpoint = async (person: ParleyPerson, file: string): Promise<number> => {
  const { note, treeSize } = await person.api(logRoutes.latestCheckpoint);
  writeFileSync(file, note);
  return treeSize;
};

const appendSome = async (person: ParleyPerson, streamId: string, count: number, label: string) => {
  for (let index = 0; index < count; index += 1) {
    await person.append(streamId, { type: 'minutes', content: meetingMinutes(`${label} ${index}`) });
  }
};

describe('backup and restore of the embedded database (issue 15, Must show 3)', () => {
  const work = mkdtempSync(join(tmpdir(), 'parley-backup-'));
  const dataDir = freshDataDir();
  const restoredDir = join(work, 'restored');
  const backupFile = join(work, 'parley.backup');
  const before = join(work, 'before-backup.checkpoint');
  const after = join(work, 'after-backup.checkpoint');
  let server: TestServer | undefined;
  let sizeBefore: number;

  beforeAll(async () => {
    server = await startTestServer({ dataDir });
    const { admin: partyAdmin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Ombudsperson', 'Ada Admin');
    const admin = await enrolMember(server, partyAdmin, { partyId, role: 'staff', name: 'Sam Staff' });
    const { streamId } = await admin.openCase({
      reference: drawCaseCode(),
      parties: [partyId],
      record: childRecord('Ira'),
    });
    await appendSome(admin, streamId, 3, 'before the backup');
    sizeBefore = await keepCheckpoint(admin, before);

    const refused = cli('admin', ['backup', '--out', backupFile], { DATA_DIR: dataDir });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/in use by process \d+: stop that Parley first/);
    expect(existsSync(backupFile)).toBe(false);

    await server.shutdown();
    const made = cli('admin', ['backup', '--out', backupFile], { DATA_DIR: dataDir });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('The log key is not in it');

    // The original lives on after the backup and grows past it.
    server = await startTestServer({ dataDir });
    const again = await enrolBootstrapAdmin(server, 'Children’s Rights Office', 'Ben Admin');
    await keepCheckpoint(again.admin, after);
    await server.shutdown();
    server = undefined;
  }, 240_000);

  afterAll(async () => {
    await server?.shutdown();
    rmSync(work, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to overwrite a file, and refuses input that is no backup, leaving no database behind', () => {
    const overwrite = cli('admin', ['backup', '--out', backupFile], { DATA_DIR: dataDir });
    expect(overwrite.status).toBe(2);
    expect(overwrite.stderr).toContain('exists: a backup is written to a new file, never over one');
    const notABackup = join(work, 'not-a-backup');
    writeFileSync(notABackup, 'hello');
    const bogus = cli('admin', ['restore', '--in', notABackup], { DATA_DIR: join(work, 'bogus') });
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain('could not be restored');
    expect(existsSync(join(work, 'bogus', 'pglite', 'PG_VERSION'))).toBe(false);
  });

  it('restores into a fresh data directory that fsck finds intact and extending the checkpoint kept before', () => {
    const restored = cli('admin', ['restore', '--in', backupFile], { DATA_DIR: restoredDir });
    expect(restored.status, restored.stderr).toBe(0);
    // The key travels apart from the backup, as the operator keeps it.
    copyFileSync(join(dataDir, 'log-key.json'), join(restoredDir, 'log-key.json'));
    const checked = cli('audit', ['fsck', '--trusted-checkpoint', before], { DATA_DIR: restoredDir });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`against checkpoint ${sizeBefore} `);
    expect(checked.stdout).toContain(FSCK_OK);
    const again = cli('admin', ['restore', '--in', backupFile], { DATA_DIR: restoredDir });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a database');
  });

  it('fsck refuses the restored log against a checkpoint it never reached (one taken after the backup)', () => {
    const checked = cli('audit', ['fsck', '--trusted-checkpoint', after], { DATA_DIR: restoredDir });
    expect(checked.status).not.toBe(0);
    expect(checked.stdout).not.toContain(FSCK_OK);
  });
});

const unavailable = dedicatedPostgresUnavailable();
if (unavailable) {
  console.warn(`SKIPPED: PostgreSQL backup tests need a dedicated PostgreSQL 15, but ${unavailable}`);
}

describe.skipIf(unavailable !== undefined)('pg_dump and pg_basebackup of PostgreSQL (issue 15, Must show 3)', () => {
  const work = mkdtempSync(join(tmpdir(), 'parley-pg-backup-'));
  const logSigningKey = randomBytes(32).toString('base64url');
  const before = join(work, 'before-backup.checkpoint');
  const after = join(work, 'after-backup.checkpoint');
  const baseBackupDir = join(work, 'basebackup');
  let postgres: DedicatedPostgres;
  let server: TestServer;
  let sizeBefore: number;
  let restoredClusterPort: number | undefined;

  const asPostgres = (args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout: 120_000 });
  const fsck = (url: string, checkpoint: string) =>
    cli('audit', ['fsck', '--trusted-checkpoint', checkpoint], {
      DATABASE_URL: url,
      DATA_DIR: freshDataDir(),
      LOG_SIGNING_KEY: logSigningKey,
      LOG_ORIGIN: server.config.logOrigin,
    });

  beforeAll(async () => {
    postgres = await startDedicatedPostgres();
    server = await startTestServer({ databaseUrl: postgres.url, env: { LOG_SIGNING_KEY: logSigningKey } });
    const { admin: partyAdmin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Ombudsperson', 'Ada Admin');
    const admin = await enrolMember(server, partyAdmin, { partyId, role: 'staff', name: 'Sam Staff' });
    const { streamId } = await admin.openCase({
      reference: drawCaseCode(),
      parties: [partyId],
      record: childRecord('Ira'),
    });
    await appendSome(admin, streamId, 3, 'before the backups');
    sizeBefore = await keepCheckpoint(admin, before);
    // Both taken while the server runs: each is a consistent snapshot by PostgreSQL's own means.
    execFileSync('pg_dump', ['--format=custom', `--file=${join(work, 'parley.dump')}`, postgres.url]);
    mkdirSync(baseBackupDir);
    chownSync(work, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
    chownSync(baseBackupDir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
    asPostgres(['pg_basebackup', '-d', postgres.url, '-D', baseBackupDir, '--wal-method=stream', '--checkpoint=fast']);
    await appendSome(admin, streamId, 2, 'after the backups');
    await keepCheckpoint(admin, after);
  }, 240_000);

  afterAll(async () => {
    await server?.shutdown();
    if (restoredClusterPort !== undefined) {
      spawnSync('runuser', ['-u', 'postgres', '--', 'pg_ctl', '-D', baseBackupDir, '-m', 'immediate', 'stop']);
    }
    postgres?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('pg_dump restored with pg_restore into a fresh database: fsck clean against the checkpoint kept before', () => {
    const fresh = new URL(postgres.url);
    fresh.pathname = '/parley_restored';
    execFileSync('psql', [postgres.url, '-qc', 'create database parley_restored']);
    execFileSync('pg_restore', ['--no-owner', `--dbname=${fresh.toString()}`, join(work, 'parley.dump')]);
    const checked = fsck(fresh.toString(), before);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`against checkpoint ${sizeBefore} `);
    expect(checked.stdout).toContain(FSCK_OK);
    expect(fsck(fresh.toString(), after).status).not.toBe(0);
  });

  it('pg_basebackup started as a fresh instance: fsck clean against the checkpoint kept before', async () => {
    restoredClusterPort = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -c port=${restoredClusterPort} -c unix_socket_directories=${baseBackupDir}`;
    asPostgres(['pg_ctl', '-D', baseBackupDir, '-l', join(baseBackupDir, 'server.log'), '-w', '-o', options, 'start']);
    const url = `postgres://postgres@127.0.0.1:${restoredClusterPort}/postgres`;
    const checked = fsck(url, before);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`against checkpoint ${sizeBefore} `);
    expect(checked.stdout).toContain(FSCK_OK);
    expect(fsck(url, after).status).not.toBe(0);
  });
});
