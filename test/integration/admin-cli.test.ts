import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import type { DatabaseOptions } from '../../db/client';
import { openDatabase } from '../../db/client';
import { invitations, parties } from '../../db/schema/index';
import { parseInvitationFragment } from '../../shared/log/log-pin-text';
import { driversUnderTest } from '../helpers/databases';
import { startTestServer } from '../helpers/test-server';

const runAdmin = (options: DatabaseOptions, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATA_DIR: options.dataDir,
      PUBLIC_ORIGIN: 'https://parley.example.org',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    },
    encoding: 'utf8',
    timeout: 180_000,
  });

/** As `runAdmin`, without blocking this process: the in-process server must answer the command. */
const runAdminBeside = (options: DatabaseOptions, args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
      env: { PATH: process.env['PATH'] ?? '', DATA_DIR: options.dataDir, PUBLIC_ORIGIN: 'https://parley.example.org' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

for (const driver of driversUnderTest()) {
  // Each run starts Node, tsx and the database and migrates it: tens of seconds on a loaded machine.
  describe(`npm run admin on ${driver.name}`, { timeout: 600_000 }, () => {
    let options: DatabaseOptions;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ options, cleanup } = await driver.create());
    });
    afterAll(async () => cleanup());

    const counts = async () => {
      const database = await openDatabase(options);
      try {
        return {
          parties: (await database.db.select().from(parties)).length,
          invitations: (await database.db.select().from(invitations)).length,
        };
      } finally {
        await database.close();
      }
    };

    it('invites an admin into a new party and prints a one-time link valid 72 hours', async () => {
      const result = runAdmin(options, [
        'invite',
        '--party',
        'Ombudsman of Ukraine',
        '--role',
        'admin',
        '--name',
        'Dmytro L.',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/valid for 72 hours, usable once/);
      const link = /^(https:\/\/parley\.example\.org\/enrol#[A-Za-z0-9_-]{43}&log=\S+&legacy=0)$/m.exec(
        result.stdout,
      )?.[1];
      // The link carries the log pin, exactly as `log-key` prints it, for the admin's browser to pin.
      const logKey = runAdmin(options, ['log-key']);
      const printedKey = /^verifier key: (\S+)$/m.exec(logKey.stdout)?.[1];
      expect(printedKey).toBeDefined();
      expect(parseInvitationFragment(new URL(link ?? 'x:').hash.slice(1)).pin).toEqual({
        ok: true,
        pin: { verifierKey: printedKey, origin: 'parley.example.org/parley/log/v1', legacyBefore: 0 },
      });
      const second = runAdmin(options, [
        'invite',
        '--party',
        'Ombudsman of Ukraine',
        '--role',
        'admin',
        '--name',
        'Second',
      ]);
      expect(second.status).toBe(0);
      expect(await counts()).toEqual({ parties: 1, invitations: 2 });
    });

    it('starts new parties only: once a party has its root admin, the command line cannot add anyone to it', async () => {
      const party = 'Commissioner for Children (Avalon)';
      const first = runAdmin(options, ['invite', '--party', party, '--role', 'admin', '--name', 'Ada Admin']);
      expect(first.status).toBe(0);
      const link = /^(https:\S+\/enrol#\S+)$/m.exec(first.stdout)?.[1] ?? '';
      // The first admin redeems the link: the party now has its root.
      const server = await startTestServer({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
      try {
        const root = await ParleyPerson.enrol(server.url, link, { origin: server.origin });
        expect(root.currentSession?.person).toMatchObject({ role: 'admin', status: 'active' });
      } finally {
        await server.shutdown();
      }
      const before = await counts();
      const again = runAdmin(options, ['invite', '--party', party, '--role', 'admin', '--name', 'Mallory']);
      expect(again.status).toBe(2);
      expect(again.stdout).toBe('');
      expect(again.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(again.stderr).toMatch(/already has its root admin: only its own admins can add people to it/);
      expect(await counts()).toEqual(before);
      const fresh = runAdmin(options, [
        'invite',
        '--party',
        'Delegation of Lyonesse',
        '--role',
        'admin',
        '--name',
        'Lance',
      ]);
      expect(fresh.status).toBe(0);
      expect(await counts()).toEqual({ parties: before.parties + 1, invitations: before.invitations + 1 });
    });

    it('prints the log key and the legacy boundary clients pin', () => {
      const result = runAdmin(options, ['log-key']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^verifier key: \S+\+[0-9a-f]{8}\+\S+$/m);
      expect(result.stdout).toMatch(/^legacy statements before: 0$/m);
    });

    it.each([
      [['invite', '--party', 'P', '--role', 'admin', '--name', 'N'], /--party must be/],
      [['invite', '--party', 'Party', '--role', 'envoy', '--name', 'N'], /--role must be admin/],
      [['invite', '--party', 'Party', '--role', 'admin'], /--name must be/],
      [['invite', '--party', 'Party', '--role', 'admin', '--name', 'N', '--extra'], /Unknown option/],
      [['nonsense'], /unknown command "nonsense"/],
    ])('refuses %j with one line, exit 2, and writes nothing', async (args, message) => {
      const before = await counts();
      const result = runAdmin(options, args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it.runIf(driver.name === 'pglite')(
      'works while the server holds the embedded database: it asks the server through its admin socket',
      async () => {
        const server = await startTestServer({ dataDir: options.dataDir });
        const socket = join(options.dataDir, 'admin.sock');
        try {
          expect(statSync(socket).mode & 0o777).toBe(0o600);
          const before = await server.database.db.select().from(invitations);
          const result = await runAdminBeside(options, [
            'invite',
            '--party',
            'Mission of Carbonek',
            '--role',
            'admin',
            '--name',
            'Elaine',
          ]);
          expect(result.stderr).toBe('');
          expect(result.status).toBe(0);
          // The running server made the link: it names the origin people use with that server.
          const link = /^(\S+\/enrol#\S+)$/m.exec(result.stdout)?.[1] ?? '';
          expect(link.startsWith(`${server.origin}/enrol#`)).toBe(true);
          expect(await server.database.db.select().from(invitations)).toHaveLength(before.length + 1);
          const admin = await ParleyPerson.enrol(server.url, link, { origin: server.origin });
          expect(admin.currentSession?.person).toMatchObject({ role: 'admin', status: 'active' });
          const logKey = await runAdminBeside(options, ['log-key']);
          expect(logKey.status).toBe(0);
          expect(logKey.stdout).toContain(`verifier key: ${server.log.signer.verifierKey}`);
          // Refusals come back as the same one line and exit 2, and change nothing.
          const afterEnrol = await server.database.db.select().from(invitations);
          const again = await runAdminBeside(options, [
            'invite',
            '--party',
            'Mission of Carbonek',
            '--role',
            'admin',
            '--name',
            'Mordred',
          ]);
          expect(again.status).toBe(2);
          expect(again.stdout).toBe('');
          expect(again.stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(again.stderr).toMatch(/already has its root admin/);
          expect(await server.database.db.select().from(invitations)).toHaveLength(afterEnrol.length);
        } finally {
          await server.shutdown();
        }
        expect(existsSync(socket)).toBe(false);
      },
    );
  });
}
