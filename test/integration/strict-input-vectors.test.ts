/**
 * test/vectors/strict-input-v1.json against everything that reads records from outside: the file
 * is what its generator writes; `npm run verify` (its own process) answers every vector as
 * recorded; the server refuses every entry and statement vector with problem+json and writes
 * nothing; and the Node SDK refuses a server reply changed the same way (docs/PROTOCOL.md §1.5).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { streamingHeaders } from '../../client/sdk/raw-http';
import { UnreadableReply } from '../../shared/api/client';
import { buildSampleBundle } from '../../shared/audit/sample-bundle';
import { initCrypto } from '../../shared/crypto/sodium';
import { databaseDigest } from '../helpers/db-digest';
import { isSignedChange, type JsonChange, withValueChange, writeWithChange } from '../helpers/json-changes';
import { childRecord, enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { buildStrictInputVectors } from '../vectors/generate-strict-input-vectors';

type Vector = {
  readonly name: string;
  readonly record: 'entry' | 'statement' | 'bundle';
  readonly index?: number;
  readonly change: JsonChange | string;
  readonly bundle?: string;
  readonly bundleHex?: string;
  readonly trustedCheckpoints?: readonly string[];
  readonly expect: {
    readonly verify: { readonly exit: number; readonly names: readonly string[] };
    readonly server: { readonly status: number; readonly type: string } | string;
    readonly client: string;
  };
};

const FILE = new URL('../vectors/strict-input-v1.json', import.meta.url);
const file = JSON.parse(readFileSync(FILE, 'utf8')) as { verify: { logKey: string }; vectors: Vector[] };
type RecordVector = Vector & { record: 'entry' | 'statement'; index: number; change: JsonChange };
const recordVectors = file.vectors.filter((vector): vector is RecordVector => vector.record !== 'bundle');
const refusedByServer = recordVectors.filter((vector) => typeof vector.expect.server === 'object');

beforeAll(async () => {
  await initCrypto();
});

describe('test/vectors/strict-input-v1.json', () => {
  it('is what the generator writes, byte for byte', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(`${JSON.stringify(buildStrictInputVectors(), null, 2)}\n`);
  });
});

describe('npm run verify on every strict-input vector', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'parley-strict-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it.each(file.vectors.map((vector) => [vector.name, vector] as const))(
    '%s',
    (name, vector) => {
      const bundle = join(directory, `${name}.json`);
      writeFileSync(
        bundle,
        vector.bundleHex === undefined ? (vector.bundle ?? '') : Buffer.from(vector.bundleHex, 'hex'),
      );
      const trusted = (vector.trustedCheckpoints ?? []).flatMap((note, at) => {
        const path = join(directory, `${name}.trusted-${at}`);
        writeFileSync(path, note);
        return ['--trusted-checkpoint', path];
      });
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/cli/verify.ts', bundle, '--log-key', file.verify.logKey, ...trusted],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      const { exit, names } = vector.expect.verify;
      expect(result.status).toBe(exit);
      const failed = [...new Set([...result.stdout.matchAll(/^FAIL (.*?): /gm)].map((match) => match[1]))];
      expect(failed.sort()).toEqual([...names].sort());
      if (exit === 2) {
        expect(result.stderr.split('\n')).toEqual([
          expect.stringMatching(/is not (a Parley audit bundle|valid JSON)/),
          '',
        ]);
      }
    },
    60_000,
  );
});

/** The vector's record (or, without a change, the unchanged one) from a sample log with ciphertexts. */
const recordBody = (record: 'entry' | 'statement', index: number, change?: JsonChange): string => {
  const signed = change !== undefined && isSignedChange(change);
  const inRecord = change?.at.slice(record === 'entry' ? 1 : 2) ?? [];
  const edit = <T>(value: T, at: number): T =>
    at === index && change !== undefined ? withValueChange(value, change, inRecord) : value;
  const sample = signed
    ? buildSampleBundle(record === 'entry' ? { editHeader: edit } : { editStatement: edit })
    : buildSampleBundle();
  const entry = sample.entries[index];
  const body =
    record === 'entry'
      ? { header: entry?.header, signature: entry?.signature, ciphertext: entry?.ciphertext }
      : { signed: sample.statements[index]?.signed };
  return change === undefined || signed ? JSON.stringify(body) : writeWithChange(body, change);
};

