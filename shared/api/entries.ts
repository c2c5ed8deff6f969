import { z } from 'zod';
import { Count, Hash32, Uuid } from '../schemas/common';
import { SignedEntry } from '../schemas/entry';
import { AppendReceipt, StreamInclusionProof } from '../schemas/log';
import { AttachmentReceipt, StoredEntry, StreamView } from '../schemas/stream';
import type { Access } from './route';
import { defineRoute } from './route';

const READERS: Access = { kind: 'person', roles: ['envoy', 'staff', 'reviewer'], scope: 'stream-reader' };
const WRITERS: Access = { kind: 'person', roles: ['envoy', 'staff', 'reviewer'], scope: 'entry-author' };
const UPLOADERS: Access = { kind: 'person', roles: ['envoy', 'staff'] };
const ANY_READER: Access = { kind: 'person', roles: ['envoy', 'staff', 'reviewer'] };

export const entryRoutes = {
  listStreams: defineRoute({
    method: 'GET',
    path: '/api/streams',
    tag: 'entries',
    access: ANY_READER,
    summary: "Cases and threads of the caller's party (all of them, headers only, for reviewers)",
    response: z.object({ streams: z.array(StreamView) }),
  }),
  listEntries: defineRoute({
    method: 'GET',
    path: '/api/streams/:streamId/entries',
    tag: 'entries',
    access: READERS,
    summary: 'Entries of a stream in chain order after a seq',
    params: z.object({ streamId: Uuid }),
    query: z.object({
      after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    response: z.object({ stream: StreamView, entries: z.array(StoredEntry) }),
    problems: ['notFound', 'notStreamMember'],
  }),
  streamProofs: defineRoute({
    method: 'GET',
    path: '/api/streams/:streamId/proofs',
    tag: 'entries',
    access: READERS,
    summary:
      "Inclusion proofs of a stream's entries after a seq, in chain order, in the tree of a given size (entries logged after it are left out)",
    params: z.object({ streamId: Uuid }),
    query: z.object({
      treeSize: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(1000),
    }),
    response: z.object({ treeSize: Count, proofs: z.array(StreamInclusionProof) }),
    problems: ['notFound', 'notStreamMember'],
  }),
  getEntry: defineRoute({
    method: 'GET',
    path: '/api/entries/:entryHash',
    tag: 'entries',
    access: ANY_READER,
    summary: 'One entry by hash, where the caller may see it',
    params: z.object({ entryHash: Hash32 }),
    response: StoredEntry,
    problems: ['notFound'],
  }),
  appendEntry: defineRoute({
    method: 'POST',
    path: '/api/entries',
    tag: 'entries',
    access: WRITERS,
    status: 201,
    summary: 'Append a signed, encrypted entry; answers with its inclusion proof and checkpoint',
    body: SignedEntry,
    response: AppendReceipt.extend({ entryHash: Hash32 }),
    problems: [
      'entrySignatureInvalid',
      'entryKeyNotCurrent',
      'entryChainConflict',
      'notStreamMember',
      'recipientNotAllowed',
      'roleNotAllowed',
      'entryInvalid',
      'entryTooLarge',
      'notFound',
    ],
  }),
  events: defineRoute({
    method: 'GET',
    path: '/api/events',
    tag: 'entries',
    access: ANY_READER,
    summary:
      'Server-sent events: `entry` notices (stream, seq, entry hash, leaf index; never content) for streams the caller may see',
    response: null,
    problems: ['tooManyStreams'],
  }),
  uploadAttachment: defineRoute({
    method: 'PUT',
    path: '/api/attachments',
    tag: 'entries',
    access: UPLOADERS,
    bodyKind: 'stream',
    status: 201,
    summary: 'Upload an encrypted attachment (crypto_secretstream ciphertext), streamed, at most 51 MiB',
    response: AttachmentReceipt,
    problems: ['entryTooLarge', 'unsupportedMediaType', 'quotaExceeded', 'rateLimited'],
  }),
  downloadAttachment: defineRoute({
    method: 'GET',
    path: '/api/attachments/:attachmentId',
    tag: 'entries',
    access: ANY_READER,
    summary: 'Download an encrypted attachment, streamed',
    params: z.object({ attachmentId: Uuid }),
    response: null,
    problems: ['notFound'],
  }),
};
