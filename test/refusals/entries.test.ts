import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EntryDraft, sealDraft } from '../../client/sdk/entry-draft';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import type { ContentOf } from '../../shared/content/entry-content';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { compareRecipients, type RecipientKey } from '../../shared/crypto/entry-recipients';
import type { DirectoryState } from '../../shared/directory/index';
import { toBase64url } from '../../shared/encoding/bytes';
import { streamReaderKeys } from '../../shared/membership/stream-readers';
import { MAX_ENTRY_CIPHERTEXT_BYTES, type SignedEntry } from '../../shared/schemas/entry';
import type { StreamKind } from '../../shared/schemas/entry-type';
import type { ProblemCode } from '../../shared/schemas/problem';
import { driversUnderTest } from '../helpers/databases';
import {
  authorOf,
  childRecord,
  enrolMember,
  entryTablesDigest,
  expectRawProblem,
  flipByte,
  hashOf,
  meetingMinutes,
  type RawReply,
  rawPostEntry,
  recipientsOf,
  resigned,
  streamHead,
} from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** How to seal a test entry: everything right unless a field says otherwise. */
type Sealing = {
  readonly author: ParleyPerson;
  readonly stream: string;
  readonly kind: StreamKind;
  readonly draft: EntryDraft;
  /** The key the author signs with; their current key by default. */
  readonly authorKeyId?: string;
  /** Recipients from the directory; every current member's person by default. */
  readonly recipients?: (directory: DirectoryState, members: readonly RecipientKey[]) => RecipientKey[];
  readonly seq?: number;
  readonly prevHash?: string;
  /** Member parties of a new stream (seq 1). */
  readonly members?: readonly string[];
};

