import { randomUUID } from 'node:crypto';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { keyRoutes } from '../../shared/api/identity';
import type { ContentOf } from '../../shared/content/entry-content';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import type { Role } from '../../shared/schemas/role';
import { meetingMinutes } from './sdk-entries';
import { enrolBootstrapAdmin, enrolInvitee, startParty } from './sdk-people';
import { EntryWriter } from './tamper-writer';
import type { TestServer } from './test-server';

/** The people, parties, streams and entries of {@link buildAuditedLog}. */
export type AuditedLog = {
  readonly people: {
    readonly admin: ParleyPerson;
    readonly envoyA: ParleyPerson;
    readonly staffA: ParleyPerson;
    readonly envoyB: ParleyPerson;
    readonly reviewer: ParleyPerson;
    /** An envoy whose party is a member of no stream. */
    readonly outsider: ParleyPerson;
  };
  readonly parties: { readonly a: string; readonly b: string; readonly c: string };
  readonly caseId: string;
  readonly threadId: string;
  readonly writer: EntryWriter;
  /** The leaf index of envoy A's key rotation, and its statement hash. */
  readonly rotationPosition: number;
  readonly rotationHash: string;
};

/**
 * A small real log, built through the SDK against a running server: three parties, each started
 * with its own root admin, who invites and endorses its people: an envoy and a staff member of
 * party A, an envoy of B, a reviewer and an outsider envoy of C; a case of A (opened by staff, with minutes and a status
 * change), a thread between A and B (letters both ways, an acknowledgement), envoy A's key
 * rotation in the middle of the thread, and letters signed with the new key after it.
 */
export const buildAuditedLog = async (server: TestServer): Promise<AuditedLog> => {
  const { admin, partyId: a } = await enrolBootstrapAdmin(server, `Avalon ${randomUUID().slice(0, 8)}`, 'Ada Admin');
  const borduria = await startParty(server, `Borduria ${randomUUID().slice(0, 8)}`);
  const carpathia = await startParty(server, `Carpathia ${randomUUID().slice(0, 8)}`);
  const [b, c] = [borduria.partyId, carpathia.partyId];
  const adminOf = new Map([
    [a, admin],
    [b, borduria.admin],
    [c, carpathia.admin],
  ]);
  const invite = async (partyId: string, role: Role, name: string) => {
    const inviter = adminOf.get(partyId) ?? admin;
    const person = await enrolInvitee(server, inviter, { partyId, role, name });
    await inviter.endorse(person.personId);
    return person;
  };
  const envoyA = await invite(a, 'envoy', 'Eve Envoy');
  const staffA = await invite(a, 'staff', 'Sam Staff');
  const envoyB = await invite(b, 'envoy', 'Boris Envoy');
  const reviewer = await invite(c, 'reviewer', 'Rita Reviewer');
  const outsider = await invite(c, 'envoy', 'Otto Outsider');

  const writer = new EntryWriter();
  const letter = (subject: string): ContentOf<'letter'> => ({
    type: 'letter',
    subject,
    body: `${subject}.`,
    attachments: [],
  });
  const caseId = (await writer.openCase('case open', staffA, [a], drawCaseCode())).stream;
  const threadId = (await writer.openThread('thread open', envoyA, [a, b])).stream;
  await writer.write('minutes 1', staffA, caseId, { type: 'minutes', content: meetingMinutes('First meeting') });
  const first = await writer.write('letter A1', envoyA, threadId, { type: 'letter', content: letter('A1') });
  await writer.write('letter B1', envoyB, threadId, { type: 'letter', content: letter('B1') });
  await writer.write('ack B1', envoyB, threadId, {
    type: 'acknowledgement',
    content: { type: 'acknowledgement' },
    refs: [first.entryHash],
  });
  const rotation = await envoyA.rotateKeys();
  await writer.write('letter A2', envoyA, threadId, { type: 'letter', content: letter('A2') });
  await writer.write('status', staffA, caseId, {
    type: 'status_change',
    content: { type: 'status_change', status: 'identity_verified', note: '' },
  });
  await writer.write('note B2', envoyB, threadId, {
    type: 'note_verbale',
    content: { type: 'note_verbale', subject: 'B2', body: 'B2.', attachments: [], number: 1 },
  });
  await writer.write('letter A3', envoyA, threadId, { type: 'letter', content: letter('A3') });
  await writer.write('minutes 2', staffA, caseId, { type: 'minutes', content: meetingMinutes('Second meeting') });
  // Everyone is active: the directory the server serves must name each person's current key.
  const { treeSize } = await admin.checkLog();
  const { statements } = await admin.api(keyRoutes.listStatements, { query: { treeSize, after: -1, limit: 1000 } });
  if (!statements.some((record) => record.position === rotation.record.position)) {
    throw new Error('the rotation is not in the directory');
  }
  return {
    people: { admin, envoyA, staffA, envoyB, reviewer, outsider },
    parties: { a, b, c },
    caseId,
    threadId,
    writer,
    rotationPosition: rotation.record.position,
    rotationHash: rotation.record.hash,
  };
};
