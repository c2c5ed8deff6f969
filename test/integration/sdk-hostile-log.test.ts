import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryVerificationError } from '../../client/sdk/entry-errors';
import { LogConsistencyError } from '../../client/sdk/log-checker';
import { ParleyPerson } from '../../client/sdk/parley-person';
import type { ParleyPersonState } from '../../client/sdk/person-state';
import { type LogSigner, loadLogSigner } from '../../server/log/log-key';
import { fromBase64url } from '../../shared/encoding/bytes';
import { formatCheckpointBody } from '../../shared/log/checkpoint';
import { signNote } from '../../shared/log/signed-note';
import { freshDataDir } from '../helpers/databases';
import { childRecord, enrolMember, flipByte, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

type Reply = Record<string, unknown>;
/** Rewrites of the JSON replies of some paths (`/api/log/…`), as a hostile server would send them. */
type Rewrites = Record<string, (reply: Reply) => Reply>;

const hostileFetch =
  (rewrites: () => Rewrites): typeof fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    const rewrite = rewrites()[new URL(input instanceof Request ? input.url : String(input)).pathname];
    return rewrite && response.ok ? Response.json(rewrite((await response.json()) as Reply)) : response;
  };

const checkpointView = (signer: LogSigner, treeSize: number, rootHash: Uint8Array, origin = signer.name) => ({
  note: signNote(formatCheckpointBody({ origin, treeSize, rootHash }), signer.name, signer.sign, signer.publicKey),
  treeSize,
  rootHash: Buffer.from(rootHash).toString('base64url'),
});

/** The note with one byte of its (standard base64) signature flipped. */
const withBadSignature = (note: string): string => {
  const [body, line = ''] = note.split('\n\n');
  const at = line.lastIndexOf(' ') + 1;
  const signature = Buffer.from(line.slice(at).trim(), 'base64');
  signature[10] = (signature[10] ?? 0) ^ 0x01;
  return `${body}\n\n${line.slice(0, at)}${signature.toString('base64')}\n`;
};

const otherRoot = (root: string) => {
  const bytes = fromBase64url(root);
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes;
};

