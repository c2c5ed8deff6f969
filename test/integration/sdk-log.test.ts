import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LogCheckResult, LogConsistencyError, LogIdentityError } from '../../client/sdk/log-checker';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { logRoutes } from '../../shared/api/log';
import { formatVerifierKey } from '../../shared/log/verifier-key';
import { enrolBootstrapAdmin, enrolInvitee } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** A `fetch` whose server answers `GET /api/log/checkpoint` with an old (genuinely signed) checkpoint. */
const rollingBackFetch =
  (old: { note: string; treeSize: number; rootHash: string }): typeof fetch =>
  async (input, init) => {
    if (new URL(String(input)).pathname !== '/api/log/checkpoint') {
      return fetch(input, init);
    }
    const rootHash = Buffer.from(old.rootHash, 'base64').toString('base64url');
    return Response.json({ note: old.note, treeSize: old.treeSize, rootHash });
  };

describe('the Node SDK against a real server: the transparency log', () => {
  let server: TestServer;
  let admin: ParleyPerson;
  let adminParty: string;
  let first: LogCheckResult;
  let firstCheckpoint: { note: string; treeSize: number; rootHash: string } | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    ({ admin, partyId: adminParty } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin'));
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('pins the log key on first contact and verifies the first checkpoint', async () => {
    first = await admin.checkLog();
    expect(first).toMatchObject({ isFirstContact: true, previousTreeSize: null, treeSize: 1, hasAdvanced: true });
    expect(first.pinned).toEqual({ ...(await admin.api(logRoutes.logIdentity)), legacyBefore: 0 });
    firstCheckpoint = admin.exportState().log?.checkpoint;
    expect(firstCheckpoint?.treeSize).toBe(1);
  });

  it('advances only through consistency proofs as the log grows', async () => {
    const envoy = await enrolInvitee(server, admin, { partyId: adminParty, role: 'envoy', name: 'Eve Envoy' });
    await admin.endorse(envoy.personId);
    const second = await admin.checkLog();
    expect(second).toMatchObject({ isFirstContact: false, previousTreeSize: 1, treeSize: 2, hasAdvanced: true });
    expect(second.consistencyProofLength).toBeGreaterThan(0);
    await admin.rotateKeys();
    await admin.rotateKeys();
    // Each rotation reads the directory proven under the log, checking the log first: the second
    // one saw the first in a tree of 3.
    const third = await admin.checkLog();
    expect(third).toMatchObject({ previousTreeSize: 3, treeSize: 4, hasAdvanced: true });
    expect(third.consistencyProofLength).toBeGreaterThan(0);
    expect(await admin.checkLog()).toMatchObject({ treeSize: 4, hasAdvanced: false, consistencyProofLength: 0 });
    // A newcomer's first contact starts from the same tree, and agrees on its root.
    expect(await envoy.checkLog()).toMatchObject({ isFirstContact: true, treeSize: 4, rootHash: third.rootHash });
  });

  it('refuses a pin other than the one it holds, and a log not signed by the key it was told to pin', async () => {
    const pinned = first.pinned;
    await expect(admin.checkLog({ pin: { ...pinned, origin: 'elsewhere/log/v1' } })).rejects.toBeInstanceOf(
      LogIdentityError,
    );
    const impostorKey = formatVerifierKey(pinned.origin, new Uint8Array(32).fill(1));
    const newcomer = await enrolInvitee(server, admin, { partyId: adminParty, role: 'staff', name: 'Sam Staff' });
    const refusal = await newcomer.checkLog({ pin: { ...pinned, verifierKey: impostorKey } }).catch((error) => error);
    expect(refusal).toBeInstanceOf(LogConsistencyError);
    expect(refusal).toMatchObject({ kind: 'bad-signature', trusted: null });
  });

  it('keeps the pin and checkpoint in exported state, and refuses a rollback with both checkpoints', async () => {
    const state = admin.exportState();
    if (!firstCheckpoint || !state.log?.checkpoint) {
      throw new Error('expected checkpoints from the earlier checks');
    }
    // The restored copy carries on the admin's passkey: from here on, only it signs in.
    const restored = await ParleyPerson.fromState(JSON.parse(JSON.stringify(state)), {
      fetch: rollingBackFetch(firstCheckpoint),
    });
    await restored.signIn();
    const refusal = await restored.checkLog().catch((error) => error);
    expect(refusal).toBeInstanceOf(LogConsistencyError);
    expect(refusal).toMatchObject({
      kind: 'rollback',
      trusted: state.log.checkpoint.note,
      offered: firstCheckpoint.note,
    });
    expect(restored.exportState().log?.checkpoint).toEqual(state.log.checkpoint);
  });
});
