import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { DirectoryVerificationError } from '../../client/sdk/verified-directory';
import { loadConfig } from '../../server/config';
import { type LogSigner, loadLogSigner } from '../../server/log/log-key';
import { TransparencyLog } from '../../server/log/transparency-log';
import { readLegacyBefore } from '../../server/services/deployment-trust';
import { KeyDirectory } from '../../server/services/key-directory';
import { keyRoutes } from '../../shared/api/identity';
import { generateIdentityKeys, type IdentityKeys } from '../../shared/crypto/identity-keys';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import { toBase64url } from '../../shared/encoding/bytes';
import { parseCheckpointBody } from '../../shared/log/checkpoint';
import { parseSignedNote } from '../../shared/log/signed-note';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { Role } from '../../shared/schemas/role';
import { freshDataDir } from '../helpers/databases';
import { writeLegacyDeployment } from '../helpers/legacy-deployment';
import { bootstrapAdminInvitation } from '../helpers/sdk-bootstrap';
import { enrolInvitee, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const PARTY = {
  us: 'a1000000-0000-4000-8000-000000000001',
  ua: 'a2000000-0000-4000-8000-000000000002',
  ru: 'a3000000-0000-4000-8000-000000000003',
};

type LegacyPerson = { id: string; party: string; role: Role; name: string; keys: IdentityKeys };

const legacyPerson = (party: string, role: Role, name: string): LegacyPerson => ({
  id: crypto.randomUUID(),
  party,
  role,
  name,
  keys: generateIdentityKeys(),
});

/** An enrolment as the release before party roots wrote it: `authority` any admin, or bootstrap. */
const legacyEnrol = (subject: LegacyPerson, authority: LegacyPerson | 'bootstrap'): SignedKeyStatement => {
  const statement: KeyStatement = {
    v: 1,
    kind: 'enrol',
    person: subject.id,
    party: subject.party,
    role: subject.role,
    name: subject.name,
    seq: 1,
    prevHash: '',
    keyId: subject.keys.keyId,
    signKey: toBase64url(subject.keys.signPublicKey),
    boxKey: toBase64url(subject.keys.boxPublicKey),
    issuedAt: '2026-11-01T09:00:00.000Z',
    authority: authority === 'bootstrap' ? 'bootstrap' : authority.id,
    invitation: crypto.randomUUID(),
  };
  const signers = authority === 'bootstrap' ? [subject] : [subject, authority];
  return { statement, signatures: signers.map((p) => signKeyStatement(statement, { person: p.id, ...p.keys })) };
};

// Issue 11: a deployment made before party roots upgrades, keeps its history verifiable, and
// mends what the old rules allowed through its parties' own admins.
describe('upgrading a deployment made before party roots', () => {
  let server: TestServer;
  let signer: LogSigner;
  let boundary: number;
  let people: Record<'operator' | 'envoyUs' | 'adminUa' | 'envoyUa' | 'envoyRu', LegacyPerson>;
  let rootRu: ParleyPerson;
  let pin: { origin: string; verifierKey: string; legacyBefore: number };
  let partyRu: string;

  beforeAll(async () => {
    const dataDir = freshDataDir('parley-upgrade-');
    signer = loadLogSigner(loadConfig({ DATA_DIR: dataDir, PUBLIC_ORIGIN: 'http://localhost:1' }));
    // The old model: the operator's admin enrolled everyone, into every party.
    const operator = legacyPerson(PARTY.us, 'admin', 'Otto Operator');
    people = {
      operator,
      envoyUs: legacyPerson(PARTY.us, 'envoy', 'Una Envoy'),
      adminUa: legacyPerson(PARTY.ua, 'admin', 'Yana Admin'),
      envoyUa: legacyPerson(PARTY.ua, 'envoy', 'Vlad Envoy'),
      envoyRu: legacyPerson(PARTY.ru, 'envoy', 'Wera Envoy'),
    };
    boundary = await writeLegacyDeployment(
      dataDir,
      signer,
      { [PARTY.us]: 'United States', [PARTY.ua]: 'Ukraine', [PARTY.ru]: 'Russia' },
      [
        legacyEnrol(operator, 'bootstrap'),
        legacyEnrol(people.envoyUs, operator),
        legacyEnrol(people.adminUa, operator),
        legacyEnrol(people.envoyUa, operator),
        legacyEnrol(people.envoyRu, operator),
      ],
    );
    // The new release starts on the old data: its migration fixes the boundary.
    server = await startTestServer({ dataDir });
    pin = { origin: signer.name, verifierKey: signer.verifierKey, legacyBefore: boundary };
    ({ admin: rootRu, partyId: partyRu } = await startParty(server, 'Russia', 'Root of Russia', pin));
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it('fixes the legacy boundary at the size of the old log', async () => {
    expect(await readLegacyBefore(server.database.db)).toBe(boundary);
    expect(boundary).toBe(5);
    expect(partyRu).toBe(PARTY.ru);
  });

  it('lets the command line give a root to a party that never had an admin, and to no other', async () => {
    await expect(bootstrapAdminInvitation(server, 'Ukraine', 'Mallory')).rejects.toThrow(/already has its root admin/);
    await expect(bootstrapAdminInvitation(server, 'United States', 'Mallory')).rejects.toThrow(/already has its root/);
  });

  it('keeps the old history verifiable for a client that pins the boundary, and judges what the old rules allowed', async () => {
    const directory = await rootRu.directory();
    expect(directory.partyRecord(PARTY.us)).toMatchObject({ root: people.operator.id });
    // Ukraine's earliest admin is its root, whoever enrolled them; Russia's root is the new one.
    expect(directory.partyRecord(PARTY.ua)).toMatchObject({ root: people.adminUa.id });
    expect(directory.partyRecord(PARTY.ru)).toMatchObject({ root: rootRu.personId });
    expect(directory.currentKey(people.envoyUs.id)).toMatchObject({ partyEndorsed: true, legacy: true });
    expect(directory.currentKey(people.envoyUa.id)).toMatchObject({ partyEndorsed: false, legacy: true });
    expect(directory.currentKey(people.envoyRu.id)).toMatchObject({ partyEndorsed: false, legacy: true });
  });

  it('is refused by a client that does not pin the boundary: the old statements break the new rules', async () => {
    const { admin: stranger } = await startParty(server, 'Auditor', 'Audrey');
    const refusal = await stranger.directory().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DirectoryVerificationError);
    expect((refusal as DirectoryVerificationError).problems.map((p) => p.person?.name)).toContain('Vlad Envoy');
  });

  it("mends a flagged legacy key through the party's own admin, and refuses it from another party's", async () => {
    const directory = await rootRu.directory();
    const key = directory.currentKey(people.envoyRu.id);
    const head = directory.headOf(people.envoyRu.id);
    if (!key || !head) {
      throw new Error('expected the legacy envoy key');
    }
    const endorse = (authority: string): KeyStatement => ({
      v: 1,
      kind: 'endorse',
      person: key.person,
      party: key.party,
      role: key.role,
      name: key.name,
      seq: head.seq + 1,
      prevHash: head.hash,
      keyId: key.keyId,
      signKey: key.signKey,
      boxKey: key.boxKey,
      issuedAt: new Date().toISOString(),
      authority,
      invitation: '',
    });
    const operatorEndorses = endorse(people.operator.id);
    const byOperator = {
      statement: operatorEndorses,
      signatures: [signKeyStatement(operatorEndorses, { person: people.operator.id, ...people.operator.keys })],
    };
    const serverDirectory = new KeyDirectory(new TransparencyLog(signer));
    await expect(server.database.transaction((tx) => serverDirectory.append(tx, byOperator))).rejects.toThrow(
      /is an admin of party .* not of/,
    );
    const own = endorse(rootRu.personId);
    const signerRu = unlockedKeyringOf(rootRu)?.signer(rootRu.personId);
    if (!signerRu) {
      throw new Error('expected the root of Russia unlocked');
    }
    await rootRu.api(keyRoutes.appendStatement, {
      body: { signed: { statement: own, signatures: [signKeyStatement(own, signerRu)] } },
    });
    expect((await rootRu.directory()).currentKey(people.envoyRu.id)).toMatchObject({
      partyEndorsed: true,
      endorsedBy: [rootRu.personId],
    });
  });

  it('counts the key statements of a tree signed before counts existed, signing the same tree head again', async () => {
    const page = await rootRu.api(keyRoutes.listStatements, { query: { treeSize: boundary, after: -1, limit: 1000 } });
    const parsed = parseSignedNote(page.checkpoint);
    const body = parsed.ok ? parseCheckpointBody(parsed.note.body) : undefined;
    expect(body).toMatchObject({ ok: true, checkpoint: { treeSize: boundary, keyStatements: boundary } });
    expect(page.statements).toHaveLength(boundary);
  });

  it('lets new people join the mended party and be written to', async () => {
    const invitation = { partyId: PARTY.ru, role: 'envoy' as const, name: 'New Envoy' };
    const envoy = await enrolInvitee(server, rootRu, invitation, { log: pin });
    await rootRu.endorse(envoy.personId);
    expect((await envoy.directory()).currentKey(envoy.personId)).toMatchObject({ partyEndorsed: true, legacy: false });
  });
});