for (const driver of driversUnderTest()) {
  describe(`refusals of POST /api/entries on ${driver.name}: problem, status, and an unchanged database`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let parties: { a: string; b: string; c: string };
    let adminA: ParleyPerson;
    let staff: ParleyPerson;
    let envoyA: ParleyPerson;
    let rotated: ParleyPerson;
    let revoked: ParleyPerson;
    let envoyB: ParleyPerson;
    let reviewer: ParleyPerson;
    let caseId: string;
    let caseOpenHash: string;
    let threadId: string;
    let letterHash: string;
    let oldKeyId: string;
    let revokedKeyId: string;

    const membersOf = (kind: StreamKind, stream: string) =>
      stream === caseId || stream === threadId ? (kind === 'case' ? [parties.a] : [parties.a, parties.b]) : [];

    /** Seals an entry with the SDK's own sealing, at the stream head unless told otherwise. */
    const seal = async (sealing: Sealing): Promise<SignedEntry> => {
      const directory = await reviewer.directory();
      const isNew = sealing.members !== undefined;
      const head = isNew ? { seq: 0, hash: '' } : await streamHead(reviewer, sealing.stream);
      const position = {
        stream: sealing.stream,
        streamKind: sealing.kind,
        seq: sealing.seq ?? head.seq + 1,
        prevHash: sealing.prevHash ?? head.hash,
      };
      const members = streamReaderKeys(
        directory,
        new Set(sealing.members ?? membersOf(sealing.kind, sealing.stream)),
      ).recipients;
      const recipients = sealing.recipients?.(directory, members) ?? members;
      const author = authorOf(sealing.author, directory, sealing.authorKeyId);
      return sealDraft(author, position, sealing.draft, [...recipients].sort(compareRecipients)).entry;
    };

    /** Minutes for the case by `author`, with any sealing field overridden. */
    const caseMinutes = (author: ParleyPerson, overrides: Partial<Sealing> = {}) =>
      seal({
        author,
        stream: caseId,
        kind: 'case',
        draft: { type: 'minutes', content: meetingMinutes('Call with the registry') },
        ...overrides,
      });

    /** Posts `body` as `person` and checks the refusal and that no table an append writes changed. */
    const expectRefusal = async (
      person: ParleyPerson,
      body: unknown,
      code: ProblemCode,
      options: { origin?: string; csrf?: boolean } = {},
    ): Promise<RawReply> => {
      const before = await entryTablesDigest(server);
      const reply = await rawPostEntry(person, body, options);
      expectRawProblem(reply, code);
      expect(await entryTablesDigest(server)).toEqual(before);
      return reply;
    };

    /** `people` at another key than their current one (an old or a revoked key). */
    const atKey =
      (person: ParleyPerson, keyId: string) =>
      (directory: DirectoryState, members: readonly RecipientKey[]): RecipientKey[] => [
        ...members.filter((recipient) => recipient.person !== person.personId),
        ...recipientsOf(directory, [person], { [person.personId]: keyId }),
      ];

    /** The members plus `person`, at their current key or at `keyId`. */
    const plus =
      (person: ParleyPerson, keyId?: string) =>
      (directory: DirectoryState, members: readonly RecipientKey[]): RecipientKey[] => [
        ...members,
        ...recipientsOf(directory, [person], keyId === undefined ? {} : { [person.personId]: keyId }),
      ];

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer(created.options);
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin');
      adminA = admin;
      const b = await startParty(server, 'Delegation B');
      const c = await startParty(server, 'Ombudsman C');
      parties = { a: partyId, b: b.partyId, c: c.partyId };
      staff = await enrolMember(server, admin, { partyId: parties.a, role: 'staff', name: 'Sam Staff' });
      envoyA = await enrolMember(server, admin, { partyId: parties.a, role: 'envoy', name: 'Eve Envoy' });
      rotated = await enrolMember(server, admin, { partyId: parties.a, role: 'envoy', name: 'Rob Rotated' });
      revoked = await enrolMember(server, admin, { partyId: parties.a, role: 'envoy', name: 'Val Revoked' });
      envoyB = await enrolMember(server, b.admin, { partyId: parties.b, role: 'envoy', name: 'Bo Envoy' });
      reviewer = await enrolMember(server, c.admin, { partyId: parties.c, role: 'reviewer', name: 'Rae Reviewer' });

      ({ streamId: caseId, entryHash: caseOpenHash } = await staff.openCase({
        parties: [parties.a],
        record: childRecord('Mariia'),
      }));
      await staff.append(caseId, { type: 'minutes', content: meetingMinutes('First call') });
      ({ streamId: threadId } = await envoyA.openThread({ parties: [parties.a, parties.b], subject: 'Channel' }));
      const letter: ContentOf<'letter'> = { type: 'letter', subject: 'List', body: 'The list.', attachments: [] };
      ({ entryHash: letterHash } = await envoyA.append(threadId, { type: 'letter', content: letter }));

      const directory = await reviewer.directory();
      oldKeyId = directory.currentKey(rotated.personId)?.keyId ?? '';
      // The server remembers a key id's signing key once used: the rotation must still refuse it.
      await rotated.append(caseId, { type: 'minutes', content: meetingMinutes('Before the rotation') });
      revokedKeyId = directory.currentKey(revoked.personId)?.keyId ?? '';
      await rotated.rotateKeys();
      await admin.revoke(revoked.personId);
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('accepts a correctly sealed entry (the control every refusal below departs from in one way)', async () => {
      const before = await entryTablesDigest(server);
      const reply = await rawPostEntry(staff, await caseMinutes(staff));
      expect(reply.status).toBe(201);
      expect(await entryTablesDigest(server)).not.toEqual(before);
    });

    it('refuses a signature that does not verify', async () => {
      const entry = await caseMinutes(staff);
      await expectRefusal(staff, { ...entry, signature: flipByte(entry.signature, 5) }, 'entrySignatureInvalid');
    });

    it('refuses an entry signed with a key its author used, then rotated away', async () => {
      const entry = await caseMinutes(rotated, { authorKeyId: oldKeyId, recipients: atKey(rotated, oldKeyId) });
      await expectRefusal(rotated, entry, 'entryKeyNotCurrent');
    });

    it('refuses a revoked person: their sessions ended with their key', async () => {
      const entry = await caseMinutes(revoked, { authorKeyId: revokedKeyId, recipients: atKey(revoked, revokedKeyId) });
      await expectRefusal(revoked, entry, 'unauthenticated');
    });

    it('refuses an author whose party is not a member of the stream', async () => {
      await expectRefusal(envoyB, await caseMinutes(envoyB, { recipients: plus(envoyB) }), 'notStreamMember');
    });

    it('refuses a recipient who is not a member, a revoked recipient, and a recipient at a key not current', async () => {
      const outsider = await caseMinutes(staff, { recipients: plus(envoyB) });
      const notMember = `Recipient ${envoyB.personId} is not a current member of this stream`;
      expect((await expectRefusal(staff, outsider, 'recipientNotAllowed')).body['detail']).toBe(notMember);
      const gone = await caseMinutes(staff, { recipients: plus(revoked, revokedKeyId) });
      const notActive = `Recipient ${revoked.personId} is not a current member of this stream`;
      expect((await expectRefusal(staff, gone, 'recipientNotAllowed')).body['detail']).toBe(notActive);
      const stale = await caseMinutes(staff, { recipients: atKey(rotated, oldKeyId) });
      const reseal = `Recipient ${rotated.personId} has another current key: re-seal`;
      expect((await expectRefusal(staff, stale, 'recipientNotAllowed')).body['detail']).toBe(reseal);
      // Admins of a member party manage people; they are never sealed content.
      const toAdmin = await caseMinutes(staff, { recipients: plus(adminA) });
      const adminRefused = `Recipient ${adminA.personId} is an admin: admins never read content`;
      expect((await expectRefusal(staff, toAdmin, 'recipientNotAllowed')).body['detail']).toBe(adminRefused);
    });

    it('refuses a role that may not write the kind: staff writing a letter, a reviewer opening a case', async () => {
      const letter: ContentOf<'letter'> = { type: 'letter', subject: 'Note', body: 'From staff', attachments: [] };
      const byStaff = await seal({
        author: staff,
        stream: threadId,
        kind: 'thread',
        draft: { type: 'letter', content: letter },
      });
      await expectRefusal(staff, byStaff, 'roleNotAllowed');
      const opening = await seal({
        author: reviewer,
        stream: randomUUID(),
        kind: 'case',
        members: [parties.c],
        draft: {
          type: 'case_open',
          content: { type: 'case_open', ...childRecord('Ivan') },
          meta: { members: [parties.c], reference: drawCaseCode() },
        },
      });
      await expectRefusal(reviewer, opening, 'roleNotAllowed');
    });

    it('refuses a stale prevHash and a seq gap with 409 and the current head', async () => {
      const head = await streamHead(reviewer, caseId);
      const stale = await expectRefusal(
        staff,
        await caseMinutes(staff, { prevHash: caseOpenHash }),
        'entryChainConflict',
      );
      expect(stale.body['head']).toEqual(head);
      const gap = await expectRefusal(staff, await caseMinutes(staff, { seq: head.seq + 2 }), 'entryChainConflict');
      expect(gap.body['head']).toEqual(head);
    });

    it('refuses opening a stream whose id is taken: 409 with the head for a member, 403 without it for anyone else', async () => {
      const head = await streamHead(reviewer, caseId);
      const opening = (author: ParleyPerson, kind: StreamKind, members: string[]) =>
        seal({
          author,
          stream: caseId,
          kind,
          members,
          draft:
            kind === 'case'
              ? {
                  type: 'case_open',
                  content: { type: 'case_open', ...childRecord('Ivan') },
                  meta: { members, reference: drawCaseCode() },
                }
              : { type: 'thread_open', content: { type: 'thread_open', subject: 'Taken' }, meta: { members } },
        });
      const byMember = await expectRefusal(staff, await opening(staff, 'case', [parties.a]), 'entryChainConflict');
      expect(byMember.body['head']).toEqual(head);
      const byOutsider = await expectRefusal(envoyB, await opening(envoyB, 'thread', [parties.b]), 'notStreamMember');
      expect(byOutsider.body['head']).toBeUndefined();
    });

    it('refuses a ciphertext over 1 MiB + 16 bytes with a 4xx problem (the schema: 400 validation)', async () => {
      const entry = await caseMinutes(staff);
      const oversized = toBase64url(new Uint8Array(MAX_ENTRY_CIPHERTEXT_BYTES + 17));
      const reply = await expectRefusal(staff, { ...entry, ciphertext: oversized }, 'validation');
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    });

    it('refuses malformed base64url in the ciphertext and in the signature', async () => {
      const entry = await caseMinutes(staff);
      await expectRefusal(staff, { ...entry, ciphertext: `+${entry.ciphertext.slice(1)}` }, 'validation');
      await expectRefusal(staff, { ...entry, signature: `${entry.signature.slice(0, -2)}=` }, 'validation');
      // 64 bytes leave 4 unused bits in the last character: set one, as a lax encoder might.
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet[alphabet.indexOf(entry.signature.at(-1) ?? 'A') + 1];
      await expectRefusal(staff, { ...entry, signature: `${entry.signature.slice(0, -1)}${last}` }, 'validation');
    });

    it('refuses unknown members in the body and in the signed header', async () => {
      const entry = await caseMinutes(staff);
      await expectRefusal(staff, { ...entry, note: 'extra' }, 'validation');
      const author = authorOf(staff, await reviewer.directory());
      const header = { ...entry.header, priority: 'high' } as unknown as SignedEntry['header'];
      await expectRefusal(staff, resigned(entry, header, author), 'validation');
    });

    it('refuses a ciphertext that does not match its hash', async () => {
      const entry = await caseMinutes(staff);
      await expectRefusal(staff, { ...entry, ciphertext: flipByte(entry.ciphertext, 40) }, 'entryInvalid');
    });

    it('refuses a countersignature over the hash of an entry that is not agreed minutes', async () => {
      const entry = await seal({
        author: envoyA,
        stream: threadId,
        kind: 'thread',
        draft: {
          type: 'countersignature',
          content: { type: 'countersignature' },
          refs: [letterHash],
          meta: { intent: 'authenticate' },
        },
      });
      await expectRefusal(envoyA, entry, 'entryInvalid');
    });

    it('refuses an entry that re-uses the id of a stored entry with 409, not 500 (issue 12)', async () => {
      const first = await caseMinutes(staff);
      expect((await rawPostEntry(staff, first)).status).toBe(201);
      const again = await caseMinutes(staff);
      const directory = await reviewer.directory();
      const reused = resigned(again, { ...again.header, id: first.header.id }, authorOf(staff, directory));
      await expectRefusal(staff, reused, 'conflict');
    });

    it('refuses a membership entry that adds and removes the same party (issue 12)', async () => {
      const entry = await seal({
        author: envoyA,
        stream: threadId,
        kind: 'thread',
        draft: {
          type: 'membership',
          content: { type: 'membership', reason: 'Ombudsman joins and leaves' },
          meta: { add: [parties.c], remove: [parties.c] },
        },
      });
      const reply = await expectRefusal(envoyA, entry, 'entryInvalid');
      expect(String(reply.body['detail'])).toContain('add and remove the same party');
    });

    it('refuses a case whose clear reference is free text, then takes the same case under a drawn code (issue 16)', async () => {
      const opening = (reference: string) =>
        seal({
          author: staff,
          stream: randomUUID(),
          kind: 'case',
          members: [parties.a],
          draft: {
            type: 'case_open',
            content: { type: 'case_open', ...childRecord('Olena') },
            meta: { members: [parties.a], reference },
          },
        });
      for (const reference of ['Olena Kovalenko 14.03.2014 Kherson', 'UA-2025-0147', 'c-0000-0000-0000-0000']) {
        const reply = await expectRefusal(staff, await opening(reference), 'entryInvalid');
        expect(String(reply.body['detail'])).toContain('case code');
      }
      // Positive control: the same record under a code drawn in the client is taken.
      expect((await rawPostEntry(staff, await opening(drawCaseCode()))).status).toBe(201);
    });

    it('refuses a write without the anti-forgery token or from another origin, then takes the same entry', async () => {
      const entry = await caseMinutes(staff);
      await expectRefusal(staff, entry, 'csrf', { csrf: false });
      await expectRefusal(staff, entry, 'badOrigin', { origin: 'https://parley.example.net' });
      const accepted = await rawPostEntry(staff, entry);
      expect(accepted.status).toBe(201);
      expect(accepted.body['entryHash']).toBe(hashOf(entry));
    });
  });
}
