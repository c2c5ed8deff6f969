import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRoutes } from '../../shared/api/audit';
import { logRoutes } from '../../shared/api/log';
import { AuditBundle } from '../../shared/audit/bundle';
import { verifyBundle } from '../../shared/audit/verify-bundle';
import { initCrypto } from '../../shared/crypto/sodium';
import { utf8Bytes } from '../../shared/encoding/bytes';
import { flipEverySignedPart, SIGNED_PART_KINDS } from '../helpers/bundle-flips';
import { driversUnderTest } from '../helpers/databases';
import { expectProblem } from '../helpers/sdk-people';
import { type AuditedLog, buildAuditedLog } from '../helpers/tamper-log';
import { startTestServer, type TestServer } from '../helpers/test-server';

for (const driver of driversUnderTest()) {
  describe(`audit bundles exported from a real server on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: () => Promise<void>;
    let log: AuditedLog;
    let pinned: { origin: string; verifierKey: string };

    beforeAll(async () => {
      await initCrypto();
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer(created.options);
      log = await buildAuditedLog(server);
      pinned = await log.people.reviewer.api(logRoutes.logIdentity);
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    const exportAs = (who: keyof AuditedLog['people'], query: Parameters<typeof exportQuery>[0]) =>
      log.people[who].api(auditRoutes.auditBundle, { query: exportQuery(query) });
    const exportQuery = (query: {
      scope: 'case' | 'thread' | 'party' | 'all';
      id?: string;
      ciphertext?: 'yes' | 'no';
      leaves?: 'auto' | 'yes' | 'no';
      checkpoints?: number[];
    }) => query;

    it('exports the whole log for a reviewer as a bundle that parses and verifies under the pinned key', async () => {
      const reply = await exportAs('reviewer', { scope: 'all', ciphertext: 'yes' });
      const bundle = AuditBundle.parse(reply);
      const result = verifyBundle(bundle, pinned.verifierKey, pinned.origin);
      expect(result.failures).toEqual([]);
      expect(result.summary).toMatchObject({
        scope: { kind: 'log' },
        entries: log.writer.written.length,
        // Every header, but no ciphertext: none of these entries was disclosed to the reviewer, and
        // an export gives no one ciphertext the read API withholds (issue 12).
        ciphertexts: 0,
        streams: 2,
        directoryComplete: true,
      });
      const treeSize = result.summary.treeSize ?? 0;
      expect(bundle.leaves).toHaveLength(treeSize);
      expect(bundle.statements.length + bundle.entries.length).toBe(treeSize);
      // The history: the first checkpoint at or after each power of two, then the latest.
      const sizes = bundle.checkpoints.map((note) => Number(note.split('\n')[1]));
      expect(sizes.at(-1)).toBe(treeSize);
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
      expect(sizes.length).toBeGreaterThanOrEqual(Math.floor(Math.log2(treeSize)));
      expect(bundle.consistency.map(({ from, to }) => [from, to])).toEqual(
        sizes.slice(1).map((to, index) => [sizes[index], to]),
      );
    });

    it('keeps every inclusion proof within ceil(log2 n) hashes and every checkpoint within 300 bytes', async () => {
      const bundle = AuditBundle.parse(await exportAs('admin', { scope: 'all' }));
      const treeSize = bundle.leaves?.length ?? 0;
      const bound = Math.ceil(Math.log2(treeSize));
      for (const record of [...bundle.statements, ...bundle.entries]) {
        expect(record.inclusion.length, `leaf ${record.leafIndex}`).toBeLessThanOrEqual(bound);
      }
      for (const note of bundle.checkpoints) {
        expect(utf8Bytes(note).length).toBeLessThanOrEqual(300);
      }
    });

    it('fails verification for any one-character flip of a signature, header, statement, checkpoint or proof', async () => {
      if (driver.name !== 'pglite') {
        return; // the loop checks the verifier, not the driver: once is enough
      }
      const bundle = AuditBundle.parse(await exportAs('reviewer', { scope: 'thread', id: log.threadId }));
      expect(verifyBundle(bundle, pinned.verifierKey, pinned.origin).ok).toBe(true);
      const { flips, survivors, kinds } = flipEverySignedPart(
        bundle,
        (changed) => verifyBundle(changed, pinned.verifierKey, pinned.origin).ok,
      );
      for (const kind of SIGNED_PART_KINDS) {
        expect(kinds).toContain(kind);
      }
      expect(survivors).toEqual([]);
      expect(flips).toBeGreaterThan(1000);
    });

    it('lets members export their own streams, with or without ciphertexts and leaves', async () => {
      const thread = AuditBundle.parse(
        await exportAs('envoyB', { scope: 'thread', id: log.threadId, ciphertext: 'no', leaves: 'no' }),
      );
      expect(verifyBundle(thread, pinned.verifierKey, pinned.origin).failures).toEqual([]);
      expect(thread.leaves).toBeUndefined();
      expect(thread.entries.every((entry) => entry.ciphertext === undefined)).toBe(true);
      expect(new Set(thread.entries.map((entry) => entry.header.stream))).toEqual(new Set([log.threadId]));
      const kase = AuditBundle.parse(await exportAs('staffA', { scope: 'case', id: log.caseId, ciphertext: 'yes' }));
      expect(verifyBundle(kase, pinned.verifierKey, pinned.origin).failures).toEqual([]);
      expect(kase.streams).toEqual([expect.objectContaining({ stream: log.caseId, firstSeq: 1, lastSeq: 4 })]);
      const party = AuditBundle.parse(await exportAs('envoyA', { scope: 'party', id: log.parties.a }));
      expect(party.streams.map((range) => range.stream).sort()).toEqual([log.caseId, log.threadId].sort());
      expect(verifyBundle(party, pinned.verifierKey, pinned.origin).ok).toBe(true);
    });

    it('carries exactly the earlier checkpoints the caller names', async () => {
      const all = AuditBundle.parse(await exportAs('reviewer', { scope: 'all' }));
      const sizes = all.checkpoints.map((note) => Number(note.split('\n')[1]));
      const named = [sizes[1] ?? 1, 3];
      const bundle = AuditBundle.parse(
        await exportAs('reviewer', { scope: 'case', id: log.caseId, checkpoints: named }),
      );
      expect(bundle.checkpoints.map((note) => Number(note.split('\n')[1]))).toEqual(
        [...new Set([...named, sizes.at(-1)])].sort((a, b) => (a ?? 0) - (b ?? 0)),
      );
      expect(verifyBundle(bundle, pinned.verifierKey, pinned.origin).failures).toEqual([]);
      await expectProblem(exportAs('reviewer', { scope: 'all', checkpoints: [10_000] }), 'validation');
    });

    it('refuses envoys and staff outside their streams, by problem type, and unknown scopes', async () => {
      await expectProblem(exportAs('outsider', { scope: 'thread', id: log.threadId }), 'notStreamMember');
      await expectProblem(exportAs('envoyB', { scope: 'case', id: log.caseId }), 'notStreamMember');
      await expectProblem(exportAs('outsider', { scope: 'party', id: log.parties.a }), 'forbidden');
      await expectProblem(exportAs('envoyA', { scope: 'all' }), 'forbidden');
      await expectProblem(exportAs('reviewer', { scope: 'case', id: log.threadId }), 'notFound');
      await expectProblem(exportAs('reviewer', { scope: 'party', id: log.threadId }), 'notFound');
      await expectProblem(exportAs('reviewer', { scope: 'thread' }), 'validation');
      await expectProblem(exportAs('reviewer', { scope: 'all', id: log.threadId }), 'validation');
      const reply = await fetch(`${server.url}/api/audit/bundle?scope=all`);
      expect(reply.status).toBe(401);
      // The outsider's own party has no streams: an empty but valid bundle.
      const own = AuditBundle.parse(await exportAs('outsider', { scope: 'party', id: log.parties.c }));
      expect(own.entries).toEqual([]);
      expect(verifyBundle(own, pinned.verifierKey, pinned.origin).ok).toBe(true);
    });

    it('exports with the CLI once the server is stopped, and the verifier CLI accepts the file', async () => {
      if (driver.name !== 'pglite') {
        return; // the PostgreSQL CLI path is exercised by tamper-postgres.test.ts
      }
      await server.shutdown();
      const directory = mkdtempSync(join(tmpdir(), 'parley-export-'));
      const env = {
        PATH: process.env['PATH'] ?? '',
        DATA_DIR: server.config.dataDir,
        PUBLIC_ORIGIN: server.origin,
        LOG_LEVEL: 'silent',
      };
      const run = (script: string, args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8', timeout: 60_000 });
      try {
        const out = join(directory, 'thread.json');
        const exported = run('server/cli/audit.ts', ['export', '--out', out, '--thread', log.threadId, '--ciphertext']);
        expect(exported.stderr).toBe('');
        expect(exported.status).toBe(0);
        expect(exported.stdout).toContain(`Wrote ${out}: thread ${log.threadId}, 7 entries (7 with ciphertext)`);
        const bundle = AuditBundle.parse(JSON.parse(readFileSync(out, 'utf8')));
        expect(bundle.scope).toEqual({ kind: 'thread', id: log.threadId });
        const verified = run('server/cli/verify.ts', [out, '--log-key', pinned.verifierKey]);
        expect(verified.stdout).toMatch(/^OK: /m);
        expect(verified.status).toBe(0);
        const refusals: [string[], RegExp][] = [
          [['export', '--thread', log.threadId], /^--out <file> is required/],
          [['export', '--out', out], /^give exactly one of --case, --thread, --party or --all/],
          [['export', '--out', out, '--all', '--case', log.caseId], /^give exactly one of/],
          [['export', '--out', out, '--case', 'C-7'], /^--case must be a lower-case UUID/],
          [['export', '--out', out, '--all', '--fast'], /^Unknown option '--fast'/],
          [['export', '--out', out, '--all', '--leaves', 'maybe'], /^--leaves must be auto, yes or no$/],
          [['export', '--out', out, '--all', '--checkpoints', '3,x'], /^--checkpoints must be tree sizes/],
          [['export', '--out', out, '--case', log.threadId], /^No case /],
          [['export', '--out', join(directory, 'no/such/dir.json'), '--all'], /^cannot write .*: ENOENT$/],
        ];
        for (const [args, message] of refusals) {
          const refused = run('server/cli/audit.ts', args);
          expect(refused.status, args.join(' ')).toBe(2);
          expect(refused.stderr.split('\n'), args.join(' ')).toEqual([expect.stringMatching(message), '']);
        }
        writeFileSync(join(directory, 'marker'), '');
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }, 240_000); // about a dozen CLI processes, each starting Node and tsx: slow on a loaded 2-core machine
  });
}
