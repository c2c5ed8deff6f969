import { cpSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { SplitViewError } from '../../client/sdk/witness-status';
import { entryRoutes } from '../../shared/api/entries';
import type { ContentOf } from '../../shared/content/entry-content';
import { freshDataDir } from '../helpers/databases';
import { enrolMember, rawPostEntry } from '../helpers/sdk-entries';
import { startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { startViewSwitchProxy, type ViewSwitchProxy } from '../helpers/view-switch-proxy';

// One log key, no witness anywhere: the only way B can learn of A's view is an entry A wrote.
const LOG_ENV = {
  LOG_SIGNING_KEY: 'Z29zc2lwIHRlc3QgbG9nIHNlZWQgb2YgMzIgYnl0ZXM',
  LOG_ORIGIN: 'parley.test/gossip/log',
};

const letter = (subject: string): ContentOf<'letter'> => ({
  type: 'letter',
  subject,
  body: `${subject}.`,
  attachments: [],
});

// Issue 14, point 2: gossip without a witness. The operator (a proxy under test control in front
// of two servers over copies of one database) shows party A and party B different trees after a
// common past; B's reader detects it from the checkpoint A's letter carries.
describe('checkpoint gossip through entries, without any witness', () => {
  let proxy: ViewSwitchProxy & { readonly origin: string };
  const dataDirs = [freshDataDir(), freshDataDir()] as const;
  let viewA: TestServer;
  let viewB: TestServer;
  let envoyA: ParleyPerson;
  let envoyB: ParleyPerson;
  let adminA: ParleyPerson;
  let threadId: string;

  const behindProxy = (server: TestServer): TestServer => ({ ...server, url: proxy.url, origin: proxy.origin });
  const startView = async (dataDir: string) =>
    behindProxy(await startTestServer({ dataDir, env: { ...LOG_ENV, PUBLIC_ORIGIN: proxy.origin } }));

  beforeAll(async () => {
    proxy = await startViewSwitchProxy();
    const common = await startTestServer({ dataDir: dataDirs[0], env: { ...LOG_ENV, PUBLIC_ORIGIN: proxy.origin } });
    proxy.show(common.url);
    const server = behindProxy(common);
    const [a, b] = [await startParty(server, 'Republic of Avalon'), await startParty(server, 'Kingdom of Lyonesse')];
    adminA = a.admin;
    envoyA = await enrolMember(server, a.admin, { partyId: a.partyId, role: 'envoy', name: 'Eve Envoy' });
    envoyB = await enrolMember(server, b.admin, { partyId: b.partyId, role: 'envoy', name: 'Bo Envoy' });
    ({ streamId: threadId } = await envoyA.openThread({ parties: [a.partyId, b.partyId], subject: 'Back channel' }));
    await envoyB.readStream(threadId);
    await common.shutdown();
    cpSync(dataDirs[0], dataDirs[1], { recursive: true });
    viewA = await startView(dataDirs[0]);
    viewB = await startView(dataDirs[1]);
  });
  afterAll(async () => {
    await viewA?.shutdown();
    await viewB?.shutdown();
    await proxy?.stop();
    for (const dataDir of dataDirs) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("carries the author's trusted checkpoint in the entry, which a reader of one history accepts", async () => {
    proxy.show(urlOf(viewA));
    const [opening] = await envoyB.readStream(threadId);
    expect(opening?.seenCheckpoint).toMatch(/^parley\.test\/gossip\/log\n\d+\n/);
    expect(opening?.content).toMatchObject({ type: 'thread_open', subject: 'Back channel' });
  });

  it("raises the split-view alarm in B's reader from A's letter, naming both checkpoints", async () => {
    proxy.show(urlOf(viewA));
    await adminA.rotateKeys(); // a leaf only A's view will ever hold
    const carried = (await envoyA.checkLog()).note;
    const { entryHash } = await envoyA.append(threadId, { type: 'letter', content: letter('Lists by Friday') });
    const stored = await envoyA.api(entryRoutes.getEntry, { params: { entryHash } });
    const [ownRead] = (await envoyA.readStream(threadId)).slice(-1);
    expect(ownRead?.seenCheckpoint).toBe(carried);

    // The operator shows B the letter in B's own history, without the leaf A's view holds.
    proxy.show(urlOf(viewB));
    const { header, signature, ciphertext } = stored;
    const replayed = await rawPostEntry(envoyA, { header, signature, ciphertext });
    expect(replayed.status).toBe(201);
    const trustedB = (await envoyB.checkLog()).note;
    expect(trustedB.split('\n')[1]).toBe(carried.split('\n')[1]);
    expect(trustedB).not.toBe(carried);

    const alarm = await envoyB.readStream(threadId).catch((error: unknown) => error);
    expect(alarm).toBeInstanceOf(SplitViewError);
    expect((alarm as SplitViewError).notes).toEqual([trustedB, carried]);
    expect((alarm as SplitViewError).message).toMatch(/two trees of size \d+ with different roots/);
  });

  it("raises it too when A's carried tree is larger than B's, since B's server cannot prove it", async () => {
    proxy.show(urlOf(viewA));
    await adminA.rotateKeys();
    const carried = (await envoyA.checkLog()).note;
    const parties = [...(await envoyA.membership(threadId)).members];
    const opened = await envoyA.openThread({ parties, subject: 'Maps' });
    const { header, signature, ciphertext } = await envoyA.api(entryRoutes.getEntry, {
      params: { entryHash: opened.entryHash },
    });
    proxy.show(urlOf(viewB));
    expect((await rawPostEntry(envoyA, { header, signature, ciphertext })).status).toBe(201);
    const trustedB = (await envoyB.checkLog()).note;
    expect(Number(carried.split('\n')[1])).toBeGreaterThan(Number(trustedB.split('\n')[1]));
    const alarm = await envoyB.readStream(opened.streamId).catch((error: unknown) => error);
    expect(alarm).toBeInstanceOf(SplitViewError);
    expect((alarm as SplitViewError).notes).toEqual([trustedB, carried]);
    expect((alarm as SplitViewError).message).toMatch(/cannot prove the tree of size \d+ a prefix/);
  });
});

const urlOf = (server: TestServer): string => {
  const address = server.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the view is not listening');
  }
  return `http://127.0.0.1:${address.port}`;
};