describe('the server and the Node SDK on the strict-input vectors', () => {
  let server: TestServer;
  let staff: ParleyPerson;
  let caseId: string;

  const post = async (path: string, body: string) => {
    const headers = streamingHeaders(staff.http, staff.currentSession, true, {
      'content-type': 'application/json',
      accept: 'application/json, application/problem+json',
    });
    const response = await fetch(new URL(path, staff.http.baseUrl), { method: 'POST', headers, body });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as { type?: string },
    };
  };
  const pathOf = (record: string) => (record === 'entry' ? '/api/entries' : '/api/keys/statements');
  const digest = () => databaseDigest(server.database, { sessions: ['last_seen_at'] });

  beforeAll(async () => {
    server = await startTestServer();
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin');
    staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
    ({ streamId: caseId } = await staff.openCase({
      parties: [partyId],
      record: childRecord('Olena'),
    }));
  }, 120_000);
  afterAll(async () => {
    await server?.shutdown();
  });

  it('refuses the unchanged sample records for other reasons: the refusals below are the rules', async () => {
    for (const record of ['entry', 'statement'] as const) {
      const vector = recordVectors.find((item) => item.record === record && item.change.kind === 'insert-member');
      if (!vector) {
        throw new Error(`no ${record} vector`);
      }
      const reply = await post(pathOf(record), recordBody(record, vector.index));
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.body.type).not.toBe('/problems/validation');
    }
  });

  it.each(refusedByServer.map((vector) => [vector.name, vector] as const))(
    'the server refuses %s with problem+json and writes nothing',
    async (_, vector) => {
      const before = await digest();
      const reply = await post(pathOf(vector.record), recordBody(vector.record, vector.index, vector.change));
      expect({ status: reply.status, type: reply.body.type }).toEqual(vector.expect.server);
      expect(reply.type).toMatch(/^application\/problem\+json/);
      expect(await digest()).toEqual(before);
    },
  );

  /** How the server's replies to the reader are changed: a path and the changed text of the reply. */
  let hostile: { path: RegExp; rewrite: (reply: unknown) => string } | null = null;
  /** The staff person again (another client of the same person), reading through `hostile`. */
  let reader: ParleyPerson;
  /**
   * A third client of the staff person that only ever asks for the directory, which it never gets
   * proven here: one whose directory is proven at the current tree asks for no statements, and a
   * stream read proves it alongside the entries.
   */
  let statementReader: ParleyPerson;

  beforeAll(async () => {
    const { ParleyPerson } = await import('../../client/sdk/parley-person');
    const hostileFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (hostile === null || !hostile.path.test(url.pathname) || !response.ok) {
        return response;
      }
      const text = hostile.rewrite(await response.json());
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    // Each from the state the one before left, so that each sign-in's passkey counter goes up.
    const newClient = async (of: ParleyPerson) => {
      const person = await ParleyPerson.fromState(JSON.parse(JSON.stringify(of.exportState())), {
        fetch: hostileFetch,
      });
      await person.signIn();
      await person.unlock();
      return person;
    };
    reader = await newClient(staff);
    statementReader = await newClient(reader);
  }, 60_000);

  const clientCases = recordVectors.map((vector) => [vector.name, vector] as const);

  it.each(clientCases)(
    'the Node SDK answers %s as recorded',
    async (_, vector) => {
      const { change } = vector;
      const inReply: readonly (string | number)[] = vector.record === 'entry' ? ['entries', 0] : ['statements', 0];
      const rewrite = (reply: unknown): string =>
        isSignedChange(change)
          ? JSON.stringify(withValueChange(reply, change, [...inReply, ...change.at]))
          : writeWithChange(reply, change, inReply);
      const path = vector.record === 'entry' ? /^\/api\/streams\/[^/]+\/entries$/ : /^\/api\/keys\/statements$/;
      hostile = { path, rewrite };
      const outcome = await (vector.record === 'entry' ? reader.readStream(caseId) : statementReader.directory()).then(
        () => 'accepted',
        (error: unknown) => error,
      );
      hostile = null;
      if (vector.expect.client === 'accepted') {
        // A positive partner changes a value a signature covers: the SDK then refuses the signature, not the form.
        expect(outcome).not.toBeInstanceOf(UnreadableReply);
        expect(outcome).not.toBeInstanceOf(ZodError);
        return;
      }
      expect(outcome).toSatisfy((error) => error instanceof UnreadableReply || error instanceof ZodError);
    },
    60_000,
  );
});
