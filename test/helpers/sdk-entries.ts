import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { EntryAuthor } from '../../client/sdk/entry-draft';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { streamingHeaders } from '../../client/sdk/raw-http';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { entryRoutes } from '../../shared/api/entries';
import type { ContentOf } from '../../shared/content/entry-content';
import { computeEntryHash } from '../../shared/crypto/entry-bytes';
import type { RecipientKey } from '../../shared/crypto/entry-recipients';
import { signEntryHeader } from '../../shared/crypto/entry-signature';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import type { EntryHeader, SignedEntry } from '../../shared/schemas/entry';
import { PROBLEMS, type ProblemCode } from '../../shared/schemas/problem';
import type { Role } from '../../shared/schemas/role';
import { enrolInvitee } from './sdk-people';
import type { TestServer } from './test-server';

/** An active person of a party: invited and endorsed by `admin`, enrolled through the SDK. */
export const enrolMember = async (
  server: TestServer,
  admin: ParleyPerson,
  invitation: { partyId: string; role: Role; name: string },
): Promise<ParleyPerson> => {
  const person = await enrolInvitee(server, admin, invitation);
  await admin.endorse(person.personId);
  return person;
};

/** Every table an append writes to. */
const ENTRY_TABLES = [
  'entries',
  'streams',
  'stream_memberships',
  'log_leaves',
  'log_nodes',
  'checkpoints',
  'attachments',
] as const;

/**
 * A digest of every row of the tables an append writes (count and md5 of the rows in text form,
 * sorted): equal before and after a refusal means the refusal changed nothing.
 */
export const entryTablesDigest = async (server: TestServer): Promise<Record<string, string>> => {
  const digest: Record<string, string> = {};
  for (const table of ENTRY_TABLES) {
    const result = (await server.database.db.execute(
      sql.raw(
        `select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t`,
      ),
    )) as unknown as { rows: { n: number; h: string }[] };
    const [row] = result.rows;
    digest[table] = `${row?.n}:${row?.h}`;
  }
  return digest;
};

/** What a raw `POST /api/entries` answered: its status and parsed body. */
export type RawReply = { readonly status: number; readonly body: Record<string, unknown> };

/**
 * Posts an entry body as given (a string is sent byte for byte) with the person's cookie, and by
 * default their `Origin` and anti-forgery token, so a test can send what the SDK never would.
 */
export const rawPostEntry = async (
  person: ParleyPerson,
  body: unknown,
  options: { origin?: string; csrf?: boolean } = {},
): Promise<RawReply> => {
  const headers = streamingHeaders(person.http, person.currentSession, true, {
    'content-type': 'application/json',
    accept: 'application/json, application/problem+json',
  });
  if (options.origin !== undefined) {
    headers['origin'] = options.origin;
  }
  if (options.csrf === false) {
    delete headers['x-parley-csrf'];
  }
  const response = await fetch(new URL(entryRoutes.appendEntry.path, person.http.baseUrl), {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Checks a raw reply is the given problem, with its registered status, as problem+json. */
export const expectRawProblem = (reply: RawReply, code: ProblemCode): void => {
  expect({ status: reply.status, type: reply.body['type'] }).toEqual({
    status: PROBLEMS[code].status,
    type: PROBLEMS[code].type,
  });
};

/** The author fields and signing key of a person, at their current key or at `keyId` (an older one). */
export const authorOf = (person: ParleyPerson, directory: DirectoryState, keyId?: string): EntryAuthor => {
  const id = keyId ?? directory.currentKey(person.personId)?.keyId;
  const record = id === undefined ? undefined : directory.keyRecord(id);
  const held = id === undefined ? undefined : unlockedKeyringOf(person)?.key(id);
  if (!record || !held) {
    throw new Error(`${person.personId} holds no key ${id ?? '(current)'}`);
  }
  return { person: person.personId, party: record.party, keyId: record.keyId, signSecretKey: held.signSecretKey };
};

/** People as recipients at their current key, or at the key id given for them. */
export const recipientsOf = (
  directory: DirectoryState,
  people: readonly ParleyPerson[],
  keyIds: Readonly<Record<string, string>> = {},
): RecipientKey[] =>
  people.map((person) => {
    const record = directory.keyRecord(keyIds[person.personId] ?? directory.currentKey(person.personId)?.keyId ?? '');
    if (!record) {
      throw new Error(`${person.personId} has no such key`);
    }
    return { person: person.personId, keyId: record.keyId, boxPublicKey: fromBase64url(record.boxKey) as BoxPublicKey };
  });

/** The same entry with its header changed and signed again by `author`: only the change is wrong. */
export const resigned = (entry: SignedEntry, header: EntryHeader, author: EntryAuthor): SignedEntry => ({
  ...entry,
  header,
  signature: signEntryHeader(header, author.signSecretKey),
});

/** The entry hash of a signed entry. */
export const hashOf = (entry: SignedEntry): string => computeEntryHash(entry.header, entry.signature);

/** Base64url of the same bytes with one bit flipped at `index`: still well-formed, now wrong. */
export const flipByte = (text: string, index = 0): string => {
  const bytes = fromBase64url(text);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return toBase64url(bytes);
};

/** A stream's head as the server reports it. */
export const streamHead = async (person: ParleyPerson, streamId: string) => {
  const { stream } = await person.api(entryRoutes.listEntries, {
    params: { streamId },
    // Not Number.MAX_SAFE_INTEGER: the server compares `after` with an int4 column and answers 500
    // for anything past 2^31 - 1 (server bug, reported).
    query: { after: 2_147_483_647, limit: 1 },
  });
  if (!stream.head) {
    throw new Error(`stream ${streamId} has no head`);
  }
  return stream.head;
};

/** A child record with the least a case needs. */
export const childRecord = (given: string): Omit<ContentOf<'case_open'>, 'type'> => ({
  names: [{ given, family: 'Kovalenko', kind: 'birth', script: 'Latn', language: 'uk', source: 'birth certificate' }],
  sex: 'female',
});

/** Minutes of a meeting, with the attachments given. */
export const meetingMinutes = (subject: string, attachments: ContentOf<'minutes'>['attachments'] = []) =>
  ({
    type: 'minutes',
    kind: 'meeting',
    date: '2026-11-20',
    place: 'Doha',
    participants: [{ name: 'Case officer' }],
    subject,
    text: `Minutes: ${subject}`,
    attachments,
  }) satisfies ContentOf<'minutes'>;
