import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeopleHintError } from '../../client/sdk/entry-errors';
import { ParleyPerson } from '../../client/sdk/parley-person';
import type { ParleyPersonState } from '../../client/sdk/person-state';
import { DirectoryVerificationError } from '../../client/sdk/verified-directory';
import { type LogSigner, loadLogSigner } from '../../server/log/log-key';
import type { ContentOf } from '../../shared/content/entry-content';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import { toBase64url } from '../../shared/encoding/bytes';
import { formatCheckpointBody, parseCheckpointBody } from '../../shared/log/checkpoint';
import { parseSignedNote, signNote } from '../../shared/log/signed-note';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';
import { enrolMember } from '../helpers/sdk-entries';
import { startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

type Reply = Record<string, unknown>;
type Listed = { position: number; hash: string; signed: SignedKeyStatement; proof: string[] };

/**
 * A hostile server in front of the real one: it rewrites the JSON replies of the paths it is told
 * to, and records every entry the client posts (what was sealed, and to whom).
 */
class HostileServer {
  rewrites: Record<string, (reply: Reply) => Reply> = {};
  readonly posted: { recipients: { person: string }[] }[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    if (path === '/api/entries' && init?.method === 'POST') {
      this.posted.push((JSON.parse(String(init.body)) as { header: { recipients: { person: string }[] } }).header);
    }
    const response = await fetch(input, init);
    const rewrite = this.rewrites[path];
    return rewrite && response.ok ? Response.json(rewrite((await response.json()) as Reply)) : response;
  };
}

/** The checkpoint note of a directory page signed again with another count of key statements. */
const recounted = (signer: LogSigner, note: string, change: (count: number) => number): string => {
  const parsed = parseSignedNote(note);
  const body = parsed.ok ? parseCheckpointBody(parsed.note.body) : undefined;
  if (!body?.ok || body.checkpoint.keyStatements === undefined) {
    throw new Error('expected a counted checkpoint');
  }
  const { checkpoint } = body;
  const text = formatCheckpointBody({ ...checkpoint, keyStatements: change(checkpoint.keyStatements ?? 0) });
  return signNote(text, signer.name, signer.sign, signer.publicKey);
};

const LETTER: ContentOf<'letter'> = { type: 'letter', subject: 'Next round', body: 'Excellency, …', attachments: [] };

describe('the Node SDK against a server that lies about people and keys', () => {
  let server: TestServer;
  let signer: LogSigner;
  let threadId: string;
  let saved: ParleyPersonState;
  let ids: Record<'adminA' | 'envoyA' | 'adminB' | 'envoyB' | 'revokedB' | 'envoyC', string>;
  let partyB: string;
  let hostile: HostileServer;
  /** Envoy A, restored from saved state, talking to the real server through `hostile`. */
  let sender: ParleyPerson;

  beforeAll(async () => {
    server = await startTestServer();
    signer = loadLogSigner(server.config);
    const a = await startParty(server, 'Republic of Avalon', 'Ada Admin');
    const b = await startParty(server, 'Kingdom of Lyonesse', 'Bea Admin');
    const c = await startParty(server, 'Duchy of Cornwall', 'Cy Admin');
    partyB = b.partyId;
    const envoyA = await enrolMember(server, a.admin, { partyId: a.partyId, role: 'envoy', name: 'Eve Envoy' });
    const envoyB = await enrolMember(server, b.admin, { partyId: b.partyId, role: 'envoy', name: 'Bo Envoy' });
    const revokedB = await enrolMember(server, b.admin, { partyId: b.partyId, role: 'envoy', name: 'Rue Revoked' });
    const envoyC = await enrolMember(server, c.admin, { partyId: c.partyId, role: 'envoy', name: 'Ivo Intruder' });
    ids = {
      adminA: a.admin.personId,
      envoyA: envoyA.personId,
      adminB: b.admin.personId,
      envoyB: envoyB.personId,
      revokedB: revokedB.personId,
      envoyC: envoyC.personId,
    };
    ({ streamId: threadId } = await envoyA.openThread({ parties: [a.partyId, b.partyId], subject: 'Channel' }));
    await envoyB.append(threadId, { type: 'letter', content: LETTER });
    await b.admin.revoke(revokedB.personId);
    await envoyA.checkLog();
    saved = JSON.parse(JSON.stringify(envoyA.exportState())) as ParleyPersonState;
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  /** A fresh client of envoy A (nothing cached but the pinned log), behind a fresh hostile server. */
  const restore = async () => {
    hostile = new HostileServer();
    sender = await ParleyPerson.fromState(saved, { fetch: hostile.fetch });
    await sender.signIn();
    await sender.unlock();
    // The passkey's signature counter moved on: the next restore starts from here.
    saved = JSON.parse(JSON.stringify(sender.exportState())) as ParleyPersonState;
  };

  /** Tries to write a letter: answers the error, after checking nothing was posted. */
  const refusedLetter = async (): Promise<DirectoryVerificationError> => {
    const refusal = await sender.append(threadId, { type: 'letter', content: LETTER }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DirectoryVerificationError);
    expect(hostile.posted).toEqual([]);
    return refusal as DirectoryVerificationError;
  };

  const named = (error: DirectoryVerificationError) => error.problems.map((problem) => problem.person?.id);

  it("seals to the thread's members only, whatever the server says about people's parties, roles and status", async () => {
    await restore();
    hostile.rewrites['/api/people'] = (reply) => ({
      people: (reply['people'] as Record<string, unknown>[]).map((person) => {
        if (person['id'] === ids.envoyC) {
          return { ...person, party: { id: partyB, name: 'Kingdom of Lyonesse' } };
        }
        if (person['id'] === ids.adminA) {
          return { ...person, role: 'envoy' };
        }
        return person['id'] === ids.revokedB ? { ...person, status: 'active' } : person;
      }),
    });
    await sender.append(threadId, { type: 'letter', content: LETTER });
    expect(hostile.posted.map((header) => header.recipients.map((r) => r.person).sort())).toEqual([
      [ids.envoyA, ids.envoyB].sort(),
    ]);
    const refusal = await sender.people().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PeopleHintError);
    const misdescribed = (refusal as PeopleHintError).conflicts.map((conflict) => conflict.name).sort();
    expect(misdescribed).toEqual(['Ada Admin', 'Ivo Intruder', 'Rue Revoked']);
  });

  /**
   * A bootstrap admin the server invents, and an envoy that admin "endorsed": for a new party, so
   * that the directory rules alone accept them and only the log can tell they are not in it.
   */
  const forgedPair = (party = crypto.randomUUID()): SignedKeyStatement[] => {
    const [rootKeys, envoyKeys] = [generateIdentityKeys(), generateIdentityKeys()];
    const [root, envoy] = [crypto.randomUUID(), crypto.randomUUID()];
    const statement = (
      person: string,
      name: string,
      role: 'admin' | 'envoy',
      keys: typeof rootKeys,
      authority: string,
    ) =>
      ({
        v: 1,
        kind: 'enrol',
        person,
        party,
        role,
        name,
        seq: 1,
        prevHash: '',
        keyId: keys.keyId,
        signKey: toBase64url(keys.signPublicKey),
        boxKey: toBase64url(keys.boxPublicKey),
        issuedAt: '2026-12-01T00:00:00.000Z',
        authority,
        invitation: crypto.randomUUID(),
      }) satisfies KeyStatement;
    const sign = (s: KeyStatement, person: string, keys: typeof rootKeys) => signKeyStatement(s, { person, ...keys });
    const rootStatement = statement(root, 'Mallory Root', 'admin', rootKeys, 'bootstrap');
    const envoyStatement = statement(envoy, 'Mallory Envoy', 'envoy', envoyKeys, root);
    return [
      { statement: rootStatement, signatures: [sign(rootStatement, root, rootKeys)] },
      {
        statement: envoyStatement,
        signatures: [sign(envoyStatement, envoy, envoyKeys), sign(envoyStatement, root, rootKeys)],
      },
    ];
  };

  /** Rewrites the directory pages: the statements listed, and optionally the count the checkpoint signs. */
  const rewriteDirectory = (list: (statements: Listed[]) => Listed[], recount?: (count: number) => number) => {
    hostile.rewrites['/api/keys/statements'] = (reply) => ({
      checkpoint: recount ? recounted(signer, reply['checkpoint'] as string, recount) : reply['checkpoint'],
      statements: list(reply['statements'] as Listed[]),
    });
  };

  it('refuses a forged bootstrap admin and the envoy it endorsed, at positions the log does not hold them', async () => {
    await restore();
    const [root, envoy] = forgedPair() as [SignedKeyStatement, SignedKeyStatement];
    // Placed at the positions of the first two entries, with those leaves' real proofs.
    rewriteDirectory((statements) => {
      const taken = new Set(statements.map((listed) => listed.position));
      const free = [...Array(40).keys()].filter((position) => !taken.has(position)).slice(0, 2);
      const proof = statements[0]?.proof ?? [];
      const forged = [root, envoy].map((signed, at) => ({ position: free[at] ?? 0, hash: '', signed, proof }));
      return [...statements, ...forged].sort((x, y) => x.position - y.position);
    });
    const refusal = await refusedLetter();
    const notInLog = refusal.problems.filter((problem) => problem.kind === 'not-in-log');
    expect(notInLog.map((problem) => problem.person?.name)).toEqual(['Mallory Root', 'Mallory Envoy']);
    expect(refusal.message).toMatch(/Mallory Root/);
  });

  it('refuses them even from a server holding the log key that signs a count including them', async () => {
    await restore();
    const forged = forgedPair();
    rewriteDirectory(
      (statements) => [
        ...statements,
        ...forged.map((signed, at) => ({ position: 10_000 + at, hash: '', signed, proof: [] })),
      ],
      (count) => count + forged.length,
    );
    const refusal = await refusedLetter();
    // The recounted note differs from the one the log monitor accepted for the same tree.
    expect(refusal.message).toMatch(/two counts of key statements|not after|inside the tree/);
  });

  it('refuses a directory that omits a revocation the log holds', async () => {
    await restore();
    rewriteDirectory((statements) =>
      statements.filter(
        (listed) => !(listed.signed.statement.kind === 'revoke' && listed.signed.statement.person === ids.revokedB),
      ),
    );
    const refusal = await refusedLetter();
    expect(refusal.problems).toContainEqual(expect.objectContaining({ kind: 'withheld' }));
    expect(refusal.message).toMatch(/withholds 1 of the/);
  });

  it('refuses statements reordered, or moved to one another’s positions, naming whom they are about', async () => {
    await restore();
    rewriteDirectory((statements) => {
      const [first, second, ...rest] = statements;
      return first && second ? [second, first, ...rest] : statements;
    });
    const reordered = await refusedLetter();
    expect(reordered.problems.map((problem) => problem.kind)).toContain('out-of-order');

    await restore();
    let swapped: string[] = [];
    rewriteDirectory((statements) => {
      const [first, second, ...rest] = statements;
      if (!first || !second) {
        return statements;
      }
      swapped = [first.signed.statement.person, second.signed.statement.person];
      return [
        { ...second, position: first.position, proof: first.proof },
        { ...first, position: second.position, proof: second.proof },
        ...rest,
      ];
    });
    const moved = await refusedLetter();
    expect(named(moved)).toEqual(expect.arrayContaining(swapped));
  });

  it('writes normally to the honest server afterwards', async () => {
    await restore();
    await sender.append(threadId, { type: 'letter', content: LETTER });
    expect(hostile.posted).toHaveLength(1);
  });
});
