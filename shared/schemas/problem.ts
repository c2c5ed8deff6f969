import { z } from 'zod';

/**
 * RFC 9457 problem details, as every non-2xx API reply carries them.
 * `errors` lists validation failures by JSON path; it never echoes the rejected value. Extension
 * members (RFC 9457 §3.2, such as `head` on a 409) are kept.
 */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

type ProblemDefinition = { readonly type: string; readonly status: number; readonly title: string };

const define = <const T extends Record<string, ProblemDefinition>>(table: T): T => table;

/**
 * Every problem the API can answer with, by code. Client and server share this table, so a
 * client can branch on `type` and a test can assert it.
 */
export const PROBLEMS = define({
  validation: { type: '/problems/validation', status: 400, title: 'The request does not match its schema' },
  malformedJson: { type: '/problems/malformed-json', status: 400, title: 'The request body is not valid JSON' },
  unsupportedMediaType: {
    type: '/problems/unsupported-media-type',
    status: 415,
    title: 'The request body has an unsupported content type',
  },
  payloadTooLarge: { type: '/problems/payload-too-large', status: 413, title: 'The request body is too large' },
  notFound: { type: '/problems/not-found', status: 404, title: 'No such resource' },
  methodNotAllowed: { type: '/problems/method-not-allowed', status: 405, title: 'Method not allowed on this resource' },
  unauthenticated: { type: '/problems/unauthenticated', status: 401, title: 'Sign-in required' },
  forbidden: { type: '/problems/forbidden', status: 403, title: 'Not allowed for this person' },
  csrf: { type: '/problems/csrf', status: 403, title: 'Missing or wrong anti-forgery token' },
  badOrigin: { type: '/problems/bad-origin', status: 403, title: 'Request from a foreign origin' },
  passkeyRejected: { type: '/problems/passkey-rejected', status: 400, title: 'The passkey response was not accepted' },
  invitationInvalid: {
    type: '/problems/invitation-invalid',
    status: 403,
    title: 'This invitation is unknown, used, withdrawn or expired',
  },
  statementRejected: { type: '/problems/key-statement-rejected', status: 422, title: 'The key statement is not valid' },
  entrySignatureInvalid: {
    type: '/problems/entry-signature-invalid',
    status: 422,
    title: "The entry's signature does not verify",
  },
  entryKeyNotCurrent: {
    type: '/problems/entry-key-not-current',
    status: 422,
    title: "The entry is not signed with the author's current key",
  },
  entryChainConflict: {
    type: '/problems/entry-chain-conflict',
    status: 409,
    title: 'Entry does not extend the stream head: re-read, re-seal and re-sign',
  },
  notStreamMember: { type: '/problems/not-stream-member', status: 403, title: 'Not a member of this stream' },
  recipientNotAllowed: {
    type: '/problems/recipient-not-allowed',
    status: 422,
    title: 'A recipient is not a current member of the stream, or not at their current key',
  },
  roleNotAllowed: {
    type: '/problems/role-not-allowed',
    status: 403,
    title: 'This role may not write this kind of entry',
  },
  entryInvalid: { type: '/problems/entry-invalid', status: 422, title: 'The entry breaks a rule of its kind' },
  entryTooLarge: {
    type: '/problems/entry-too-large',
    status: 413,
    title: 'The entry or attachment exceeds its size limit',
  },
  rateLimited: { type: '/problems/rate-limited', status: 429, title: 'Too many attempts; wait and retry' },
  conflict: { type: '/problems/conflict', status: 409, title: 'The request conflicts with the current state' },
  quotaExceeded: {
    type: '/problems/quota-exceeded',
    status: 413,
    title: 'This upload would exceed your storage quota',
  },
  exportTooLarge: {
    type: '/problems/export-too-large',
    status: 413,
    title: 'The export is larger than the server allows: narrow its scope',
  },
  tooManyStreams: {
    type: '/problems/too-many-streams',
    status: 429,
    title: 'Too many open event streams; close one and retry',
  },
  badRequest: { type: '/problems/bad-request', status: 400, title: 'The HTTP request could not be parsed' },
  requestTimeout: { type: '/problems/request-timeout', status: 408, title: 'The request was not received in time' },
  headersTooLarge: {
    type: '/problems/headers-too-large',
    status: 431,
    title: 'The request headers are too large',
  },
  internal: { type: '/problems/internal', status: 500, title: 'Internal server error' },
  unavailable: { type: '/problems/unavailable', status: 503, title: 'The server is shutting down' },
  databaseUnavailable: {
    type: '/problems/database-unavailable',
    status: 503,
    title: 'The database is unreachable; retry after the time given in Retry-After',
  },
  insufficientStorage: {
    type: '/problems/insufficient-storage',
    status: 507,
    title: 'The server is low on disk space: writes are paused, reads still work',
  },
});
export type ProblemCode = keyof typeof PROBLEMS;