describe('the Node SDK against a hostile server: checkpoints and proofs it must refuse', () => {
  let server: TestServer;
  let signer: LogSigner;
  let saved: ParleyPersonState;
  let trusted: { note: string; treeSize: number; rootHash: string };
  let caseId: string;
  let caseOpenHash: string;
  /** The saved client (pinned log, trusted checkpoint), restored: the server answers it through `rewrites`. */
  let person: ParleyPerson;
  let rewrites: Rewrites = {};

  beforeAll(async () => {
    server = await startTestServer();
    signer = loadLogSigner(server.config);
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin');
    const staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
    ({ streamId: caseId, entryHash: caseOpenHash } = await staff.openCase({
      parties: [partyId],
      record: childRecord('Olena'),
    }));
    await staff.checkLog();
    saved = JSON.parse(JSON.stringify(staff.exportState())) as ParleyPersonState;
    const checkpoint = saved.log?.checkpoint;
    if (!checkpoint) {
      throw new Error('staff has verified no checkpoint');
    }
    trusted = { ...checkpoint, rootHash: Buffer.from(checkpoint.rootHash, 'base64').toString('base64url') };
    // The log grows past what the saved client trusts: the next check needs a consistency proof.
    await staff.append(caseId, { type: 'minutes', content: meetingMinutes('A meeting') });
    await admin.rotateKeys();
    person = await ParleyPerson.fromState(saved, { fetch: hostileFetch(() => rewrites) });
    await person.signIn();
    await person.unlock();
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  /** Checks the log through `rewrites`: refused with `kind`, the offered note kept as evidence, nothing trusted. */
  const expectRefused = async (hostile: Rewrites, kind: LogConsistencyError['kind']) => {
    rewrites = hostile;
    const refusal = await person.checkLog().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LogConsistencyError);
    expect(refusal).toMatchObject({ kind, trusted: trusted.note });
    expect(person.exportState().log).toEqual(saved.log);
    return refusal as LogConsistencyError;
  };

  it('refuses a fork: a checkpoint of the trusted size with another root, signed by the log key', async () => {
    const forked = checkpointView(signer, trusted.treeSize, otherRoot(trusted.rootHash));
    const refusal = await expectRefused({ '/api/log/checkpoint': () => forked }, 'fork');
    expect(refusal.offered).toBe(forked.note);
  });

  it('refuses a larger tree that does not extend the trusted one, even with the honest proof', async () => {
    await expectRefused(
      { '/api/log/checkpoint': (reply) => checkpointView(signer, reply['treeSize'] as number, new Uint8Array(32)) },
      'bad-proof',
    );
  });

  it('refuses a fake or truncated consistency proof for the real latest checkpoint', async () => {
    const proofs: ((proof: string[]) => string[])[] = [
      (proof) => [flipByte(proof[0] ?? ''), ...proof.slice(1)],
      (proof) => proof.slice(0, -1),
      (proof) => [...proof, proof[0] ?? ''],
      () => [],
    ];
    for (const fake of proofs) {
      await expectRefused(
        { '/api/log/consistency': (reply) => ({ ...reply, proof: fake(reply['proof'] as string[]) }) },
        'bad-proof',
      );
    }
  });

  it('refuses a checkpoint whose signature or signed body was altered', async () => {
    await expectRefused(
      { '/api/log/checkpoint': (reply) => ({ ...reply, note: withBadSignature(reply['note'] as string) }) },
      'bad-signature',
    );
    const otherRootLine = (note: string) => {
      const [origin, size, root = ''] = note.split('\n');
      const changed = Buffer.from(otherRoot(Buffer.from(root, 'base64').toString('base64url'))).toString('base64');
      return note.replace(`${origin}\n${size}\n${root}\n`, `${origin}\n${size}\n${changed}\n`);
    };
    await expectRefused(
      { '/api/log/checkpoint': (reply) => ({ ...reply, note: otherRootLine(reply['note'] as string) }) },
      'bad-signature',
    );
  });

  it('keeps its pin when the server swaps its log identity: another key, or another origin', async () => {
    const impostor = loadLogSigner({ ...server.config, dataDir: freshDataDir() });
    const swapped = {
      '/api/log/identity': () => ({ origin: impostor.name, verifierKey: impostor.verifierKey }),
      '/api/log/checkpoint': (reply: Reply) =>
        checkpointView(impostor, reply['treeSize'] as number, fromBase64url(reply['rootHash'] as string)),
    };
    expect(impostor.verifierKey).not.toBe(saved.log?.verifierKey);
    await expectRefused(swapped, 'bad-signature');
    await expectRefused(
      {
        '/api/log/checkpoint': (reply) =>
          checkpointView(
            signer,
            reply['treeSize'] as number,
            fromBase64url(reply['rootHash'] as string),
            'elsewhere/log/v1',
          ),
      },
      'wrong-origin',
    );
  });

  it('still follows the honest server afterwards, through a consistency proof', async () => {
    rewrites = {};
    expect(await person.checkLog()).toMatchObject({ previousTreeSize: trusted.treeSize, hasAdvanced: true });
  });
  it('refuses an entry whose inclusion proof is fake, truncated, for another leaf or missing, naming the entry', async () => {
    type Proof = { seq: number; leafIndex: number; proof: string[] };
    const onFirst =
      (change: (proof: Proof) => Proof | undefined) =>
      (reply: Reply): Reply => {
        const [first, ...rest] = reply['proofs'] as Proof[];
        const changed = first && change(first);
        return { ...reply, proofs: changed ? [changed, ...rest] : rest };
      };
    const fakes = [
      onFirst((first) => ({ ...first, proof: first.proof.map((hash, at) => (at === 0 ? flipByte(hash) : hash)) })),
      onFirst((first) => ({ ...first, proof: first.proof.slice(0, -1) })),
      onFirst((first) => ({ ...first, leafIndex: first.leafIndex + 1 })),
      onFirst(() => undefined),
    ];
    for (const fake of fakes) {
      rewrites = { [`/api/streams/${caseId}/proofs`]: fake };
      const refusal = await person.readStream(caseId).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(EntryVerificationError);
      expect(refusal).toMatchObject({
        check: 'inclusion',
        entry: { streamId: caseId, seq: 1, entryHash: caseOpenHash },
      });
    }
    rewrites = {};
    expect((await person.readStream(caseId))[0]?.entryHash).toBe(caseOpenHash);
  });
});
