import { randomBytes, randomUUID } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { SoftwareAuthenticator } from '../../client/sdk/software-authenticator';
import { withoutPrfResults } from '../../client/sdk/webauthn-json';
import { entryRoutes } from '../../shared/api/entries';
import { keyRoutes } from '../../shared/api/identity';
import { API, type ApiRouteName } from '../../shared/api/index';
import type { RouteContract } from '../../shared/api/route';
import type { SignedEntry } from '../../shared/schemas/entry';
import type { Role } from '../../shared/schemas/role';
import { driversUnderTest } from '../helpers/databases';
import { databaseDigest } from '../helpers/db-digest';
import { generousCeremonyLimits } from '../helpers/log-capture';
import {
  ACCESS_PROBLEMS,
  callRoute,
  isWrite,
  matchesRefusal,
  type Refusal,
  type RouteCaller,
  type RouteReply,
  type RouteRequest,
  type Variant,
} from '../helpers/route-walk';
import { childRecord, enrolMember } from '../helpers/sdk-entries';
import { addressOf, enrolBootstrapAdmin, enrolInvitee } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** What an admitted call answers: a success status, or a problem that is not about access. */
type Outcome = number | Refusal;

/** A route's request, and what it answers each caller the route admits. */
type RouteCase = RouteRequest & {
  readonly admitted: Outcome | ((caller: RouteCaller) => Outcome);
  /** The admitted call ends the caller's session(s): sign them in again afterwards. */
  readonly endsSession?: true;
};

/** What the walk needs from the world it sets up. */
type World = {
  readonly caseId: string;
  readonly caseOpen: SignedEntry & { entryHash: string };
  readonly staffA: ParleyPerson;
  readonly enrolBody: unknown;
  readonly assertion: unknown;
  readonly registration: unknown;
  readonly adminEnrolment: unknown;
};

const b64 = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString('base64url');
const notSignedByCurrentKey: Refusal = { code: 'forbidden', detail: /signed by your current key/ };
const passkeyRejected: Refusal = { code: 'passkeyRejected' };
const notFound: Refusal = { code: 'notFound' };

/**
 * One valid-looking request per route. Admitted calls are made harmless where they would write
 * (unknown ids, spent challenges, signatures by no current key) so that the people stay as set up.
 */
const routeCases = (world: World): Record<ApiRouteName, RouteCase> => ({
  health: { admitted: 200 },
  openapi: { admitted: 200 },
  enrolmentOptions: { body: { token: b64(32) }, admitted: { code: 'invitationInvalid' } },
  enrolmentVerify: { body: world.enrolBody, admitted: passkeyRejected },
  signInOptions: { admitted: 200 },
  signInVerify: { body: { response: world.assertion }, admitted: passkeyRejected },
  getSession: { admitted: 200 },
  signOut: { admitted: 204, endsSession: true },
  signOutEverywhere: { admitted: 200, endsSession: true },
  listPasskeys: { admitted: 200 },
  passkeyOptions: { admitted: 200 },
  passkeyVerify: { body: { response: world.registration }, admitted: passkeyRejected },
  passkeyRemovalChallenge: { admitted: 200 },
  // A challenge the server never issued: refused before the signature or the passkey is looked at.
  removePasskey: {
    params: { credentialId: b64(16) },
    body: { challenge: b64(32), keyId: b64(16), signature: b64(64) },
    admitted: { code: 'forbidden', detail: /removal challenge/ },
  },
  getVaults: { admitted: 200 },
  putVault: {
    body: {
      vault: { kind: 'recovery', credentialId: '', blob: b64(96) },
      version: 1,
      previousHash: '',
      keyId: b64(16),
      signature: b64(64),
    },
    admitted: notSignedByCurrentKey,
  },
  getVerifications: { admitted: 200 },
  putVerifications: {
    body: { blob: b64(96), version: 1, previousHash: '', keyId: b64(16), signature: b64(64) },
    admitted: notSignedByCurrentKey,
  },
  listParties: { admitted: 200 },
  listPeople: { admitted: 200 },
  revokePerson: { params: { personId: randomUUID() }, body: {}, admitted: notFound },
  listInvitations: { admitted: 200 },
  // Another party's id: admins invite into their own party only.
  createInvitation: {
    body: { partyId: randomUUID(), role: 'envoy', name: 'Nobody' },
    admitted: { code: 'forbidden', detail: /their own party only/ },
  },
  revokeInvitation: { params: { invitationId: randomUUID() }, admitted: notFound },
  // Nobody with this id in the admin's party; a token nobody issued; a registration for no recovery.
  createRecovery: { params: { personId: randomUUID() }, admitted: notFound },
  recoveryOptions: { body: { token: b64(32) }, admitted: { code: 'invitationInvalid' } },
  recoveryVerify: { body: { token: b64(32), response: world.registration }, admitted: passkeyRejected },
  listStatements: { query: { treeSize: '1' }, admitted: 200 },
  // Someone else's enrolment statement: the route takes only one's own rotation, revocation or policy.
  appendStatement: {
    body: { signed: world.adminEnrolment },
    admitted: { code: 'forbidden', detail: /your own rotation, revocation or party policy/ },
  },
  listPendingEnrolments: { admitted: 200 },
  endorseEnrolment: {
    params: { personId: randomUUID() },
    body: { keyId: b64(16), signature: b64(64) },
    admitted: notFound,
  },
  logIdentity: { admitted: 200 },
  latestCheckpoint: { admitted: 200 },
  cosignedCheckpoint: { admitted: 200 },
  inclusionProof: { query: { treeSize: '1', index: '0' }, admitted: 200 },
  consistencyProof: { query: { from: '1', to: '1' }, admitted: 200 },
  leaves: { query: { start: '0', end: '1' }, admitted: 200 },
  listStreams: { admitted: 200 },
  listEntries: { params: { streamId: world.caseId }, admitted: 200 },
  streamProofs: { params: { streamId: world.caseId }, query: { treeSize: '1' }, admitted: 200 },
  // Exception: the route admits every reader; the entry itself is hidden from other parties' members.
  getEntry: {
    params: { entryHash: world.caseOpen.entryHash },
    admitted: (caller) => (caller.party === 'A' || caller.role === 'reviewer' ? 200 : notFound),
  },
  // The case's opening entry again: its author is admitted and, since the same entry twice is the
  // same entry (issue 15), answered with its stored receipt (15-idempotent-append.test.ts: nothing written).
  appendEntry: {
    body: { header: world.caseOpen.header, signature: world.caseOpen.signature, ciphertext: world.caseOpen.ciphertext },
    admitted: 201,
  },
  events: { admitted: 200 },
  uploadAttachment: { bytes: { contentType: 'application/octet-stream', data: randomBytes(64) }, admitted: 201 },
  downloadAttachment: { params: { attachmentId: randomUUID() }, admitted: notFound },
  // Exception: the bundle route admits everyone; envoys and staff may export only their party's streams.
  auditBundle: {
    query: { scope: 'case', id: world.caseId },
    admitted: (caller) =>
      caller.party === 'A' || caller.role === 'admin' || caller.role === 'reviewer' ? 200 : { code: 'notStreamMember' },
  },
});

