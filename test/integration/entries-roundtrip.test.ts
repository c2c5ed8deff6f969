import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EntryNotReadableError, EntryVerificationError } from '../../client/sdk/entry-errors';
import type { EntryNotice } from '../../client/sdk/entry-events';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { entryRoutes } from '../../shared/api/entries';
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import type { ContentOf } from '../../shared/content/entry-content';
import { ATTACHMENT_MAX_BYTES } from '../../shared/crypto/attachment-size';
import { computeEntryHash } from '../../shared/crypto/entry-bytes';
import type { StoredEntry } from '../../shared/schemas/stream';
import { driversUnderTest } from '../helpers/databases';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, expectProblem, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Downloads an attachment into memory (small files only). */
const downloaded = async (person: ParleyPerson, ref: AttachmentRef): Promise<Buffer> => {
  const chunks: Uint8Array[] = [];
  await person.downloadAttachment(ref, (chunk) => {
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
};

/** `size` random bytes in 1 MiB pieces, generated as they are read; `digest` sees each piece. */
async function* generatedFile(size: number, digest: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < size; ) {
    const piece = randomBytes(Math.min(1024 * 1024, size - sent));
    digest.update(piece);
    sent += piece.length;
    yield piece;
  }
}

/** A fetch that re-dates one entry of a stream and re-computes its hash, as a server rewriting history would. */
const redatingFetch =
  (target: string): typeof fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    if (!new URL(String(input)).pathname.endsWith('/entries') || !response.ok) {
      return response;
    }
    const page = (await response.json()) as { entries: StoredEntry[] };
    page.entries = page.entries.map((entry) => {
      if (entry.entryHash !== target) {
        return entry;
      }
      const header = { ...entry.header, claimedAt: '2020-01-01T00:00:00.000Z' };
      return { ...entry, header, entryHash: computeEntryHash(header, entry.signature) };
    });
    return Response.json(page);
  };