/**
 * The refusal a route's declared `access` demands for this caller and variant, in the order the
 * gatekeeper checks; undefined when the call must be admitted.
 */
const expectedRefusal = (
  route: RouteContract,
  caller: RouteCaller,
  variant: Variant,
  scope: { streamParties: ReadonlySet<string>; author: string },
): Refusal | undefined => {
  if (isWrite(route) && variant === 'from a foreign origin') {
    return { code: 'badOrigin' };
  }
  const { access } = route;
  if (access.kind === 'public') {
    return undefined;
  }
  if (!caller.person) {
    return { code: 'unauthenticated', detail: caller.staleCookie ? /ended or expired/ : /Sign in/ };
  }
  if (caller.pending && !access.allowPending) {
    return { code: 'forbidden', detail: /await your admin's endorsement/ };
  }
  if (!caller.role || !access.roles.includes(caller.role)) {
    return { code: 'forbidden', detail: /needs the role/ };
  }
  if (isWrite(route) && variant === 'without the anti-forgery token') {
    return { code: 'csrf' };
  }
  if (access.scope === 'stream-reader' && caller.role !== 'reviewer' && !scope.streamParties.has(caller.party ?? '')) {
    return { code: 'notStreamMember' };
  }
  if (access.scope === 'entry-author' && caller.person.personId !== scope.author) {
    return { code: 'forbidden', detail: /own author/ };
  }
  return undefined;
};

const variantsOf = (route: RouteContract, caller: RouteCaller): Variant[] =>
  isWrite(route)
    ? ['as sent', 'from a foreign origin', ...(caller.person ? (['without the anti-forgery token'] as const) : [])]
    : ['as sent'];

const describeReply = (reply: RouteReply) =>
  `${reply.status} ${String(reply.body['type'] ?? reply.contentType)} ${String(reply.body['detail'] ?? '')}`;

// The idle timeout: a refused request of a signed-in caller still counts as their activity.
const SESSION_ACTIVITY = { sessions: ['last_seen_at'] } as const;

for (const driver of driversUnderTest()) {
  describe(`every API route, for every role and party, on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let world: World;
    let callers: RouteCaller[];
    let cases: Record<ApiRouteName, RouteCase>;
    const visited = new Set<string>();

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, limits: generousCeremonyLimits() });
      const a = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin');
      const b = await enrolBootstrapAdmin(server, 'Unrelated Delegation (B)', 'Bea Admin');
      const member = (admin: ParleyPerson, partyId: string, role: Role, name: string) =>
        enrolMember(server, admin, { partyId, role, name });
      const staffA = await member(a.admin, a.partyId, 'staff', 'Sam Staff');
      let enrolBody: unknown;
      const capture: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/api/enrolment/verify')) {
          enrolBody = JSON.parse(String(init?.body));
        }
        return fetch(input, init);
      };
      const pending = await enrolInvitee(
        server,
        a.admin,
        { partyId: a.partyId, role: 'envoy', name: 'Pat Pending' },
        { fetch: capture },
      );
      const people: ['A' | 'B', ParleyPerson, Role][] = [
        ['A', a.admin, 'admin'],
        ['A', await member(a.admin, a.partyId, 'envoy', 'Eve Envoy'), 'envoy'],
        ['A', staffA, 'staff'],
        ['A', await member(a.admin, a.partyId, 'reviewer', 'Rae Reviewer'), 'reviewer'],
        ['B', b.admin, 'admin'],
        ['B', await member(b.admin, b.partyId, 'envoy', 'Bo Envoy'), 'envoy'],
        ['B', await member(b.admin, b.partyId, 'staff', 'Bex Staff'), 'staff'],
        ['B', await member(b.admin, b.partyId, 'reviewer', 'Ben Reviewer'), 'reviewer'],
      ];

      const ended = await ParleyPerson.onAuthenticator(addressOf(server), a.admin.authenticator);
      await ended.signIn();
      const staleCookie = ended.http.cookies.header() ?? '';
      await ended.signOut();
      callers = [
        { label: 'signed out' },
        { label: 'an ended session', staleCookie },
        ...people.map(([party, person, role]) => ({ label: `${role} of ${party}`, person, role, party })),
        { label: 'pending envoy of A', person: pending, role: 'envoy', party: 'A', pending: true },
      ];

      const { streamId: caseId } = await staffA.openCase({
        parties: [a.partyId],
        record: childRecord('Mariia'),
      });
      const [opening] = (await staffA.api(entryRoutes.listEntries, { params: { streamId: caseId } })).entries;
      const { treeSize } = await staffA.checkLog();
      const query = { treeSize, after: -1, limit: 1 };
      const [adminEnrolment] = (await staffA.api(keyRoutes.listStatements, { query })).statements;
      const rpId = new URL(server.origin).hostname;
      const stranger = new SoftwareAuthenticator({ origin: server.origin });
      const registration = stranger.createCredential(strangerOptions(rpId)).response;
      const assertion = stranger.getAssertion({ challenge: b64(32), rpId }).response;
      if (!opening?.ciphertext || !adminEnrolment || enrolBody === undefined) {
        throw new Error('set-up incomplete');
      }
      world = {
        caseId,
        caseOpen: {
          header: opening.header,
          signature: opening.signature,
          ciphertext: opening.ciphertext,
          entryHash: opening.entryHash,
        },
        staffA,
        enrolBody,
        assertion: withoutPrfResults(assertion),
        registration: withoutPrfResults(registration),
        adminEnrolment: adminEnrolment.signed,
      };
      cases = routeCases(world);
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    for (const name of Object.keys(API) as ApiRouteName[]) {
      const route: RouteContract = API[name];
      it(`${name} (${route.method} ${route.path}, ${route.access.kind === 'public' ? 'public' : route.access.roles.join('/')})`, async () => {
        visited.add(name);
        const request = cases[name];
        const scope = { streamParties: new Set(['A']), author: world.staffA.personId };
        let digest = await databaseDigest(server.database, SESSION_ACTIVITY);
        let admittedSomeone = false;
        for (const caller of callers) {
          for (const variant of variantsOf(route, caller)) {
            const where = `${name} as ${caller.label}, ${variant}`;
            const refusal = expectedRefusal(route, caller, variant, scope);
            const reply = await callRoute(server, route, caller, variant, request);
            if (refusal) {
              expect(
                matchesRefusal(reply, refusal),
                `${where}: expected ${refusal.code}, got ${describeReply(reply)}`,
              ).toBe(true);
              expect(await databaseDigest(server.database, SESSION_ACTIVITY), `${where}: the database changed`).toEqual(
                digest,
              );
              continue;
            }
            admittedSomeone = true;
            const outcome = typeof request.admitted === 'function' ? request.admitted(caller) : request.admitted;
            const accessProblem = ACCESS_PROBLEMS.find((code) => matchesRefusal(reply, { code }));
            const expected = typeof outcome === 'number' ? reply.status === outcome : matchesRefusal(reply, outcome);
            expect(expected, `${where}: expected ${JSON.stringify(outcome)}, got ${describeReply(reply)}`).toBe(true);
            if (typeof outcome === 'number' || !ACCESS_PROBLEMS.includes(outcome.code)) {
              expect(accessProblem, `${where}: refused for access`).toBeUndefined();
            }
            if (request.endsSession && caller.person) {
              await caller.person.signIn();
            }
            digest = await databaseDigest(server.database, SESSION_ACTIVITY);
          }
        }
        expect(admittedSomeone, `${name}: no caller was admitted`).toBe(true);
      });
    }

    it('visited every route of the API', () => {
      expect([...visited].sort()).toEqual(Object.keys(API).sort());
    });
  });
}

/** Creation options from no server: a passkey registration Parley never asked for. */
const strangerOptions = (rpId: string): PublicKeyCredentialCreationOptionsJSON => ({
  rp: { id: rpId, name: 'Parley' },
  user: { id: Buffer.from('mallory').toString('base64url'), name: 'Mallory', displayName: 'Mallory' },
  challenge: Buffer.from('not from the server').toString('base64url'),
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
});