for (const driver of driversUnderTest()) {
  describe(`entries round trip through the Node SDK on ${driver.name}`, () => {
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let parties: { a: string; b: string; c: string };
    let staff: ParleyPerson;
    let envoyA: ParleyPerson;
    let envoyB: ParleyPerson;
    let reviewer: ParleyPerson;
    let caseId: string;
    let caseOpenHash: string;
    let record: Omit<ContentOf<'case_open'>, 'type'>;
    let photo: AttachmentRef;
    let photoBytes: Buffer;
    let threadId: string;
    let minutesHash: string;
    let pdf: AttachmentRef;

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer(created.options);
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin');
      const b = await startParty(server, 'Delegation B');
      const c = await startParty(server, 'Ombudsman C');
      parties = { a: partyId, b: b.partyId, c: c.partyId };
      staff = await enrolMember(server, admin, { partyId: parties.a, role: 'staff', name: 'Sam Staff' });
      envoyA = await enrolMember(server, admin, { partyId: parties.a, role: 'envoy', name: 'Eve Envoy' });
      envoyB = await enrolMember(server, b.admin, { partyId: parties.b, role: 'envoy', name: 'Bo Envoy' });
      reviewer = await enrolMember(server, c.admin, { partyId: parties.c, role: 'reviewer', name: 'Rae Reviewer' });
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('staff opens a case with a child record and a 2 MB photo', async () => {
      photoBytes = randomBytes(2 * 1024 * 1024);
      photo = await staff.uploadAttachment(photoBytes, {
        name: 'photo.jpg',
        mediaType: 'image/jpeg',
      });
      expect(photo).toMatchObject({ name: 'photo.jpg', mediaType: 'image/jpeg', size: photoBytes.length });
      record = { ...childRecord('Olena'), photos: [photo] };
      const opened = await staff.openCase({ reference: 'C-0000-0000-2025-0001', parties: [parties.a], record });
      ({ streamId: caseId, entryHash: caseOpenHash } = opened);
      expect(opened.receipt.inclusion.leafIndex).toBe(opened.leafIndex);

      const [entry, ...rest] = await envoyA.readStream(caseId);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({
        entryHash: caseOpenHash,
        content: { type: 'case_open', ...record },
        verified: { signature: true, chain: true, inclusion: true },
      });
      expect(entry?.header.meta).toEqual({
        members: [parties.a],
        reference: 'C-0000-0000-2025-0001',
        attachments: [photo.id],
      });
      expect((await downloaded(envoyA, photo)).equals(photoBytes)).toBe(true);
    });

    it('an envoy writes a letter to another party in a thread linked to the case; the other envoy reads it', async () => {
      const notices: EntryNotice[] = [];
      const stop = envoyB.events((notice) => notices.push(notice));
      await stop.ready;
      const thread = await envoyA.openThread({ parties: [parties.a, parties.b], subject: 'Returns before winter' });
      threadId = thread.streamId;
      const letter: ContentOf<'letter'> = {
        type: 'letter',
        subject: 'Proposed list of children',
        body: 'Excellency, we propose to discuss the enclosed case at the next meeting.',
        attachments: [],
        salutation: 'Excellency,',
      };
      const sent = await envoyA.append(threadId, { type: 'letter', content: letter, cases: [caseId] });

      const read = await envoyB.readStream(threadId);
      expect(read.map((entry) => entry.header.type)).toEqual(['thread_open', 'letter']);
      expect(read[1]).toMatchObject({ entryHash: sent.entryHash, content: letter, header: { cases: [caseId] } });
      expect(read[0]?.content).toEqual({ type: 'thread_open', subject: 'Returns before winter' });
      await vi.waitFor(() => expect(notices.map((notice) => notice.entryHash)).toContain(sent.entryHash));
      expect(notices.find((notice) => notice.entryHash === sent.entryHash)).toMatchObject({
        streamId: threadId,
        seq: 2,
      });
      stop();
      await expectProblem(envoyB.readStream(caseId), 'notStreamMember');
    });

    it('staff attaches minutes with a PDF to the case, and a member reads and downloads them', async () => {
      const pdfBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000), Buffer.from('\n%%EOF\n')]);
      pdf = await staff.uploadAttachment(pdfBytes, {
        name: 'minutes.pdf',
        mediaType: 'application/pdf',
      });
      const minutes = meetingMinutes('Meeting with the commissioner', [pdf]);
      minutesHash = (await staff.append(caseId, { type: 'minutes', content: minutes })).entryHash;
      const read = await envoyA.readStream(caseId);
      expect(read.map((entry) => entry.header.seq)).toEqual([1, 2]);
      expect(read[1]).toMatchObject({
        entryHash: minutesHash,
        content: minutes,
        header: { meta: { attachments: [pdf.id] } },
      });
      expect((await downloaded(envoyA, pdf)).equals(pdfBytes)).toBe(true);
    });

    it('a reviewer of a third party lists the streams and reads the timeline: signed headers, no ciphertext', async () => {
      const { streams } = await reviewer.api(entryRoutes.listStreams);
      const seen = streams.filter((stream) => stream.id === caseId || stream.id === threadId);
      expect(
        seen.map((stream) => ({ id: stream.id, isMember: stream.isMember })).sort((x, y) => x.id.localeCompare(y.id)),
      ).toEqual([caseId, threadId].sort().map((id) => ({ id, isMember: false })));
      const timeline = await reviewer.readStream(caseId);
      expect(timeline.map((entry) => [entry.header.type, entry.header.author.person, entry.content])).toEqual([
        ['case_open', staff.personId, undefined],
        ['minutes', staff.personId, undefined],
      ]);
      expect(
        timeline.every((entry) => entry.verified.signature && entry.verified.chain && entry.verified.inclusion),
      ).toBe(true);
      const raw = await reviewer.api(entryRoutes.listEntries, {
        params: { streamId: threadId },
        query: { after: 0, limit: 10 },
      });
      expect(raw.entries.map((entry) => entry.ciphertext)).toEqual([undefined, undefined]);
      await expectProblem(downloaded(reviewer, photo), 'notFound');
    });

    it('a 50 MiB attachment streams up and down, its digest and contents matching', { timeout: 300_000 }, async () => {
      const sent = createHash('sha256');
      const scan = await staff.uploadAttachment(generatedFile(ATTACHMENT_MAX_BYTES, sent), {
        name: 'scan.tiff',
        mediaType: 'image/tiff',
      });
      expect(scan.size).toBe(ATTACHMENT_MAX_BYTES);
      await staff.append(caseId, { type: 'minutes', content: meetingMinutes('Scanned registry pages', [scan]) });
      const received = createHash('sha256');
      let size = 0;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          received.update(chunk);
          size += chunk.length;
          done();
        },
      });
      await envoyA.downloadAttachment(scan, sink);
      expect(size).toBe(ATTACHMENT_MAX_BYTES);
      expect(received.digest('hex')).toBe(sent.digest('hex'));
    });

    it('disclosing one entry to the reviewer lets them open exactly that entry and no other', async () => {
      const disclosure = await staff.disclose(caseId, {
        grantee: reviewer.personId,
        entries: [caseOpenHash],
        purpose: 'Ombudsman review of the identification',
      });
      const opened = await reviewer.openDisclosed(caseOpenHash);
      expect(opened.content).toEqual({ type: 'case_open', ...record });

      const refusal = await reviewer.openDisclosed(minutesHash).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(EntryNotReadableError);
      expect(refusal).toMatchObject({ reason: 'no-ciphertext' });
      const other = await reviewer.api(entryRoutes.getEntry, { params: { entryHash: minutesHash } });
      expect(other.ciphertext).toBeUndefined();
      expect(other.header.recipients.map((recipient) => recipient.person)).not.toContain(reviewer.personId);

      const timeline = await reviewer.readStream(caseId);
      const readable = timeline.filter((entry) => entry.content !== undefined).map((entry) => entry.entryHash);
      expect(readable).toEqual([caseOpenHash, disclosure.entryHash]);
      expect((await downloaded(reviewer, photo)).equals(photoBytes)).toBe(true);
      await expectProblem(downloaded(reviewer, pdf), 'notFound');
    });

    it('a reader refuses a timeline the server re-dated, naming the entry', async () => {
      const copy = await ParleyPerson.fromState(reviewer.exportState(), { fetch: redatingFetch(minutesHash) });
      await copy.signIn();
      await copy.unlock();
      const refusal = await copy.readStream(caseId).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(EntryVerificationError);
      expect(refusal).toMatchObject({ check: 'signature', entry: { streamId: caseId, seq: 2 } });
    });
  });
}
